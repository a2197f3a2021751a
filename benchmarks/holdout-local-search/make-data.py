#!/usr/bin/env python3
"""Generated regression data with irrelevant inputs, above -max-cv-rows (tuning data only).

    python3 benchmarks/holdout-local-search/make-data.py OUT_DIR

Writes OUT_DIR/irrelevant-7.arff and irrelevant-12.arff: 5000 rows each, inputs uniform in
[-3, 3], 7 or 12 of them, of which the class uses the first four:
y = 2 sin(x0) + x1 x2 / 2 + tanh(x3) + N(0, 0.3^2). Seeded (3 and 12), so the files are the
same on every machine.
"""
import math
import os
import random
import sys


def write(path, rows, inputs, seed):
    r = random.Random(seed)
    with open(path, "w") as f:
        f.write("@relation %s\n" % os.path.basename(path)[:-5])
        for j in range(inputs):
            f.write("@attribute x%d numeric\n" % j)
        f.write("@attribute y numeric\n@data\n")
        for _ in range(rows):
            x = [r.uniform(-3, 3) for _ in range(inputs)]
            y = 2 * math.sin(x[0]) + 0.5 * x[1] * x[2] + math.tanh(x[3]) + 0.3 * r.gauss(0, 1)
            f.write(",".join("%.5f" % v for v in x + [y]) + "\n")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "irrelevant-7.arff"), 5000, 7, 3)
    write(os.path.join(out, "irrelevant-12.arff"), 5000, 12, 12)


if __name__ == "__main__":
    main()

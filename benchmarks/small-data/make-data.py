#!/usr/bin/env python3
"""Two small synthetic regression sets (50 rows each) for the training-mean fallback study:
   python3 benchmarks/small-data/make-data.py OUT_DIR
lin50: y = 2 x1 + N(0, 0.8^2), one input; smooth50: y = sin(2 x1) + x2 / 2 + N(0, 0.3^2), three
inputs (x3 unrelated); inputs uniform on [-1, 1]; seed 5."""
import math
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "data/small"
os.makedirs(out, exist_ok=True)
random.seed(5)


def write(name, rows, f, nin):
    with open(os.path.join(out, name + ".arff"), "w") as o:
        o.write(f"@relation {name}\n")
        for j in range(nin):
            o.write(f"@attribute x{j + 1} numeric\n")
        o.write("@attribute y numeric\n@data\n")
        for _ in range(rows):
            x = [random.uniform(-1, 1) for _ in range(nin)]
            o.write(",".join(f"{v:.5f}" for v in x) + f",{f(x):.5f}\n")


write("lin50", 50, lambda x: 2 * x[0] + random.gauss(0, 0.8), 1)
write("smooth50", 50, lambda x: math.sin(2 * x[0]) + 0.5 * x[1] + random.gauss(0, 0.3), 3)

#!/usr/bin/env python3
"""Adds Gaussian noise to the class (last attribute) of a numeric ARFF file:
   python3 benchmarks/selection/add-noise.py IN.arff OUT.arff FRACTION SEED
the noise variance is FRACTION times the class's variance in IN; written atomically."""
import os
import random
import statistics
import sys

src, dst, fraction, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
random.seed(seed)
head, rows, data = [], [], False
for line in open(src):
    if data and line.strip() and not line.startswith("%"):
        rows.append(line.strip().split(","))
    else:
        head.append(line)
        data = data or line.strip().lower() == "@data"
ys = [float(r[-1]) for r in rows]
sd = (fraction * statistics.pvariance(ys)) ** 0.5
with open(dst + ".tmp", "w") as o:
    o.writelines(head)
    for r in rows:
        r[-1] = repr(float(r[-1]) + random.gauss(0, sd))
        o.write(",".join(r) + "\n")
os.replace(dst + ".tmp", dst)

#!/usr/bin/env python3
"""Tuning data for the selection and the refinement (generated; no real data set, no CORNN F1..F52):
   python3 benchmarks/selection/make-data.py OUT_DIR
lin50:    y = 2 x1 + N(0, 0.8^2), one input, 50 rows (as benchmarks/small-data)
smooth50: y = sin(2 x1) + x2 / 2 + N(0, 0.3^2), three inputs (x3 unrelated), 50 rows
noise60:  y = N(0, 1), three inputs, 60 rows (the answer is the mean)
skew120:  x1 lognormal, x2 binary, x3 uniform, x4 irrelevant; y = log(x1) + x2 + sin(3 x3),
          noise a quarter of the signal's variance, 120 rows
inputs uniform on [-1, 1] unless said; seed 7."""
import math
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "data/selection"
os.makedirs(out, exist_ok=True)
random.seed(7)


def write(name, rows, make, nin):
    path = os.path.join(out, name + ".arff")
    with open(path + ".tmp", "w") as o:
        o.write(f"@relation {name}\n")
        for j in range(nin):
            o.write(f"@attribute x{j + 1} numeric\n")
        o.write("@attribute y numeric\n@data\n")
        for _ in range(rows):
            x, y = make()
            o.write(",".join(f"{v:.6g}" for v in x) + f",{y:.6g}\n")
    os.replace(path + ".tmp", path)


def u():
    return random.uniform(-1, 1)


def lin():
    x = [u()]
    return x, 2 * x[0] + random.gauss(0, 0.8)


def smooth():
    x = [u(), u(), u()]
    return x, math.sin(2 * x[0]) + 0.5 * x[1] + random.gauss(0, 0.3)


def noise():
    return [u(), u(), u()], random.gauss(0, 1)


def skew():
    x = [math.exp(random.gauss(0, 1.2)), float(random.random() < 0.4), random.random(), u()]
    f = math.log(x[0]) + x[1] + math.sin(3 * x[2])
    return x, f + random.gauss(0, 0.5 * 0.85)  # signal variance about 2.9: noise a quarter


write("lin50", 50, lin, 1)
write("smooth50", 50, smooth, 3)
write("noise60", 60, noise, 3)
write("skew120", 120, skew, 4)

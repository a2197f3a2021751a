#!/usr/bin/env python3
"""A suite of small generated regression tasks for tuning the selection (no real data set, no
CORNN F1..F52 in it):
   python3 benchmarks/small-suite/make-data.py OUT_DIR [SIZES [FAMILIES]]
Seven families, each at 40, 120 and 300 training rows (or the comma-separated SIZES) and two
seeds (FAMILIES: a comma-separated subset of the names below); every task has a test file
of 2000 rows from the same distribution, noise included:
  weaklin   4 inputs, y = x1 + x2 / 2 + noise; the inputs explain a quarter of the variance
  lin8      8 inputs: 3 uniform and 1 lognormal relevant (through its log), 4 irrelevant (one
            binary); noise a fifth of the variance
  additive  5 inputs, y = sin(2 x1) + x2^2 + x3 / 2 (x4, x5 irrelevant); noise a tenth
  interact  4 inputs, y = x1 x2 + sin(2 x3) (x4 irrelevant); noise a tenth
  noise     5 inputs, y = N(0, 1): nothing to find, the answer is the mean
  nominal   a five-valued nominal (effects -1, 0, 0.5, 1, 2), a uniform and an irrelevant input;
            y = effect + x1; noise a third
  skewed    x1 lognormal, x2 binary, x3 uniform; y = log(x1) + x2 + sin(3 x3); noise half
Inputs are uniform on [-1, 1] unless said. Noise fractions are of the label's variance."""
import math
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "data/small-suite"
sizes = [int(v) for v in sys.argv[2].split(",")] if len(sys.argv) > 2 else [40, 120, 300]
chosen = sys.argv[3].split(",") if len(sys.argv) > 3 else None
os.makedirs(out, exist_ok=True)
U = lambda r: r.uniform(-1, 1)
LEVELS = ["a", "b", "c", "d", "e"]
EFFECT = {"a": -1.0, "b": 0.0, "c": 0.5, "d": 1.0, "e": 2.0}


def weaklin(r):
    x = [U(r) for _ in range(4)]
    f = x[0] + 0.5 * x[1]  # variance 1/3 + 1/12 = 5/12; noise 3 times that
    return x, f, math.sqrt(3 * 5 / 12)


def lin8(r):
    x = [U(r), U(r), U(r), math.exp(r.gauss(0, 1)), U(r), U(r), U(r), float(r.random() < 0.5)]
    f = x[0] - 0.7 * x[1] + 0.5 * x[2] + 0.6 * math.log(x[3])  # variance ~0.88
    return x, f, math.sqrt(0.88 / 4)


def additive(r):
    x = [U(r) for _ in range(5)]
    f = math.sin(2 * x[0]) + x[1] ** 2 + 0.5 * x[2]  # variance ~0.53
    return x, f, math.sqrt(0.53 / 9)


def interact(r):
    x = [U(r) for _ in range(4)]
    f = x[0] * x[1] + math.sin(2 * x[2])  # variance ~0.11 + 0.38
    return x, f, math.sqrt(0.49 / 9)


def noise(r):
    return [U(r) for _ in range(5)], 0.0, 1.0


def nominal(r):
    lev = r.choice(LEVELS)
    x = [lev, U(r), U(r)]
    f = EFFECT[lev] + x[1]  # variance ~1.0 + 0.33
    return x, f, math.sqrt(1.33 / 2)


def skewed(r):
    x = [math.exp(r.gauss(0, 1.2)), float(r.random() < 0.4), r.random()]
    f = math.log(x[0]) + x[1] + math.sin(3 * x[2])  # variance ~1.44 + 0.24 + 0.45
    return x, f, math.sqrt(2.13)


FAMILIES = {"weaklin": weaklin, "lin8": lin8, "additive": additive, "interact": interact,
            "noise": noise, "nominal": nominal, "skewed": skewed}


def write(path, name, rows, family, r):
    with open(path + ".tmp", "w") as o:
        o.write(f"@relation {name}\n")
        x0, _, _ = family(random.Random(0))
        for j, v in enumerate(x0):
            kind = "{" + ",".join(LEVELS) + "}" if isinstance(v, str) else "numeric"
            o.write(f"@attribute x{j + 1} {kind}\n")
        o.write("@attribute y numeric\n@data\n")
        for _ in range(rows):
            x, f, sd = family(r)
            y = f + r.gauss(0, sd)
            o.write(",".join(v if isinstance(v, str) else f"{v:.6g}" for v in x) + f",{y:.6g}\n")
    os.replace(path + ".tmp", path)


written = 0
for fam_index, (fam, family) in enumerate(FAMILIES.items()):
    if chosen is not None and fam not in chosen:
        continue
    for n in sizes:
        for seed in (1, 2):
            name = f"{fam}-{n}-s{seed}"
            r = random.Random(1000 * fam_index + 10 * n + seed)
            write(os.path.join(out, name + "_train.arff"), name, n, family, r)
            write(os.path.join(out, name + "_test.arff"), name, 2000, family, r)
            written += 1
print(f"wrote {written} tasks to {out}")

#!/usr/bin/env python3
"""Writes the synthetic nominal-input data sets, each in both encodings, as numeric ARFF files:
   python3 benchmarks/nominal/make-data.py benchmarks/nominal/data"""
import math
import os
import random
import sys


def write(path, names, rows):
    with open(path, 'w') as f:
        f.write('@relation synth\n')
        for n in names:
            f.write('@attribute %s numeric\n' % n)
        f.write('@data\n')
        for r in rows:
            f.write(','.join('%.6f' % v for v in r) + '\n')


def generate(seed, n, levels, fn, numeric):
    rnd = random.Random(seed)
    rows = []
    for _ in range(n):
        x = [rnd.uniform(-1, 1) for _ in range(numeric)]
        c = [rnd.randrange(k) for k in levels]
        rows.append((x, c, fn(x, c) + rnd.gauss(0, 0.02)))
    return rows


def encode(rows, levels, drop_first):
    out = []
    for x, c, y in rows:
        r = list(x)
        for k, ci in zip(levels, c):
            if k == 2:
                r.append(float(ci))
            else:
                r += [1.0 if ci == j else 0.0 for j in range(1 if drop_first else 0, k)]
        r.append(y)
        out.append(r)
    return out


SETS = {
    'offset': ([3], 2, lambda x, c: math.sin(2 * x[0]) + 0.5 * x[1] ** 2 + [0, 0.5, -0.7][c[0]]),
    'interaction': ([3], 2, lambda x, c: x[0] * [1, -1, 0.5][c[0]] + x[1]),
    'twonominal': ([3, 4], 1, lambda x, c: math.tanh(2 * x[0] + [0, 1, -1][c[0]])
                   + [0, 0.3, -0.3, 0.6][c[1]]),
}

out = sys.argv[1] if len(sys.argv) > 1 else 'benchmarks/nominal/data'
os.makedirs(out, exist_ok=True)
for name, (levels, numeric, fn) in SETS.items():
    train = generate(1, 1000, levels, fn, numeric)
    test = generate(2, 500, levels, fn, numeric)
    for drop, tag in ((False, 'k'), (True, 'k1')):
        width = len(encode(train[:1], levels, drop)[0]) - 1
        names = ['x%d' % (i + 1) for i in range(width)] + ['y']
        write(os.path.join(out, '%s-%s_train.arff' % (name, tag)), names, encode(train, levels, drop))
        write(os.path.join(out, '%s-%s_test.arff' % (name, tag)), names, encode(test, levels, drop))

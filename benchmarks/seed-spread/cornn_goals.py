#!/usr/bin/env python3
"""Issue 29's four CORNN goal figures per seed, and on the means over seeds.

    python3 benchmarks/seed-spread/cornn_goals.py --ref REF_DIR DIR[,DIR...] [--name NAME]

REF_DIR's results.csv gives DARTS_ADMM's and MLP_7_7's rows (run once); each DIR's gives
SWATNN's rows of one seed. Over F1..F52: the tasks where SWATNN has fewer non-zeros than
DARTS_ADMM, the median of SWATNN's test MSE over DARTS_ADMM's, the median non-zero ratio and
the tasks where SWATNN's test MSE is below MLP_7_7's, as `swatnn bench cornn` reports them.
The last row takes, per task, the geometric mean of the seeds' test MSEs and the arithmetic mean
of their non-zeros.
"""
import argparse
import csv
import math
import os
import statistics

# F53 and F54, the paper's tuning tasks, reported apart
TUNING = ('Xin-She Yang N.4', 'Zakharov')


def rows(folder, method):
    out = {}
    with open(os.path.join(folder, 'results.csv')) as f:
        for r in csv.DictReader(f):
            if r['method'] == method and r['config'] in ('selected', '-'):
                out[r['task']] = (float(r['test_mse']), float(r['nonzero'] or 'nan'))
    return out


def goals(sw, darts, mlp, tasks):
    fewer = sum(sw[t][1] < darts[t][1] for t in tasks)
    mse = statistics.median(sw[t][0] / darts[t][0] for t in tasks)
    nz = statistics.median(sw[t][1] / darts[t][1] for t in tasks)
    wins = sum(sw[t][0] < mlp[t][0] for t in tasks)
    return fewer, mse, nz, wins


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--ref', required=True)
    p.add_argument('dirs')
    p.add_argument('--name', default='SWATNN')
    args = p.parse_args()
    darts, mlp = rows(args.ref, 'DARTS_ADMM'), rows(args.ref, 'MLP_7_7')
    tasks = sorted(t for t in darts if t not in TUNING)
    runs = [(d, rows(d, args.name)) for d in args.dirs.split(',')]
    print('| run | fewer non-zeros than DARTS+ADMM (goal >= 42 of 52) | median MSE ratio '
          '(<= 1.0) | median non-zero ratio (<= 0.6) | below MLP -H 7,7 (>= 50) |')
    print('|---|---:|---:|---:|---:|')
    for d, sw in runs:
        f, m, n, w = goals(sw, darts, mlp, tasks)
        print('| %s | %d | %.3f | %.3f | %d |' % (d, f, m, n, w))
    if len(runs) > 1:
        mean = {t: (math.exp(statistics.fmean(math.log(sw[t][0]) for _, sw in runs)),
                    statistics.fmean(sw[t][1] for _, sw in runs)) for t in tasks}
        f, m, n, w = goals(mean, darts, mlp, tasks)
        print('| means over the %d runs | %d | %.3f | %.3f | %d |' % (len(runs), f, m, n, w))


if __name__ == '__main__':
    main()

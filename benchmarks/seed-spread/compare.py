#!/usr/bin/env python3
"""Real-data results of two builds, each run at several seeds, compared by their seed means.

    python3 benchmarks/seed-spread/compare.py --a DIR[,DIR...] [--b DIR[,DIR...]] [--method SWATNN]

Each DIR holds a `swatnn bench real` results.csv of one seed (the seed in the rows' `seed`
column is the folds' seed; the classifier's -S is told by the folder, so give each seed's folder
once). Per data set it prints each folder's RMSE, the mean over A's folders and, with --b, over
B's folders and B's mean relative to A's.

Without --b it measures the rule "no set's RMSE more than 3% worse" on the unchanged build: A's
folders split into their first and second halves, so that a change which changes nothing but
the draws is judged as a real change would be. It prints each set's change between the halves
and how many sets the rule fails.
"""
import argparse
import csv
import os
import statistics
import sys


def load(folder, method):
    rows = {}
    with open(os.path.join(folder, 'results.csv')) as f:
        for r in csv.DictReader(f):
            if r['method'] == method:
                rows[r['dataset']] = float(r['rmse'])
    return rows


def table(folders, method):
    runs = [load(f, method) for f in folders]
    sets = sorted(set.intersection(*(set(r) for r in runs)), key=str.lower)
    missing = sorted(set.union(*(set(r) for r in runs)) - set(sets))
    if missing:
        print('# left out, not in every folder: ' + ', '.join(missing), file=sys.stderr)
    return sets, runs


def mean(runs, name):
    return statistics.fmean(r[name] for r in runs)


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--a', required=True, help='comma-separated folders of build A, one per seed')
    p.add_argument('--b', help='comma-separated folders of build B, one per seed')
    p.add_argument('--method', default='SWATNN')
    p.add_argument('--rule', type=float, default=3.0, help='the rule, in per cent worse')
    args = p.parse_args()
    a = args.a.split(',')
    if args.b:
        b = args.b.split(',')
        sets, runs = table(a + b, args.method)
        ra, rb = runs[:len(a)], runs[len(a):]
        print('| set | ' + ' | '.join('A%d' % (i + 1) for i in range(len(a))) + ' | '
              + ' | '.join('B%d' % (i + 1) for i in range(len(b)))
              + ' | A mean | B mean | B / A |')
        print('|---|' + '---:|' * (len(a) + len(b) + 3))
        fails = 0
        for s in sets:
            ma, mb = mean(ra, s), mean(rb, s)
            change = 100 * (mb / ma - 1)
            fails += change > args.rule
            print('| %s | %s | %s | %.4g | %.4g | %+.1f%% |' % (
                s, ' | '.join('%.4g' % r[s] for r in ra), ' | '.join('%.4g' % r[s] for r in rb),
                ma, mb, change))
        print('\nsets more than %g%% worse by the means: %d of %d' % (args.rule, fails, len(sets)))
        return
    if len(a) < 2:
        p.error('without --b, give at least two folders of A')
    sets, runs = table(a, args.method)
    half = len(runs) // 2
    first, second = runs[:half], runs[half:2 * half]
    print('| set | ' + ' | '.join('seed folder %d' % (i + 1) for i in range(len(runs)))
          + ' | spread (max / min) | second half / first half |')
    print('|---|' + '---:|' * (len(runs) + 2))
    fails = 0
    for s in sets:
        values = [r[s] for r in runs]
        change = 100 * (mean(second, s) / mean(first, s) - 1)
        fails += change > args.rule
        print('| %s | %s | %.3f | %+.1f%% |' % (
            s, ' | '.join('%.4g' % v for v in values), max(values) / min(values), change))
    print('\nthe same build, its second half of seeds against its first (%d against %d): '
          'sets more than %g%% worse: %d of %d' % (len(second), len(first), args.rule, fails,
                                                  len(sets)))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Selection rules replayed on the candidate tables of saved planted-suite model texts.

    python3 benchmarks/planted-select/offline.py [PLANTED_DIR]   (default benchmarks/planted)

Each SWATNN model text (PLANTED_DIR/models/SET/SWATNN-sSEED.txt) lists the mean, the linear
models with all inputs and of lowest validation MSE, each configuration's best network and the
chosen one, with validation MSE (on the class scaled to [-1, 1]) and non-zeros. Every rule is
applied to those rows; the class's variance is taken as the mean's validation MSE. A candidate
counts as recovered by the suite's rule, with its test RMSE estimated from its validation MSE
(sqrt(MSE) times half the class's training range; on a noisy set the noise variance is taken
off first). Hidden candidates (other restarts of a configuration) are not in the tables, so the
"ceiling" is the runs where some shown candidate is recovered: a lower bound of what a perfect
selection could reach.
"""
import csv
import glob
import math
import os
import re
import sys

base = sys.argv[1] if len(sys.argv) > 1 else 'benchmarks/planted'
gens = {r['id']: r for r in csv.DictReader(open(os.path.join(base, 'generators.csv')))}
results = {(r['set'], r['seed']): r for r in csv.DictReader(open(os.path.join(base, 'results.csv')))
           if r['method'] == 'SWATNN'}

ROW = re.compile(r'([* ]) (.+?)\s{2,}(\S+)\s+(\S+)\s+(\d+)\s+(\S+)\s*$')


def runs():
    for f in sorted(glob.glob(os.path.join(base, 'models', '*', 'SWATNN-s*.txt'))):
        name = f.split(os.sep)[-2]
        seed = re.search(r's(\d+)\.txt$', f).group(1)
        text = open(f).read()
        rng = float(re.search(r'Output: \S+ = \S+ \+ (\S+) \* ', text).group(1))
        table = text.split('Candidates compared:')[1].split('(* chosen')[0]
        cands = []
        for line in table.splitlines():
            m = ROW.match(line)
            if m and m.group(3) != 'validation':
                cands.append(dict(chosen=m.group(1) == '*', name=m.group(2).strip(),
                                  val=float(m.group(3)), nz=int(m.group(5))))
        yield dict(set=name, seed=int(seed), rng=rng, cands=cands, gen=gens[name])


def recovered(run, c):
    g = run['gen']
    sd, noise, gnz = float(g['target_sd']), float(g['noise_sd']), int(g['nonzero'])
    mse = c['val'] * (run['rng'] / 2) ** 2
    if noise > 0:
        return math.sqrt(max(mse - noise * noise, 0)) <= 0.3 * noise and c['nz'] <= 1.5 * gnz
    return math.sqrt(mse) <= 0.01 * sd and c['nz'] <= 1.5 * gnz


def choose(run, close):
    cands = run['cands']
    best = min(c['val'] for c in cands)
    var = next(c['val'] for c in cands if c['name'] == 'mean')
    return min((c for c in cands if close(c['val'], best, var)), key=lambda c: (c['nz'], c['val']))


RULES = [
    ('relative 5% (today)', lambda v, b, var: v <= b * 1.05),
    ('5% + 1e-6 var', lambda v, b, var: v <= b * 1.05 + 1e-6 * var),
    ('5% + 1e-5 var', lambda v, b, var: v <= b * 1.05 + 1e-5 * var),
    ('5% + 1e-4 var', lambda v, b, var: v <= b * 1.05 + 1e-4 * var),
    ('5% + 1e-3 var', lambda v, b, var: v <= b * 1.05 + 1e-3 * var),
    ('log scale: within 2x', lambda v, b, var: v <= b * 2),
    ('log scale: within 10x', lambda v, b, var: v <= b * 10),
]

all_runs = list(runs())
seeds = sorted({r['seed'] for r in all_runs})
print('| rule | ' + ' | '.join('seed %d recovered' % s for s in seeds)
      + ' | runs whose choice changes | median non-zeros / generator\'s |')
print('|---|' + '---:|' * (len(seeds) + 2))
for label, rule in RULES:
    rec = {s: 0 for s in seeds}
    changed = 0
    ratios = []
    for run in all_runs:
        c = choose(run, rule)
        rec[run['seed']] += recovered(run, c)
        changed += c is not next(x for x in run['cands'] if x['chosen'])
        ratios.append(c['nz'] / int(run['gen']['nonzero']))
    ratios.sort()
    med = (ratios[len(ratios) // 2] + ratios[(len(ratios) - 1) // 2]) / 2
    print('| %s | %s | %d | %.2f |' % (label, ' | '.join(str(rec[s]) for s in seeds), changed, med))
ceiling = {s: sum(any(recovered(r, c) for c in r['cands']) for r in all_runs if r['seed'] == s)
           for s in seeds}
print('| ceiling: some shown candidate recovered | %s | - | - |'
      % ' | '.join(str(ceiling[s]) for s in seeds))
actual = {s: sum(results[(r['set'], str(r['seed']))]['recovered'] == 'true'
                 for r in all_runs if r['seed'] == s) for s in seeds}
print('\nRecovered in results.csv (measured on the test rows): '
      + ', '.join('seed %d: %d' % (s, actual[s]) for s in seeds))

#!/usr/bin/env python3
"""Summarises run.sh's result files: per variant, test RMSE relative to LinearRegression and
to RandomForest (geometric mean over the tasks, and per family), on how many tasks it is at
most LinearRegression's RMSE (within 1%), and the median build seconds.
   python3 benchmarks/small-suite/summarise.py BASELINES.tsv VARIANT.tsv..."""
import collections
import math
import statistics
import sys


def read(path):
    rows = {}
    for line in open(path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 4 or parts[2] == "-":
            continue
        task, label = parts[0].rsplit(" ", 1)
        rows[(task, label)] = (float(parts[2]), float(parts[3].rstrip("s")), parts[4] if len(parts) > 4 else "-")
    return rows


base = read(sys.argv[1])
lr = {t: v[0] for (t, m), v in base.items() if m == "LinearRegression"}
rf = {t: v[0] for (t, m), v in base.items() if m == "RandomForest"}
gm = lambda xs: math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")
print("variant     tasks  RMSE/LR (geo)  RMSE/RF (geo)  <=LR*1.01  median s  per family RMSE/LR")
for path in sys.argv[2:]:
    rows = read(path)
    by_label = collections.defaultdict(dict)
    for (t, m), v in rows.items():
        by_label[m][t] = v
    for label, tasks in by_label.items():
        common = [t for t in tasks if t in lr and t in rf]
        r_lr = [tasks[t][0] / lr[t] for t in common]
        r_rf = [tasks[t][0] / rf[t] for t in common]
        fam = collections.defaultdict(list)
        for t in common:
            fam[t.split("-")[0]].append(tasks[t][0] / lr[t])
        wins = sum(1 for x in r_lr if x <= 1.01)
        secs = statistics.median(tasks[t][1] for t in common)
        famtext = " ".join(f"{f} {gm(v):.3f}" for f, v in sorted(fam.items()))
        print(f"{label:10s} {len(common):5d}  {gm(r_lr):13.3f}  {gm(r_rf):13.3f}  {wins:4d}/{len(common):<4d}  {secs:8.0f}  {famtext}")

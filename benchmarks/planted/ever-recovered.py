#!/usr/bin/env python3
"""Which planted generators any committed run has recovered, per method, over every variant.

    python3 benchmarks/planted/ever-recovered.py [BENCHMARKS_DIR]   (default benchmarks)

Reads every results.csv under BENCHMARKS_DIR/planted*/ (the planted suites' runs of all
variants, seeds and methods measured for issue 29) and counts, per set and method, the builds
and the recovered builds (the suite's `recovered` column: test RMSE at most 1% of the target's
SD, or 0.3x the noise SD on a noisy set, with at most 1.5x the generator's non-zeros). Methods
that start from the generator's own weights (the structure oracle's basin runs,
STRUCTURE_LM_p*) know the answer and are shown apart. A set that no other method recovered in
any build is one that nothing measured has found: a build that recovered every other set
would reach (sets - such sets) of 24.
"""
import collections
import csv
import glob
import os
import sys

KNOWS_WEIGHTS = "STRUCTURE_LM_p"


def main(root):
    count = collections.defaultdict(collections.Counter)  # (set, method) -> runs, recovered
    for path in sorted(glob.glob(os.path.join(root, "planted*", "**", "results.csv"),
                                 recursive=True)):
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                key = (row["set"], row["method"])
                count[key]["runs"] += 1
                count[key]["recovered"] += row["recovered"] == "true"
    methods = sorted({m for _, m in count})
    blind = [m for m in methods if not m.startswith(KNOWS_WEIGHTS)]
    informed = [m for m in methods if m.startswith(KNOWS_WEIGHTS)]
    for suite in sorted({s.split("-")[0] for s, _ in count}):
        sets = sorted({s for s, _ in count if s.startswith(suite + "-")})
        print(f"## suite {suite}: recovered / builds per method "
              f"(methods from the generator's weights: {', '.join(informed) or 'none'})")
        print("| set | " + " | ".join(blind) + " | from the generator's weights |")
        print("|---" * (len(blind) + 2) + "|")
        never = []
        for s in sets:
            cells = []
            for m in blind:
                c = count.get((s, m))
                cells.append(f"{c['recovered']}/{c['runs']}" if c else "-")
            known = sum(count[(s, m)]["recovered"] for m in informed if (s, m) in count)
            known_runs = sum(count[(s, m)]["runs"] for m in informed if (s, m) in count)
            print(f"| {s} | " + " | ".join(cells) + f" | {known}/{known_runs} |")
            if all(count[(s, m)]["recovered"] == 0 for m in blind if (s, m) in count):
                never.append(s)
        print(f"\nnever recovered by {', '.join(blind)} in any build: {len(never)} of "
              f"{len(sets)} ({' '.join(never)}); a build that recovered every other set would "
              f"reach {len(sets) - len(never)} of {len(sets)}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks")

#!/usr/bin/env bash
# The local search on a hold-out (-held-out-local-search), tuning data only: SWATNNRegressor on
# the two generated sets of make-data.py, 80% split (weka.Run -split-percentage 80), at -S 1, 2
# and 3, with the option's default (1) and off (0).
#   benchmarks/holdout-local-search/run.sh OUT_FILE
# Classes from $SWATNN_CLASSES (default target/classes), classpath target/classpath.txt. One
# tab-separated line per build: data, seed, option value, test RMSE, wall seconds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$1"
cp="${SWATNN_CLASSES:-target/classes}:$(cat target/classpath.txt)"
[[ -f data/holdout-ls/irrelevant-7.arff ]] || python3 benchmarks/holdout-local-search/make-data.py data/holdout-ls
for data in irrelevant-7 irrelevant-12; do
  for seed in 1 2 3; do
    for n in 1 0; do
      t0=$(date +%s)
      rmse=$(java -cp "$cp" weka.Run weka.classifiers.functions.SWATNNRegressor -S "$seed" \
        -held-out-local-search "$n" -t "data/holdout-ls/$data.arff" -split-percentage 80 -o \
        2>/dev/null | awk '/Root mean squared error/ { print $5; exit }')
      printf '%s\t%s\t%s\t%s\t%ss\n' "$data" "$seed" "$n" "$rmse" "$(( $(date +%s) - t0 ))" >> "$out"
    done
  done
done

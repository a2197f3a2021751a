#!/usr/bin/env bash
# Search budget on large training sets (hold-out selection, above 1000 rows), tuning data only:
#   benchmarks/large-data/run.sh OUT_FILE LABEL [SWATNNRegressor options...]
# Tasks: F53 (Xin-She Yang N.4) and F54 (Zakharov) as given (data/cornn), with 10% label noise
# (data/selection, add-noise.py), and freshly sampled with seeds 2 and 3 (swatnn cornn generate);
# four generated families at 2000 rows, two seeds each (small-suite/make-data.py with SIZES
# 2000). Test RMSE on each task's test file. Classes from $SWATNN_CLASSES (default
# target/classes), classpath target/cp-test.txt. One tab-separated line per task (run-weka.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$1"
label="$2"
shift 2
cp="${SWATNN_CLASSES:-target/classes}:$(cat target/cp-test.txt)"
. "$root/benchmarks/selection/run-weka.sh"
swat() { run "$1 $label" weka.Run weka.classifiers.functions.SWATNNRegressor "${@:2}" ${opts[@]+"${opts[@]}"}; }
opts=("$@")
for t in Xin-She_Yang_N.4 Zakharov; do
  swat "$t-s1" -t "data/cornn/${t}_train.arff" -T "data/cornn/${t}_test.arff"
  swat "$t-noisy" -t "data/selection/${t}_noisy_train.arff" -T "data/cornn/${t}_test.arff"
  for s in 2 3; do
    swat "$t-s$s" -t "data/large-tune/cornn-s$s/${t}_train.arff" -T "data/large-tune/cornn-s$s/${t}_test.arff"
  done
done
for train in data/large-tune/*_train.arff; do
  task="$(basename "$train" _train.arff)"
  swat "$task" -t "$train" -T "data/large-tune/${task}_test.arff"
done

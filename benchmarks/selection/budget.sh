#!/usr/bin/env bash
# The search budget against test error, on the tuning data only (issue 19):
#   benchmarks/selection/budget.sh OUT_FILE
# Variants of -steps, -restarts and -patience on F53/F54 (clean and noisy training labels, test
# files) and on three generated small sets (5-fold cross-validation). Data and classpath as
# tune.sh's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$1"
cp="${SWATNN_CLASSES:-target/classes}:$(cat target/cp-test.txt)"
. "$root/benchmarks/selection/run-weka.sh"
variants=("" "-restarts 8" "-patience 25" "-steps 500 -anneal 188")
for v in "${variants[@]}"; do
  for t in Xin-She_Yang_N.4 Zakharov; do
    run "$t clean ${v:-defaults}" weka.classifiers.functions.SWATNNRegressor $v \
      -t "data/cornn/${t}_train.arff" -T "data/cornn/${t}_test.arff"
    run "$t noisy ${v:-defaults}" weka.classifiers.functions.SWATNNRegressor $v \
      -t "data/selection/${t}_noisy_train.arff" -T "data/cornn/${t}_test.arff"
  done
  for s in lin50 smooth50 skew120; do
    run "$s cv5 ${v:-defaults}" weka.classifiers.functions.SWATNNRegressor $v \
      -t "data/selection/$s.arff" -x 5
  done
done

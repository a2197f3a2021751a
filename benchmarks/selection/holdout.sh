#!/usr/bin/env bash
# Cross-validation of the candidates against a single hold-out, on the tuning data only:
#   benchmarks/selection/holdout.sh OUT_FILE
# F53/F54 (3750 rows): today's hold-out against cross-validation on all rows (-max-cv-rows
# 5000); the generated small sets: today's cross-validation against a hold-out (-folds 0), each
# in 5-fold cross-validation. Data and classpath as tune.sh's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$1"
cp="${SWATNN_CLASSES:-target/classes}:$(cat target/cp-test.txt)"
. "$root/benchmarks/selection/run-weka.sh"
for t in Xin-She_Yang_N.4 Zakharov; do
  for o in "" "-max-cv-rows 5000"; do
    run "$t ${o:-hold-out (default)}" weka.classifiers.functions.SWATNNRegressor $o \
      -t "data/cornn/${t}_train.arff" -T "data/cornn/${t}_test.arff"
  done
done
for s in lin50 smooth50 noise60 skew120; do
  for o in "" "-folds 0"; do
    run "$s cv5 ${o:-5-fold (default)}" weka.classifiers.functions.SWATNNRegressor $o \
      -t "data/selection/$s.arff" -x 5
  done
done

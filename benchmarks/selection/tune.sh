#!/usr/bin/env bash
# -refine lm against -refine br (and LinearRegression) on the tuning data only:
#   benchmarks/selection/tune.sh OUT_FILE [REFINEMENTS]
# F53 (Xin-She Yang N.4) and F54 (Zakharov): the official train/test files, and the training
# labels with noise of 10% of their variance (add-noise.py, seed 1), test labels clean; the
# generated small sets of make-data.py in 5-fold cross-validation. Needs data/cornn (bin/swatnn
# cornn import ../shared/cornn/data data/cornn) and data/selection (make-data.py, add-noise.py).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$1"
refinements="${2:-lm br}"
cp="${SWATNN_CLASSES:-target/classes}:$(cat target/cp-test.txt)"
. "$root/benchmarks/selection/run-weka.sh"
for r in $refinements; do
  for t in Xin-She_Yang_N.4 Zakharov; do
    run "$t clean $r" weka.classifiers.functions.SWATNNRegressor -refine "$r" \
      -t "data/cornn/${t}_train.arff" -T "data/cornn/${t}_test.arff"
    run "$t noisy $r" weka.classifiers.functions.SWATNNRegressor -refine "$r" \
      -t "data/selection/${t}_noisy_train.arff" -T "data/cornn/${t}_test.arff"
  done
  for s in lin50 smooth50 noise60 skew120; do
    run "$s cv5 $r" weka.classifiers.functions.SWATNNRegressor -refine "$r" \
      -t "data/selection/$s.arff" -x 5
  done
done
for s in lin50 smooth50 noise60 skew120; do
  run "$s cv5 LinearRegression" weka.classifiers.functions.LinearRegression \
    -t "data/selection/$s.arff" -x 5
done

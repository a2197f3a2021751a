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
run() { # label, then classifier and its Weka options
  local label="$1"; shift
  local t0 t1 text
  t0=$(date +%s)
  text="$(java -cp "$cp" "$@" 2>/dev/null)"
  t1=$(date +%s)
  local block
  block="$(printf '%s\n' "$text" | awk '/=== (Error on test data|Cross-validation|Stratified cross-validation) ===/{f=1} f')"
  local corr rmse chosen
  corr="$(printf '%s\n' "$block" | awk '/Correlation coefficient/{print $3; exit}')"
  rmse="$(printf '%s\n' "$block" | awk '/Root mean squared error/{print $5; exit}')"
  chosen="$(printf '%s\n' "$text" | awk '/^Chosen model:/{sub(/^Chosen model: /,""); sub(/:$/,""); print; exit}')"
  printf '%s\t%s\t%s\t%ss\t%s\n' "$label" "${corr:--}" "${rmse:--}" "$((t1 - t0))" "${chosen:--}" >> "$out"
}
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

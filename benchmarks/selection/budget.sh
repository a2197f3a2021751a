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
run() {
  local label="$1"; shift
  local t0 t1 text block
  t0=$(date +%s)
  text="$(java -cp "$cp" "$@" 2>/dev/null)"
  t1=$(date +%s)
  block="$(printf '%s\n' "$text" | awk '/=== (Error on test data|Cross-validation) ===/{f=1} f')"
  printf '%s\t%s\t%s\t%ss\n' "$label" \
    "$(printf '%s\n' "$block" | awk '/Correlation coefficient/{print $3; exit}')" \
    "$(printf '%s\n' "$block" | awk '/Root mean squared error/{print $5; exit}')" \
    "$((t1 - t0))" >> "$out"
}
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

#!/usr/bin/env bash
# The generated small-data suite (make-data.py) through weka.Run: one build per task on its
# training file, test RMSE on its 2000-row test file, for SWATNNRegressor under one variant and
# for Weka's baselines.
#   benchmarks/small-suite/run.sh OUT_FILE LABEL [JVM -D options...]   a SWATNN variant
#   benchmarks/small-suite/run.sh OUT_FILE baselines                   LinearRegression, RandomForest
#   benchmarks/small-suite/run.sh OUT_FILE darts [JVM -D options...]     DartsAdmmRegressor's defaults
# SWATNNRegressor's options from $SWATNN_OPTIONS (default none: the defaults).
# Classes from $SWATNN_CLASSES (default target/classes), classpath target/cp-test.txt
# (mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp-test.txt -Dmdep.includeScope=test),
# data in data/small-suite. Appends one tab-separated line per run (see run-weka.sh) to OUT_FILE.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$1"
label="$2"
shift 2
jvm=("$@")
cp="${SWATNN_CLASSES:-target/classes}:$(cat target/cp-test.txt)"
. "$root/benchmarks/selection/run-weka.sh"
for train in data/small-suite/*_train.arff; do
  task="$(basename "$train" _train.arff)"
  test="data/small-suite/${task}_test.arff"
  if [[ "$label" == baselines ]]; then
    run "$task LinearRegression" weka.Run weka.classifiers.functions.LinearRegression -t "$train" -T "$test"
    run "$task RandomForest" weka.Run weka.classifiers.trees.RandomForest -t "$train" -T "$test"
  elif [[ "$label" == darts ]]; then
    run "$task DartsAdmm" "${jvm[@]}" weka.Run weka.classifiers.functions.DartsAdmmRegressor -t "$train" -T "$test"
  else
    # shellcheck disable=SC2086 # the options are words
    run "$task $label" "${jvm[@]}" weka.Run weka.classifiers.functions.SWATNNRegressor ${SWATNN_OPTIONS:-} -t "$train" -T "$test"
  fi
done

#!/bin/bash
cd "$(dirname "$0")/../.."
CP="target/classes:$(cat target/classpath.txt):$(cat target/weka-classpath.txt)"
for name in offset interaction twonominal; do for tag in k k1; do
  for cls in "weka.classifiers.functions.SWATNNRegressor" "weka.classifiers.functions.LinearRegression"; do
  t0=$(date +%s)
  rmse=$(java -cp "$CP" weka.Run $cls -t benchmarks/nominal/data/$name-${tag}_train.arff -T benchmarks/nominal/data/$name-${tag}_test.arff -o 2>/dev/null | awk '/=== Error on test data ===/ { t = 1 } t && /Root mean squared error/ { print $5; exit }')
  echo "$name $tag ${cls##*.} test_RMSE=$rmse sec=$(( $(date +%s) - t0 ))" >> benchmarks/nominal/results.txt
  done
done; done

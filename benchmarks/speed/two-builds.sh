#!/usr/bin/env bash
# Wall time of SWATNNRegressor through weka.Run from two builds of the package, in the same run,
# beside MultilayerPerceptron -H 7,7 (JVM start included; no OMP_NUM_THREADS, no launcher):
#   benchmarks/speed/two-builds.sh TASK|FILE.arff ROUNDS BEFORE_TREE AFTER_TREE
# Each tree is a checkout with the package built (mvn -B -q package -DskipTests). A CORNN TASK is
# read from this tree's data/cornn (train and test files); FILE.arff gets a full build (-no-cv).
# Rounds alternate the three builds; prints each run and the medians, and appends them to
# benchmarks/speed/results-two-builds-<TASK>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
task="$1"; rounds="$2"; before="$(cd "$3" && pwd)"; after="$(cd "$4" && pwd)"
if [[ "$task" == *.arff ]]; then
  args=(-t "$task" -no-cv -o); name="$(basename "$task" .arff)"
else
  args=(-t "$root/data/cornn/${task}_train.arff" -T "$root/data/cornn/${task}_test.arff" -o); name="$task"
fi
out="$root/benchmarks/speed/results-two-builds-$name.txt"
unset OMP_NUM_THREADS
classpath() { echo "$1/target/classes:$(cat "$1/target/classpath.txt"):$(cat "$1/target/weka-classpath.txt")"; }
runs="$(mktemp)"
trap 'rm -f "$runs"' EXIT
echo "# $(date -u +%FT%TZ) before $(git -C "$before" describe --always --dirty 2>/dev/null || echo "$before") after $(git -C "$after" describe --always --dirty 2>/dev/null || echo "$after"), $(nproc) cores" | tee -a "$out"
for ((i = 1; i <= rounds; i++)); do
  for v in MultilayerPerceptron before after; do
    case "$v" in
      MultilayerPerceptron) cp="$(classpath "$after")"; cls=(weka.classifiers.functions.MultilayerPerceptron -H 7,7) ;;
      before) cp="$(classpath "$before")"; cls=(weka.classifiers.functions.SWATNNRegressor) ;;
      after) cp="$(classpath "$after")"; cls=(weka.classifiers.functions.SWATNNRegressor) ;;
    esac
    t0=$(date +%s.%N)
    rmse=$(java -cp "$cp" weka.Run "${cls[@]}" "${args[@]}" 2>/dev/null \
      | awk '/Root mean squared error/ { v = $5 } END { print v }')
    t1=$(date +%s.%N)
    printf '%s  %-22s %6.2f s  RMSE %s\n' "$(date -u +%FT%TZ)" "$v" "$(echo "$t1 - $t0" | bc)" "$rmse" | tee -a "$out" "$runs"
  done
done
python3 - "$runs" <<'PY' | tee -a "$out"
import collections, statistics, sys
t = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    t[f[1]].append(float(f[2]))
m = {k: statistics.median(v) for k, v in t.items()}
for k in t:
    print("# median %-22s %6.2f s  (%.2fx MultilayerPerceptron)" % (k, m[k], m[k] / m["MultilayerPerceptron"]))
PY

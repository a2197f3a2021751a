#!/usr/bin/env bash
# SWATNNRegressor's default build through weka.Run at two commits, alternated within each round
# (the machine's speed drifts between rounds), beside MultilayerPerceptron -H 7,7; JVM start
# included, no OMP_NUM_THREADS. Each commit is built in a git worktree under ${TMPDIR:-/tmp}.
#   benchmarks/speed/compare-commits.sh OLD NEW [TASK] [ROUNDS]   (default Rosenbrock, 3 rounds)
#   benchmarks/speed/compare-commits.sh OLD NEW FILE.arff [ROUNDS]  a full build on FILE (-no-cv)
# Needs data/cornn (bin/swatnn cornn import). Appends to benchmarks/speed/compare-<TASK>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
old="$1"
new="$2"
task="${3:-Rosenbrock}"
rounds="${4:-3}"
if [[ "$task" == *.arff ]]; then
  data=(-t "$task" -no-cv)
  task="$(basename "$task" .arff)"
else
  data=(-t "$root/data/cornn/${task}_train.arff" -T "$root/data/cornn/${task}_test.arff")
fi
out="$root/benchmarks/speed/compare-$task.txt"
unset OMP_NUM_THREADS
declare -A cp
for commit in "$old" "$new"; do
  tree="${TMPDIR:-/tmp}/swatnn-$commit"
  [[ -d "$tree" ]] || git -C "$root" worktree add -q "$tree" "$commit"
  (cd "$tree" && mvn -B -q package -DskipTests >&2)
  cp[$commit]="$tree/target/classes:$(cat "$tree/target/classpath.txt"):$(cat "$tree/target/weka-classpath.txt")"
done
run() {
  local label="$1" classpath="$2"
  shift 2
  local t0 t1 rmse
  t0=$(date +%s.%N)
  # the test set's RMSE, or the training data's for a full build
  rmse=$(java -cp "$classpath" weka.Run "$@" "${data[@]}" -o 2>/dev/null \
    | awk '/=== Error on (test|training) data ===/ { t = 1 } t && /Root mean squared error/ { print $5; exit }')
  t1=$(date +%s.%N)
  printf '%s  %-40s %6.1f s  RMSE %s\n' "$(date -u +%FT%TZ)" "$label" \
    "$(echo "$t1 - $t0" | bc)" "$rmse" | tee -a "$out"
}
echo "# $(date -u +%FT%TZ) $old vs $new, $task, $(nproc) cores, OMP_NUM_THREADS unset" | tee -a "$out"
for ((i = 1; i <= rounds; i++)); do
  run "MultilayerPerceptron -H 7,7" "${cp[$new]}" weka.classifiers.functions.MultilayerPerceptron -H 7,7
  run "SWATNNRegressor at $old" "${cp[$old]}" weka.classifiers.functions.SWATNNRegressor
  run "SWATNNRegressor at $new" "${cp[$new]}" weka.classifiers.functions.SWATNNRegressor
done

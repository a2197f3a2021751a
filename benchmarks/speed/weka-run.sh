#!/usr/bin/env bash
# Wall time of SWATNNRegressor through weka.Run, as a Weka user starts it (no OMP_NUM_THREADS,
# no launcher), beside MultilayerPerceptron -H 7,7, on one CORNN task; JVM start included.
#   benchmarks/speed/weka-run.sh [TASK] [ROUNDS]      (default Rosenbrock, 2 rounds)
#   benchmarks/speed/weka-run.sh FILE.arff [ROUNDS]   a full build on FILE (-no-cv), no test set
#   benchmarks/speed/weka-run.sh TASK ROUNDS "" "-local-search" ...
#                                  the SWATNNRegressor option sets to time (default: "" and
#                                  "-num-slots 1"), each beside the same MultilayerPerceptron
# Needs the package built (mvn -B -q package -DskipTests) and data/cornn (bin/swatnn cornn import).
# Prints one line per run and writes them to benchmarks/speed/results-<TASK>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
task="${1:-Rosenbrock}"
rounds="${2:-2}"
shift $(( $# < 2 ? $# : 2 ))
variants=("$@")
(( ${#variants[@]} > 0 )) || variants=("" "-num-slots 1")
cp="$root/target/classes:$(cat "$root/target/classpath.txt"):$(cat "$root/target/weka-classpath.txt")"
if [[ "$task" == *.arff ]]; then
  train="$task"
  test=""
  task="$(basename "$task" .arff)"
else
  train="$root/data/cornn/${task}_train.arff"
  test="$root/data/cornn/${task}_test.arff"
fi
out="$root/benchmarks/speed/results-$task.txt"
unset OMP_NUM_THREADS
run() {
  local label="$1"
  shift
  local t0 t1 rmse
  t0=$(date +%s.%N)
  if [[ -n "$test" ]]; then
    rmse=$(java -cp "$cp" weka.Run "$@" -t "$train" -T "$test" -o 2>/dev/null \
      | awk '/=== Error on test data ===/ { t = 1 } t && /Root mean squared error/ { print $5; exit }')
  else
    rmse="(training) $(java -cp "$cp" weka.Run "$@" -t "$train" -no-cv -o 2>/dev/null \
      | awk '/Root mean squared error/ { print $5; exit }')"
  fi
  t1=$(date +%s.%N)
  printf '%s  %-34s %6.1f s  test RMSE %s\n' "$(date -u +%FT%TZ)" "$label" \
    "$(echo "$t1 - $t0" | bc)" "$rmse" | tee -a "$out"
}
echo "# $(date -u +%FT%TZ) $(git -C "$root" describe --always --dirty) $(nproc) cores, OMP_NUM_THREADS unset" | tee -a "$out"
for ((i = 1; i <= rounds; i++)); do
  run "MultilayerPerceptron -H 7,7" weka.classifiers.functions.MultilayerPerceptron -H 7,7
  for v in "${variants[@]}"; do
    # shellcheck disable=SC2086  # an option set is split into its words
    run "SWATNNRegressor ${v:-(defaults)}" weka.classifiers.functions.SWATNNRegressor $v
  done
done

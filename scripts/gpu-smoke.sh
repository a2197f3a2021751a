#!/usr/bin/env bash
# GPU smoke test: build the CUDA package (or the CPU one with --cpu), then time each stage of
# using it and write the timings and the backend line to one results file:
#   build      mvn -B -q [-Pcuda] -DskipTests package
#   backend    bin/swatnn backend (the CUDA build must find a GPU unless --allow-cpu)
#   bench      bin/swatnn bench autoencoder --repeats 10 --warmup 3
#   train      bin/swatnn train-autoencoder: 100 steps of the default model into a temp dir
#   resume     ... --resume: 50 more steps
#   info       bin/swatnn model-info: the file is valid, has 150 steps and names its backend
#   data       the Booth task as ARFF (data/cornn, as bin/swatnn demo makes it)
#   install    the package zip into an empty Weka home, with Weka's package manager (offline)
#   weka       SWATNNRegressor with default options on Booth through weka.Run
# It stops at the first failing stage with its name, exit status and the end of its log.
#
# usage: scripts/gpu-smoke.sh [--cpu] [--allow-cpu] [--skip-build] [--out FILE]
#   --cpu         the CPU package (target/), to run the same stages without a GPU
#   --allow-cpu   go on when the CUDA build finds no usable GPU and falls back to the CPU
#   --skip-build  use the package already built
#   --out FILE    results file (default benchmarks/gpu-smoke/<host>-<cuda|cpu>.txt)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

args="$*"
variant=cuda
allow_cpu=false
build=true
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cpu) variant=cpu ;;
    --allow-cpu) allow_cpu=true ;;
    --skip-build) build=false ;;
    --out) [[ $# -ge 2 ]] || { echo "gpu-smoke: --out needs a file" >&2; exit 2; }; out="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0" | grep -v '^set ' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gpu-smoke: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

host="$(hostname -s 2>/dev/null || hostname)"
out="${out:-benchmarks/gpu-smoke/$host-$variant.txt}"
mkdir -p "$(dirname "$out")"
version="$(sed -n 's/^Version=//p' Description.props)"
if [[ "$variant" == cuda ]]; then
  target=target/cuda; package=swatnn-cuda-11.6; mvn_flags=(-Pcuda)
else
  target=target; package=swatnn; mvn_flags=()
fi
zip="$target/$package-$version.zip"
export SWATNN_VARIANT="$variant"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
java_opts="${SWATNN_JAVA_OPTS:--Xmx1g -Dorg.bytedeco.javacpp.maxbytes=1500m -Dorg.bytedeco.javacpp.maxphysicalbytes=3g}"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gpu-smoke.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

stages=()   # "name seconds"
{
  echo "# swatnn GPU smoke test ($variant package)"
  echo "command:  scripts/gpu-smoke.sh${args:+ $args}"
  echo "date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "host:     $host, $(getconf _NPROCESSORS_ONLN) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory"
  echo "commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "java:     $(java -version 2>&1 | head -1)"
  if command -v nvidia-smi >/dev/null 2>&1; then
    echo "gpu:      $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -1)"
  else
    echo "gpu:      none (no nvidia-smi on this machine)"
  fi
  echo "threads:  OMP_NUM_THREADS=$OMP_NUM_THREADS"
  echo "load:     $(cut -d" " -f1-3 /proc/loadavg) (load average over 1, 5, 15 min at the start)"
} > "$tmp/header"

write_results() { # $1: status line
  {
    cat "$tmp/header"
    echo
    echo "## Seconds per stage"
    echo
    printf '%-8s %9s\n' stage seconds
    for s in "${stages[@]}"; do
      printf '%-8s %9s\n' $s
    done
    echo
    echo "status:   $1"
    [[ -f "$tmp/details" ]] && { echo; cat "$tmp/details"; }
  } > "$out"
}

# run_stage NAME LIMIT_SECONDS COMMAND...: runs it with its output in $tmp/NAME.log, records
# the seconds, and on failure writes the results so far and stops.
run_stage() {
  local name="$1" limit="$2"
  shift 2
  echo "gpu-smoke: $name ..." >&2
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  timeout "$limit" "$@" > "$tmp/$name.log" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  local secs
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  stages+=("$name $secs")
  if [[ $rc -ne 0 ]]; then
    local why="exit status $rc"
    [[ $rc -eq 124 ]] && why="no result within its limit of $limit s"
    {
      echo "## Failed stage: $name ($why)"
      echo
      echo "command: $*"
      echo
      tail -n 25 "$tmp/$name.log"
    } >> "$tmp/details"
    write_results "FAILED at stage '$name' ($why)"
    echo "gpu-smoke: stage '$name' failed ($why): $*" >&2
    echo "gpu-smoke: last lines of its output:" >&2
    tail -n 25 "$tmp/$name.log" | sed 's/^/  /' >&2
    echo "gpu-smoke: results so far in $out" >&2
    exit 1
  fi
  echo "gpu-smoke: $name done in $secs s" >&2
}

# A failure found by inspecting a stage's output rather than its exit status.
fail() {
  { echo "## Failed stage: $1"; echo; echo "$2"; echo; grep -v '^SLF4J' "$tmp/$1.log" 2>/dev/null || true; } >> "$tmp/details"
  write_results "FAILED at stage '$1': $2"
  echo "gpu-smoke: stage '$1' failed: $2" >&2
  echo "gpu-smoke: results so far in $out" >&2
  exit 1
}

if $build; then
  run_stage build 3600 mvn -B -q "${mvn_flags[@]}" -DskipTests package
fi
[[ -f "$zip" ]] || fail build "no package at $zip (run without --skip-build)"

run_stage backend 300 bin/swatnn backend
backend_line="$(grep -m1 '^ND4J backend:' "$tmp/backend.log" || true)"
[[ -n "$backend_line" ]] || fail backend "bin/swatnn backend printed no 'ND4J backend:' line"
if [[ "$variant" == cuda && "$backend_line" != "ND4J backend: CUDA"* ]] && ! $allow_cpu; then
  fail backend "the CUDA package found no usable GPU: $(grep -m1 '^This is the GPU' "$tmp/backend.log" || echo "$backend_line") (--allow-cpu runs the stages on the CPU anyway)"
fi

run_stage bench 600 bin/swatnn bench autoencoder --repeats 10 --warmup 3
run_stage train 900 bin/swatnn train-autoencoder --out "$tmp/ae.zip" --steps 100 --held-out 64
run_stage resume 900 bin/swatnn train-autoencoder --out "$tmp/ae.zip" --resume --steps 50 --held-out 64
run_stage info 300 bin/swatnn model-info "$tmp/ae.zip"
steps="$(sed -n 's/.*"trainingSteps" : \([0-9]*\).*/\1/p' "$tmp/info.log")"
[[ "$steps" == 150 ]] || fail info "the resumed model has trainingSteps '$steps', expected 150"
grep -q '"backends"' "$tmp/info.log" || fail info "the model's manifest names no backend"

data=data/cornn
if [[ ! -f "$data/Booth_train.arff" ]]; then
  if [[ -d ../shared/cornn/data ]]; then
    run_stage data 600 bin/swatnn cornn import ../shared/cornn/data "$data"
  else
    run_stage data 600 bin/swatnn cornn generate "$data" --functions Booth
  fi
fi
weka_cp="$(cat "$target/weka-classpath.txt")"
export WEKA_HOME="$tmp/wekahome"
mkdir -p "$WEKA_HOME"
run_stage install 600 java -cp "$weka_cp" weka.core.WekaPackageManager -offline -install-package "$zip"
[[ -f "$WEKA_HOME/packages/$package/swatnn.jar" ]] || fail install "Weka did not install $package into $WEKA_HOME"
# shellcheck disable=SC2086
run_stage weka 1800 java $java_opts -Dweka.packageManager.offline=true -cp "$weka_cp" weka.Run \
  weka.classifiers.functions.SWATNNRegressor -t "$data/Booth_train.arff" -T "$data/Booth_test.arff"
grep -q '^Search ran on:' "$tmp/weka.log" || fail weka "weka.Run printed no 'Search ran on:' line"

{
  echo "## Backend"
  echo
  echo "bin/swatnn backend:  $backend_line"
  grep -m1 '^This is the GPU' "$tmp/backend.log" | sed 's/^/                     /' || true
  echo "model text (Booth):  $(grep -m1 '^Search ran on:' "$tmp/weka.log")"
  echo "trainer manifest:    $(tr -d '\n' < "$tmp/info.log" | sed -n 's/.*"backends" : \(\[[^]]*\]\).*/\1/p' | tr -s ' ')"
  echo
  echo "## bin/swatnn bench autoencoder --repeats 10 --warmup 3"
  echo
  grep -v '^SLF4J' "$tmp/bench.log"
  echo
  echo "## train-autoencoder: 100 steps, then --resume 50 steps (default model, --held-out 64)"
  echo
  grep -v "^SLF4J" "$tmp/train.log" | sed "/^$/d"
  grep -v "^SLF4J" "$tmp/resume.log" | sed "/^$/d"
  echo
  echo "## SWATNNRegressor (defaults) on Booth through weka.Run, test set"
  echo
  sed -n '/=== Error on test data ===/,/^Total Number of Instances/p' "$tmp/weka.log" | sed '/^$/d'
  echo
  echo "package:  $zip ($(du -m "$zip" | cut -f1) MiB)"
} > "$tmp/details"
write_results "all stages passed"
echo "gpu-smoke: all stages passed; results in $out" >&2
cat "$out"

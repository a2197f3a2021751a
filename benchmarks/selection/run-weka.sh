# Sourced by tune.sh, holdout.sh and budget.sh: one Weka run, one tab-separated line appended to
# $out: label, correlation, RMSE (test data or cross-validation), wall seconds, the model chosen
# on all training rows and (since 2026-12-07, when the model text gives it) its non-zero count.
# Needs $out and $cp set.
run() { # label, then classifier and its Weka options
  local label="$1"; shift
  local t0 t1 text block corr rmse chosen nonzero
  t0=$(date +%s)
  text="$(java -cp "$cp" "$@" 2>/dev/null)"
  t1=$(date +%s)
  block="$(printf '%s\n' "$text" | awk '/=== (Error on test data|Cross-validation|Stratified cross-validation) ===/{f=1} f')"
  corr="$(printf '%s\n' "$block" | awk '/Correlation coefficient/{print $3; exit}')"
  rmse="$(printf '%s\n' "$block" | awk '/Root mean squared error/{print $5; exit}')"
  chosen="$(printf '%s\n' "$text" | awk '/^Chosen model:/{sub(/^Chosen model: /,""); sub(/:$/,""); print; exit}')"
  nonzero="$(printf '%s\n' "$text" | awk '/^Non-zero count:/{print $3; exit}')"
  printf '%s\t%s\t%s\t%ss\t%s\t%s\n' "$label" "${corr:--}" "${rmse:--}" "$((t1 - t0))" "${chosen:--}" \
    "${nonzero:--}" >> "$out"
}

#!/usr/bin/env bash
# Writes the real regression data sets of `bin/swatnn bench real` as ARFF files:
#   scripts/real-data.sh [OUT_DIR]        (default data/real, which git ignores)
#
# One file per data set, <name>.arff, every attribute numeric, the class LAST, at most 7
# inputs: cpu from Weka's examples (Debian package weka), the others from R's datasets package
# (Debian package r-base-core), rows with a missing class dropped. Missing packages are
# installed with apt-get (as root, or through sudo). Rerunning rewrites the same files.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/data/real}"

# ---- packages ----------------------------------------------------------------------------
cpu_arff() {
  local f
  if dpkg -s weka >/dev/null 2>&1; then
    f="$(dpkg -L weka | grep -E '/examples/cpu\.arff(\.gz)?$' | head -n 1 || true)"
    if [[ -n "$f" && -f "$f" ]]; then
      echo "$f"
      return
    fi
  fi
  for f in /usr/share/doc/weka/examples/cpu.arff /usr/share/doc/weka/examples/cpu.arff.gz; do
    if [[ -f "$f" ]]; then
      echo "$f"
      return
    fi
  done
}

missing=()
[[ -n "$(cpu_arff)" ]] || missing+=(weka)
command -v Rscript >/dev/null 2>&1 || missing+=(r-base-core)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "real-data.sh: need the Debian packages ${missing[*]}; install them as root" >&2
    exit 1
  fi
  echo "real-data.sh: installing ${missing[*]} with apt-get" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
fi
cpu="$(cpu_arff)"
if [[ -z "$cpu" ]]; then
  echo "real-data.sh: package weka is installed but its examples/cpu.arff is absent" \
    "(a dpkg path-exclude for /usr/share/doc?)" >&2
  exit 1
fi

mkdir -p "$out"

# ---- cpu (Weka): 6 numeric inputs, numeric class already last ------------------------------
tmp="$out/cpu.arff.tmp"
weka_version="$(dpkg-query -W -f='${Version}' weka 2>/dev/null || echo '?')"
{
  echo "% cpu: relative CPU performance (Ein-Dor and Feldmesser 1987, UCI), Weka's example file"
  echo "% copied from $cpu (Debian package weka $weka_version)"
  if [[ "$cpu" == *.gz ]]; then zcat "$cpu"; else cat "$cpu"; fi
} >"$tmp"
mv "$tmp" "$out/cpu.arff"
cpu_rows="$(awk 'data && NF && !/^%/ { n++ } tolower($1) == "@data" { data = 1 } END { print n }' \
  "$out/cpu.arff")"
cpu_inputs="$(awk 'tolower($1) == "@attribute" { n++ } END { print n - 1 }' "$out/cpu.arff")"
printf '%-18s %5d rows, %d input(s), class %s\n' cpu "$cpu_rows" "$cpu_inputs" class

# ---- R's datasets ---------------------------------------------------------------------------
# name, data frame, class, inputs (class written last; rows with a missing class dropped;
# missing inputs written as '?', which Weka reads as missing)
Rscript --vanilla - "$out" <<'RSCRIPT'
out <- commandArgs(trailingOnly = TRUE)[1]
sets <- list(
  list("trees", trees, "Volume", c("Girth", "Height")),
  list("stackloss", stackloss, "stack.loss", c("Air.Flow", "Water.Temp", "Acid.Conc.")),
  list("swiss", swiss, "Fertility",
       c("Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality")),
  list("LifeCycleSavings", LifeCycleSavings, "sr", c("pop15", "pop75", "dpi", "ddpi")),
  list("rock", rock, "perm", c("area", "peri", "shape")),
  list("attitude", attitude, "rating",
       c("complaints", "privileges", "learning", "raises", "critical", "advance")),
  list("longley", longley, "Employed",
       c("GNP.deflator", "GNP", "Unemployed", "Armed.Forces", "Population", "Year")),
  list("airquality", airquality, "Ozone", c("Solar.R", "Wind", "Temp")),
  list("faithful", faithful, "waiting", c("eruptions")),
  list("cars", cars, "dist", c("speed")),
  list("quakes", quakes, "mag", c("lat", "long", "depth", "stations"))
)
attr_name <- function(a) {
  if (grepl("^[A-Za-z][A-Za-z0-9._-]*$", a)) a else paste0("'", gsub("'", "\\\\'", a), "'")
}
for (s in sets) {
  name <- s[[1]]; df <- s[[2]]; class <- s[[3]]; inputs <- s[[4]]
  stopifnot(length(inputs) <= 7, all(c(inputs, class) %in% names(df)))
  df <- df[, c(inputs, class), drop = FALSE]
  dropped <- sum(is.na(df[[class]]))
  df <- df[!is.na(df[[class]]), , drop = FALSE]
  stopifnot(all(vapply(df, is.numeric, TRUE)))
  cells <- lapply(df, function(col) ifelse(is.na(col), "?", as.character(col)))
  lines <- do.call(paste, c(cells, sep = ","))
  header <- c(
    sprintf("%% %s: R %s, package datasets (?%s); %s ~ %s", name,
            paste(R.version$major, R.version$minor, sep = "."), name, class,
            paste(inputs, collapse = " + ")),
    if (dropped > 0) sprintf("%% %d row(s) with a missing %s dropped", dropped, class),
    sprintf("@relation %s", name), "",
    sprintf("@attribute %s numeric", vapply(c(inputs, class), attr_name, "")), "",
    "@data")
  tmp <- file.path(out, paste0(name, ".arff.tmp"))
  writeLines(c(header, lines), tmp)
  file.rename(tmp, file.path(out, paste0(name, ".arff")))
  cat(sprintf("%-18s %5d rows, %d input(s), class %s\n", name, nrow(df), length(inputs), class))
}
RSCRIPT
echo "wrote $(ls "$out"/*.arff | wc -l) ARFF files to $out"

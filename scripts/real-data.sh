#!/usr/bin/env bash
# Writes the real regression data sets of `bin/swatnn bench real` as ARFF files:
#   scripts/real-data.sh [OUT_DIR]        (default data/real, which git ignores)
#
# One file per data set, <name>.arff, the numeric class LAST: cpu from Weka's examples (Debian
# package weka), the others from R packages as Debian ships them: datasets (r-base-core), MASS
# (r-cran-mass), mlbench (r-cran-mlbench) and carData (r-cran-cardata). Factors are written as
# ARFF nominal attributes, missing input values as '?', and rows with a missing class are
# dropped; any number of inputs (SWATNN converts nominal inputs to indicators, replaces missing
# values and, with more inputs than its networks take, keeps the best-ranked ones). Each set's
# source, class and dropped columns are listed below (and repeated in the file's % comments).
# Missing packages are installed with apt-get (as root, or through sudo). Rerunning rewrites
# the same files, each written to <name>.arff.tmp and then renamed.
#
# data set          rows  inputs        source (R package)  class
# cpu                209   6            weka examples       class
# trees               31   2            datasets            Volume
# stackloss           21   3            datasets            stack.loss
# swiss               47   5            datasets            Fertility
# LifeCycleSavings    50   4            datasets            sr
# rock                48   3            datasets            perm
# attitude            30   6            datasets            rating
# longley             16   6            datasets            Employed
# airquality         116   3 (?)        datasets            Ozone
# faithful           272   1            datasets            waiting
# cars                50   1            datasets            dist
# quakes            1000   4            datasets            mag
# Boston             506  13            MASS                medv
# Cars93              93  21 (6 nom, ?) MASS                Price
# birthwt            189   8 (1 nom)    MASS                bwt
# UScereal            65  10 (2 nom)    MASS                calories
# cats               144   2 (1 nom)    MASS                Hwt
# whiteside           56   2 (1 nom)    MASS                Gas
# Ozone              361  11 (2 nom, ?) mlbench             ozone
# Servo              167   4 (4 nom)    mlbench             Class (codes 1-51)
# Prestige           102   4 (1 nom, ?) carData             prestige
# Salaries           397   5 (3 nom)    carData             salary
# Highway1            39  11 (1 nom)    carData             rate
# UN                 207   6 (2 nom, ?) carData             infantMortality
# Ericksen            66   8 (1 nom)    carData             undercount
# Ornstein           248   3 (2 nom)    carData             interlocks
# (nom: nominal inputs; ?: missing input values. Row names, which R keeps apart from the
# columns, are never written.)
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

# the R packages' Debian packages (their data sets are listed in the R script below)
r_packages=(r-cran-mass r-cran-mlbench r-cran-cardata)
missing=()
[[ -n "$(cpu_arff)" ]] || missing+=(weka)
command -v Rscript >/dev/null 2>&1 || missing+=(r-base-core)
for p in "${r_packages[@]}"; do
  dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
done
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

# ---- R's data sets ------------------------------------------------------------------------
# One entry per data set: file name, R package, R data set, class, inputs (in this order; the
# class is written last), an optional rename of columns (old = new) and a note for the file's
# comments saying what was dropped and why. Factors become nominal attributes (their levels in
# R's order), NA inputs '?'; rows with a missing class are dropped.
Rscript --vanilla - "$out" <<'RSCRIPT'
out <- commandArgs(trailingOnly = TRUE)[1]
set <- function(name, package, object, class, inputs, rename = character(), note = NULL) {
  list(name = name, package = package, object = object, class = class, inputs = inputs,
       rename = rename, note = note)
}
sets <- list(
  # ---- datasets (r-base-core): every column numeric, none dropped but as noted
  set("trees", "datasets", "trees", "Volume", c("Girth", "Height")),
  set("stackloss", "datasets", "stackloss", "stack.loss", c("Air.Flow", "Water.Temp", "Acid.Conc.")),
  set("swiss", "datasets", "swiss", "Fertility",
      c("Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality")),
  set("LifeCycleSavings", "datasets", "LifeCycleSavings", "sr", c("pop15", "pop75", "dpi", "ddpi")),
  set("rock", "datasets", "rock", "perm", c("area", "peri", "shape")),
  set("attitude", "datasets", "attitude", "rating",
      c("complaints", "privileges", "learning", "raises", "critical", "advance")),
  set("longley", "datasets", "longley", "Employed",
      c("GNP.deflator", "GNP", "Unemployed", "Armed.Forces", "Population", "Year")),
  set("airquality", "datasets", "airquality", "Ozone", c("Solar.R", "Wind", "Temp"),
      note = "Month and Day dropped (the calendar date of the measurement)"),
  set("faithful", "datasets", "faithful", "waiting", c("eruptions")),
  set("cars", "datasets", "cars", "dist", c("speed")),
  set("quakes", "datasets", "quakes", "mag", c("lat", "long", "depth", "stations")),
  # ---- MASS (r-cran-mass)
  # Boston: housing values of Boston suburbs (Harrison and Rubinfeld 1978), all 13 inputs;
  # chas (by the Charles river) is a 0/1 indicator, kept numeric as MASS has it.
  set("Boston", "MASS", "Boston", "medv",
      c("crim", "zn", "indus", "chas", "nox", "rm", "age", "dis", "rad", "tax", "ptratio",
        "black", "lstat")),
  # Cars93: 1993 car models (Lock 1993); NAs in Rear.seat.room and Luggage.room.
  set("Cars93", "MASS", "Cars93", "Price",
      c("Type", "MPG.city", "MPG.highway", "AirBags", "DriveTrain", "Cylinders", "EngineSize",
        "Horsepower", "RPM", "Rev.per.mile", "Man.trans.avail", "Fuel.tank.capacity",
        "Passengers", "Length", "Wheelbase", "Width", "Turn.circle", "Rear.seat.room",
        "Luggage.room", "Weight", "Origin"),
      note = paste("Min.Price and Max.Price dropped (Price is their mean); Model and Make",
                   "dropped (identifiers, one value per car); Manufacturer dropped (32 values",
                   "for 93 cars)")),
  # birthwt: birth weight in grams (Hosmer and Lemeshow); race coded 1-3 becomes nominal.
  set("birthwt", "MASS", "birthwt", "bwt",
      c("age", "lwt", "race", "smoke", "ptl", "ht", "ui", "ftv"),
      note = "low dropped (the indicator bwt < 2500, derived from the class); race made nominal"),
  # UScereal: 65 breakfast cereals; mfr and vitamins are factors, shelf (1-3) kept numeric.
  set("UScereal", "MASS", "UScereal", "calories",
      c("mfr", "protein", "fat", "sodium", "fibre", "carbo", "sugars", "shelf", "potassium",
        "vitamins"),
      note = "row names (the cereals' names) dropped"),
  # cats: heart weight (g) of cats by sex and body weight (kg) (Fisher 1947).
  set("cats", "MASS", "cats", "Hwt", c("Sex", "Bwt")),
  # whiteside: weekly gas consumption before and after insulation by outside temperature.
  set("whiteside", "MASS", "whiteside", "Gas", c("Insul", "Temp")),
  # ---- mlbench (r-cran-mlbench)
  # Ozone: Los Angeles daily maximum one-hour ozone, 1976 (Breiman and Friedman 1985); the
  # columns V1..V13 renamed after mlbench's ?Ozone; NAs in most inputs; 5 days without the
  # class dropped.
  set("Ozone", "mlbench", "Ozone", "ozone",
      c("month", "weekday", "height500mb", "windLAX", "humidityLAX", "tempSandburg",
        "tempElMonte", "inversionHeight", "pressureGradient", "inversionTemp", "visibility"),
      rename = c(V1 = "month", V3 = "weekday", V4 = "ozone", V5 = "height500mb",
                 V6 = "windLAX", V7 = "humidityLAX", V8 = "tempSandburg", V9 = "tempElMonte",
                 V10 = "inversionHeight", V11 = "pressureGradient", V12 = "inversionTemp",
                 V13 = "visibility"),
      note = paste("V2 (day of the month, a 31-valued factor) dropped: with month and weekday",
                   "it only identifies the date")),
  # Servo: rise time of a servomechanism (UCI); all four inputs are factors in mlbench. Beware:
  # mlbench's Class is not the rise time (0.13 to 7.1 in UCI's file) but integer codes 1 to 51,
  # one per distinct rise time (a factor turned into numbers), written as mlbench has them.
  set("Servo", "mlbench", "Servo", "Class", c("Motor", "Screw", "Pgain", "Vgain"),
      note = paste("Class is mlbench's: codes 1-51 of the 51 distinct rise times (UCI's file",
                   "has the times, 0.13-7.1), not the times themselves")),
  # ---- carData (r-cran-cardata)
  # Prestige: Canadian occupations, 1971; type has 4 NAs.
  set("Prestige", "carData", "Prestige", "prestige", c("education", "income", "women", "type"),
      note = paste("census dropped (the occupation's census code, an identifier); row names",
                   "(the occupations) dropped")),
  # Salaries: nine-month salaries of US professors, 2008-09.
  set("Salaries", "carData", "Salaries", "salary",
      c("rank", "discipline", "yrs.since.phd", "yrs.service", "sex")),
  # Highway1: accident rate on 39 Minnesota highway segments, 1973 (Weisberg).
  set("Highway1", "carData", "Highway1", "rate",
      c("len", "adt", "trks", "sigs1", "slim", "shld", "lane", "acpt", "itg", "lwid", "htype"),
      note = "row names (the segments) dropped"),
  # UN: national statistics, mostly 2009-2011; NAs in region, group, pctUrban and the class.
  set("UN", "carData", "UN", "infantMortality",
      c("region", "group", "fertility", "ppgdp", "lifeExpF", "pctUrban"),
      note = "row names (the countries) dropped"),
  # Ericksen: 1980 US census undercount by state and city (Ericksen et al. 1989).
  set("Ericksen", "carData", "Ericksen", "undercount",
      c("minority", "crime", "poverty", "language", "highschool", "housing", "city",
        "conventional"),
      note = "row names (the areas) dropped"),
  # Ornstein: interlocking directorates of 248 Canadian firms (Ornstein 1976).
  set("Ornstein", "carData", "Ornstein", "interlocks", c("assets", "sector", "nation"))
)
# ARFF quoting (as weka.core.Utils.quote does it): plain words as they are, others in quotes
arff_quote <- function(a) {
  plain <- grepl("^[A-Za-z0-9_.+-]+$", a) & a != "?"
  q <- gsub("'", "\\\\'", gsub("\\\\", "\\\\\\\\", a))
  ifelse(plain, a, paste0("'", q, "'"))
}
load_set <- function(package, object) {
  e <- new.env()
  utils::data(list = object, package = package, envir = e)
  get(object, envir = e)
}
for (s in sets) {
  df <- load_set(s$package, s$object)
  if (s$object == "birthwt") {
    df$race <- factor(df$race, levels = 1:3, labels = c("white", "black", "other"))
  }
  for (old in names(s$rename)) names(df)[names(df) == old] <- s$rename[[old]]
  cols <- c(s$inputs, s$class)
  stopifnot(!anyDuplicated(cols), all(cols %in% names(df)), is.numeric(df[[s$class]]))
  df <- df[, cols, drop = FALSE]
  dropped <- sum(is.na(df[[s$class]]))
  df <- df[!is.na(df[[s$class]]), , drop = FALSE]
  rownames(df) <- NULL
  nominal <- vapply(df, is.factor, TRUE)
  stopifnot(all(nominal | vapply(df, is.numeric, TRUE)))
  declare <- vapply(names(df), function(a) {
    col <- df[[a]]
    type <- if (is.factor(col)) {
      paste0("{", paste(arff_quote(levels(col)), collapse = ","), "}")
    } else "numeric"
    sprintf("@attribute %s %s", arff_quote(a), type)
  }, "")
  cells <- lapply(df, function(col) {
    v <- if (is.factor(col)) arff_quote(as.character(col)) else as.character(col)
    ifelse(is.na(col), "?", v)
  })
  lines <- do.call(paste, c(unname(cells), sep = ","))
  n_missing <- sum(is.na(df[, s$inputs, drop = FALSE]))
  package <- if (s$package == "datasets") s$package else
    paste(s$package, as.character(utils::packageVersion(s$package)))
  header <- c(
    sprintf("%% %s: R %s, package %s (?%s); %s ~ %s", s$name,
            paste(R.version$major, R.version$minor, sep = "."), package, s$object, s$class,
            paste(s$inputs, collapse = " + ")),
    if (length(s$rename)) sprintf("%% columns renamed: %s",
      paste(names(s$rename), s$rename, sep = " -> ", collapse = ", ")),
    if (!is.null(s$note)) paste("%", s$note),
    if (dropped > 0) sprintf("%% %d row(s) with a missing %s dropped", dropped, s$class),
    if (n_missing > 0) sprintf("%% %d missing input value(s), written as ?", n_missing),
    sprintf("@relation %s", arff_quote(s$name)), "", declare, "", "@data")
  tmp <- file.path(out, paste0(s$name, ".arff.tmp"))
  writeLines(c(header, lines), tmp)
  stopifnot(file.rename(tmp, file.path(out, paste0(s$name, ".arff"))))
  kinds <- c(if (sum(nominal[s$inputs])) sprintf("%d nominal", sum(nominal[s$inputs])),
             if (n_missing > 0) "missing")
  cat(sprintf("%-18s %5d rows, %d input(s)%s, class %s\n", s$name, nrow(df), length(s$inputs),
              if (length(kinds)) paste0(" (", paste(kinds, collapse = ", "), ")") else "",
              s$class))
}
RSCRIPT
echo "wrote $(ls "$out"/*.arff | wc -l) ARFF files to $out"

# Reference figures for asn_assess.analysis.reliability, from psych::alpha.
#
# Run from the project root, once, after installing R's psych package:
#
#     apt-get install r-cran-psych        # Debian/Ubuntu
#     Rscript tools/reference/alpha.R
#
# The tests do NOT need R: they read the CSV files this script writes, which
# are committed in tests/data/analysis/. The datasets themselves are made by
# tools/reference/make_datasets.py (numpy, fixed seeds) and committed too; this
# script only reads them, so its output depends on committed files alone.
#
# For each dataset and each missing-data mode it writes
# tests/data/analysis/<dataset>-<mode>-psych.csv in a tidy long format with
# the columns statistic,item,value (item empty for whole-scale figures):
#
#   pairwise  psych::alpha(x, check.keys = FALSE)           (psych's default:
#             cov(x, use = "pairwise"), item mean/sd with na.rm = TRUE)
#   listwise  psych::alpha(na.omit(x), check.keys = FALSE)
#
# Statistics: raw_alpha, std_alpha, average_r (whole scale); per item n, mean,
# sd, r_drop (psych's r.drop), alpha_drop_raw / alpha_drop_std /
# alpha_drop_average_r (psych's alpha.drop columns). Items psych deletes for
# having no variance do not appear. Values are written with 17 significant
# digits, so they round-trip exactly to doubles.
# R and psych versions go to tests/data/analysis/psych-versions.csv.

suppressPackageStartupMessages(library(psych))

dir <- file.path("tests", "data", "analysis")
datasets <- c("clean", "miskeyed", "missing", "constant")

fmt <- function(v) sprintf("%.17g", v)

tidy <- function(a) {
  tot <- a$total
  st <- a$item.stats
  dr <- a$alpha.drop
  items <- rownames(st)
  scale <- data.frame(
    statistic = c("raw_alpha", "std_alpha", "average_r"),
    item = "",
    value = fmt(c(tot$raw_alpha, tot$std.alpha, tot$average_r))
  )
  per_item <- function(name, v) data.frame(statistic = name, item = items, value = fmt(v))
  rbind(
    scale,
    per_item("n", st$n),
    per_item("mean", st$mean),
    per_item("sd", st$sd),
    per_item("r_drop", st$r.drop),
    per_item("alpha_drop_raw", dr$raw_alpha),
    per_item("alpha_drop_std", dr$std.alpha),
    per_item("alpha_drop_average_r", dr$average_r)
  )
}

run <- function(x) {
  # check.keys = FALSE: the module takes items already keyed and must report a
  # mis-keyed item, not silently reverse it. psych still warns (and prints a
  # note) about negatively correlated items; that is expected for miskeyed.csv.
  out <- NULL
  capture.output(out <- suppressWarnings(alpha(x, check.keys = FALSE)))
  out
}

for (name in datasets) {
  x <- read.csv(file.path(dir, paste0(name, ".csv")), na.strings = "NA")
  modes <- list(pairwise = x, listwise = na.omit(x))
  for (mode in names(modes)) {
    path <- file.path(dir, paste0(name, "-", mode, "-psych.csv"))
    write.csv(tidy(run(modes[[mode]])), path, row.names = FALSE, quote = FALSE)
    cat("wrote", path, "\n")
  }
}

write.csv(
  data.frame(
    software = c("R", "psych"),
    version = c(paste(R.version$major, R.version$minor, sep = "."),
                as.character(packageVersion("psych")))
  ),
  file.path(dir, "psych-versions.csv"), row.names = FALSE, quote = FALSE
)

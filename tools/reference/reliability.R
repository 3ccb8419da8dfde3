# Reference figures for the error bars of asn-assess: the Feldt interval of alpha,
# omega total, the F quantiles behind the interval, and the intraclass correlations
# of 360-degree ratings. Companion of alpha.R.
#
# Run from the project root, once, after installing R's psych and multilevel:
#
#     apt-get install r-cran-psych r-cran-multilevel   # Debian/Ubuntu
#     Rscript tools/reference/reliability.R
#
# The tests do NOT need R: they read the CSV files this script writes into
# tests/data/analysis/ (committed). The datasets are made by
# tools/reference/make_datasets.py and committed too; this script only reads them.
#
# Files written (values with 17 significant digits, so they read back exactly):
#
#   reliability-psych.csv  dataset,mode,statistic,value
#       feldt_lower, feldt_upper  psych::alpha(x)$feldt (lower.ci, upper.ci);
#                                 listwise: psych::alpha(na.omit(x))$feldt
#       omega_total               psych::omega(x, nfactors = 1)$omega.tot, on the
#                                 items with variance (those alpha keeps);
#                                 listwise: on na.omit(x)
#   qf-r.csv               p,df1,df2,value: qf(p, df1, df2) over a grid that includes
#                          degrees of freedom above 400,000, where R takes the
#                          chi-square limit
#   icc-multilevel.csv     indicator,statistic,value: multilevel::ICC1 and ICC2 of
#                          aov(score ~ target) for each indicator of icc.csv, with
#                          the number of targets and ratings
#   reference-versions.csv R, psych, multilevel and GPArotation versions

suppressPackageStartupMessages({
  library(psych)
  library(multilevel)
})

dir <- file.path("tests", "data", "analysis")
fmt <- function(v) sprintf("%.17g", v)
quietly <- function(expr) {
  out <- NULL
  capture.output(out <- suppressWarnings(suppressMessages(expr)))
  out
}

rows <- list()
for (name in c("clean", "miskeyed", "missing", "constant")) {
  x <- read.csv(file.path(dir, paste0(name, ".csv")), na.strings = "NA")
  for (mode in c("pairwise", "listwise")) {
    data <- if (mode == "listwise") na.omit(x) else x
    a <- quietly(alpha(data, check.keys = FALSE))
    varies <- sapply(data, function(v) isTRUE(sd(v, na.rm = TRUE) > 0))
    o <- quietly(omega(data[, varies], nfactors = 1, plot = FALSE))
    rows[[length(rows) + 1]] <- data.frame(
      dataset = name, mode = mode,
      statistic = c("feldt_lower", "feldt_upper", "omega_total"),
      value = fmt(c(a$feldt$lower.ci, a$feldt$upper.ci, o$omega.tot))
    )
  }
}
path <- file.path(dir, "reliability-psych.csv")
write.csv(do.call(rbind, rows), path, row.names = FALSE, quote = FALSE)
cat("wrote", path, "\n")

grid <- expand.grid(p = c(0.025, 0.975), df1 = c(1, 4, 59, 199, 9999, 500000),
                    df2 = c(2, 118, 1393, 989901))
grid$value <- fmt(mapply(qf, grid$p, grid$df1, grid$df2))
path <- file.path(dir, "qf-r.csv")
write.csv(grid, path, row.names = FALSE, quote = FALSE)
cat("wrote", path, "\n")

ratings <- read.csv(file.path(dir, "icc.csv"))
ratings$target <- as.factor(ratings$target)
rows <- list()
for (indicator in unique(ratings$indicator)) {
  sub <- ratings[ratings$indicator == indicator, ]
  model <- aov(score ~ target, data = sub)
  rows[[length(rows) + 1]] <- data.frame(
    indicator = indicator,
    statistic = c("icc1", "icc2", "targets", "ratings"),
    value = fmt(c(ICC1(model), ICC2(model), nlevels(droplevels(sub$target)), nrow(sub)))
  )
}
path <- file.path(dir, "icc-multilevel.csv")
write.csv(do.call(rbind, rows), path, row.names = FALSE, quote = FALSE)
cat("wrote", path, "\n")

write.csv(
  data.frame(
    software = c("R", "psych", "multilevel", "GPArotation"),
    version = c(paste(R.version$major, R.version$minor, sep = "."),
                as.character(packageVersion("psych")),
                as.character(packageVersion("multilevel")),
                as.character(packageVersion("GPArotation")))
  ),
  file.path(dir, "reference-versions.csv"), row.names = FALSE, quote = FALSE
)

# Reproduce the dashboard's headline figures from an anonymised cohort export.
#
#   npx tsx notebooks/make-export.ts          # (optional) regenerate notebooks/export/
#   Rscript notebooks/reproduce-pilot.R [export-dir] [output-dir]
#
# Reads only the CSV export (base R; no packages) of both pilot cohorts:
#   <dir>/ib-outcomes-child-participants.csv, <dir>/ib-outcomes-adult-participants.csv
# and the manifests (for the programme's reporting months). Writes
#   <output>/reproduce-pilot.json  (numbers, full precision; compared with the
#                                   dashboard's own computation in
#                                   tests/unit/export/notebook.test.ts)
#   <output>/reproduce-pilot.txt   (the same, readable)
#
# What it reproduces (definitions as in the dashboard and data/README.md):
#   - goal attainment per plan domain: score (achieved 1, partly 0.5, not 0) as % of goals;
#   - KIDSCREEN-52: paired t-test follow-up vs baseline per dimension and informant,
#     Holm-adjusted within an informant;
#   - employment (adults): McNemar on employed yes/no (employed = any status but
#     not_employed), continuity-corrected chi-square and the exact binomial p;
#   - cost per participant by service group (participants = those with cost > 0),
#     EUR per unit and per participant per month (÷ the programme's reporting months).
# Records suppressed for k-anonymity are missing from an export, so with
# suppression these figures would differ from the dashboard; the notebook
# export is made with no suppression allowed (see make-export.ts).

options(warn = 1)
args <- commandArgs(trailingOnly = TRUE)
script_dir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f)) dirname(normalizePath(f[1])) else "notebooks"
})
export_dir <- if (length(args) >= 1) args[1] else file.path(script_dir, "export")
output_dir <- if (length(args) >= 2) args[2] else file.path(script_dir, "output")
dir.create(output_dir, showWarnings = FALSE, recursive = TRUE)

## ---- tiny JSON writer (as in stats-reference.R) ------------------------------
arr <- function(x) structure(list(v = x), class = "json_array")
num <- function(v) {
  if (is.na(v) || is.nan(v)) return("null")
  if (is.infinite(v)) return(if (v > 0) '"Inf"' else '"-Inf"')
  sprintf("%.17g", v)
}
str <- function(s) paste0('"', gsub('"', '\\\\"', gsub("\\\\", "\\\\\\\\", s)), '"')
scalar <- function(v) {
  if (is.null(v)) return("null")
  if (is.logical(v)) return(if (is.na(v)) "null" else if (v) "true" else "false")
  if (is.character(v)) return(if (is.na(v)) "null" else str(v))
  num(as.double(v))
}
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (inherits(x, "json_array")) {
    v <- unname(x$v)
    if (is.list(v)) return(paste0("[", paste(vapply(v, to_json, "", indent = inner), collapse = ", "), "]"))
    return(paste0("[", paste(vapply(as.list(v), scalar, ""), collapse = ","), "]"))
  }
  if (is.list(x)) {
    if (is.null(names(x))) {
      if (length(x) == 0) return("[]")
      return(paste0("[\n", inner, paste(vapply(x, to_json, "", indent = inner), collapse = paste0(",\n", inner)),
                    "\n", indent, "]"))
    }
    items <- mapply(function(k, v) paste0(str(k), ": ", to_json(v, inner)), names(x), x)
    return(paste0("{\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  if (length(x) == 1 || is.null(x)) return(scalar(x))
  to_json(arr(x), indent)
}

## ---- reading an export -------------------------------------------------------
read_export <- function(cohort) {
  f <- file.path(export_dir, sprintf("ib-outcomes-%s-participants.csv", cohort))
  d <- read.csv(f, fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE, na.strings = "",
                check.names = FALSE)
  manifest <- paste(readLines(file.path(export_dir, sprintf("ib-outcomes-%s-manifest.json", cohort)),
                    encoding = "UTF-8", warn = FALSE), collapse = "\n")
  rm <- regmatches(manifest, regexpr('"reporting_months": *[0-9]+', manifest))
  list(data = d, reporting_months = as.numeric(sub(".*: *", "", rm)), manifest = manifest)
}

## ---- goal attainment ---------------------------------------------------------
goal_attainment <- function(d) {
  domains <- sub("^goals_(.+)_n$", "\\1", grep("^goals_.+_n$", names(d), value = TRUE))
  one <- function(prefix, label) {
    n <- d[[paste0(prefix, "_n")]]
    goals <- sum(n); score <- sum(d[[paste0(prefix, "_score")]])
    list(domain = label, participants = sum(n > 0), goals = goals,
         achieved = sum(d[[paste0(prefix, "_achieved")]]), partly = sum(d[[paste0(prefix, "_partly")]]),
         not_achieved = sum(d[[paste0(prefix, "_not")]]), score = score, score_share = score / goals)
  }
  c(lapply(domains, function(dm) one(paste0("goals_", dm), toupper(dm))), list(one("goals", "all")))
}

## ---- KIDSCREEN paired t-tests ------------------------------------------------
kidscreen_tests <- function(d) {
  out <- list()
  for (inf in c("child", "parent")) {
    pre <- paste0("kidscreen52_", inf, "_")
    bcols <- grep(paste0("^", pre, ".+_b$"), names(d), value = TRUE)
    bcols <- bcols[!grepl("_b_months$|_b_month$", bcols) & bcols != paste0(pre, "b_months")]
    dims <- sub(paste0("^", pre, "(.+)_b$"), "\\1", bcols)
    rows <- lapply(dims, function(dim) {
      b <- d[[paste0(pre, dim, "_b")]]; f <- d[[paste0(pre, dim, "_f")]]
      ok <- !is.na(b) & !is.na(f)
      r <- t.test(f[ok], b[ok], paired = TRUE)
      list(informant = inf, dimension = dim, n = sum(ok), baseline_mean = mean(b[ok]),
           followup_mean = mean(f[ok]), mean_change = mean(f[ok] - b[ok]),
           t = unname(r$statistic), df = unname(r$parameter), p = r$p.value)
    })
    p_holm <- p.adjust(vapply(rows, function(r) r$p, 0), method = "holm")
    for (i in seq_along(rows)) rows[[i]]$p_holm <- p_holm[i]
    out <- c(out, rows)
  }
  out
}

## ---- employment McNemar ------------------------------------------------------
employment_test <- function(d) {
  ok <- !is.na(d$employment_baseline) & !is.na(d$employment_followup)
  eb <- d$employment_baseline[ok] != "not_employed"
  ef <- d$employment_followup[ok] != "not_employed"
  tab <- table(factor(eb, levels = c(FALSE, TRUE)), factor(ef, levels = c(FALSE, TRUE)))
  b <- tab["FALSE", "TRUE"]; c <- tab["TRUE", "FALSE"]
  mc <- mcnemar.test(tab, correct = TRUE)
  statuses <- c("permanent_full_time", "temporary_full_time", "part_time", "volunteer_public_works", "not_employed")
  counts <- lapply(statuses, function(s) list(status = s,
    baseline = sum(d$employment_baseline == s, na.rm = TRUE),
    followup = sum(d$employment_followup == s, na.rm = TRUE)))
  list(n_pairs = sum(ok), employed_before = sum(eb), employed_after = sum(ef), b = unname(b), c = unname(c),
       chisq = unname(mc$statistic), p_chisq = mc$p.value,
       p_exact = binom.test(b, b + c)$p.value, counts = counts)
}

## ---- cost per participant ----------------------------------------------------
cost_table <- function(d, months) {
  one <- function(cost, units, label) {
    cost_sum <- round(sum(cost), 2); n <- sum(cost > 0)
    list(group = label, cost_eur = cost_sum, units = sum(units), participants = n,
         eur_per_unit = cost_sum / sum(units), eur_per_participant = cost_sum / n,
         eur_per_participant_month = cost_sum / n / months)
  }
  groups <- c("social", "health", "education", "other")
  rows <- lapply(groups, function(g) one(d[[paste0("cost_", g, "_eur")]], d[[paste0("units_", g)]], g))
  rows <- rows[vapply(rows, function(r) r$participants > 0, TRUE)]
  c(rows, list(one(d$cost_total_eur, d$units_total, "total")))
}

## ---- run ---------------------------------------------------------------------
child <- read_export("child")
adult <- read_export("adult")
result <- list(
  r_version = R.version.string,
  source = "notebooks/export (npx tsx notebooks/make-export.ts)",
  child = list(
    participants = nrow(child$data),
    reporting_months = child$reporting_months,
    goals = goal_attainment(child$data),
    kidscreen = kidscreen_tests(child$data),
    costs = cost_table(child$data, child$reporting_months)
  ),
  adult = list(
    participants = nrow(adult$data),
    reporting_months = adult$reporting_months,
    goals = goal_attainment(adult$data),
    employment = employment_test(adult$data),
    costs = cost_table(adult$data, adult$reporting_months)
  )
)
writeLines(to_json(result), file.path(output_dir, "reproduce-pilot.json"), useBytes = TRUE)

## ---- readable summary --------------------------------------------------------
fmt <- function(x, d = 2) formatC(x, format = "f", digits = d, big.mark = ",")
txt <- c(sprintf("Reproduced from the anonymised export (%s)", R.version.string), "")
for (cohort in c("child", "adult")) {
  r <- result[[cohort]]
  txt <- c(txt, sprintf("== %s cohort: %d participants ==", cohort, r$participants), "", "Goal attainment (score as % of goals):")
  for (g in r$goals) txt <- c(txt, sprintf("  %-4s people %3d  goals %3d  achieved %3d  partly %3d  not %3d  score %6.1f  %s%%",
    g$domain, g$participants, g$goals, g$achieved, g$partly, g$not_achieved, g$score, fmt(100 * g$score_share, 1)))
  if (!is.null(r$kidscreen)) {
    txt <- c(txt, "", "KIDSCREEN-52 paired t-tests (follow-up vs baseline; Holm within informant):")
    for (k in r$kidscreen) txt <- c(txt, sprintf("  %-6s %-22s n %2d  %s -> %s  t %6.3f  p %.4f  p(Holm) %.4f",
      k$informant, k$dimension, k$n, fmt(k$baseline_mean), fmt(k$followup_mean), k$t, k$p, k$p_holm))
  }
  if (!is.null(r$employment)) {
    e <- r$employment
    txt <- c(txt, "", sprintf("Employment: %d pairs; employed %d -> %d; b = %d, c = %d; McNemar chi2 = %.4f, p = %.3g; exact p = %.3g",
      e$n_pairs, e$employed_before, e$employed_after, e$b, e$c, e$chisq, e$p_chisq, e$p_exact))
    for (s in e$counts) txt <- c(txt, sprintf("  %-24s %3d -> %3d", s$status, s$baseline, s$followup))
  }
  txt <- c(txt, "", sprintf("Cost per participant (per month = / %d):", r$reporting_months))
  for (c in r$costs) txt <- c(txt, sprintf("  %-10s cost %12s  units %7d  people %3d  per unit %7s  per person %9s  per month %7s",
    c$group, fmt(c$cost_eur), as.integer(c$units), c$participants, fmt(c$eur_per_unit), fmt(c$eur_per_participant), fmt(c$eur_per_participant_month)))
  txt <- c(txt, "")
}
writeLines(txt, file.path(output_dir, "reproduce-pilot.txt"), useBytes = TRUE)
cat(txt, sep = "\n")

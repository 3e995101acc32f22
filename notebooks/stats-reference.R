# Reference cases for src/lib/stats, computed with base R only.
#
#   Rscript notebooks/stats-reference.R > tests/fixtures/stats-r.json
#
# Every case written here becomes a test in tests/unit/stats/fixtures.test.ts:
# the TypeScript function is called with the same inputs and every field is
# compared with R (1e-9 relative; 1e-6 for the Wilcoxon pseudo-median in the
# normal-approximation case, which R finds with uniroot()).
#
# No packages: JSON is written by the small writer below, numbers with
# sprintf("%.17g") so they round-trip exactly. Non-finite numbers are
# written as the strings "Inf", "-Inf" and "NaN" (R's NA also becomes "NaN").
#
# The fixtures name the R version: wilcox.test() changed in R 4.6 (exact
# p-values with ties); these values are from the R in Debian 12 (4.2.2).

options(warn = 1)
set.seed(20240901)

## ---- tiny JSON writer -------------------------------------------------------
arr <- function(x) structure(list(v = x), class = "json_array")   # force an array, even for length 1
num <- function(v) {
  if (is.na(v) && !is.nan(v)) return('"NaN"')
  if (is.nan(v)) return('"NaN"')
  if (is.infinite(v)) return(if (v > 0) '"Inf"' else '"-Inf"')
  sprintf("%.17g", v)
}
str <- function(s) paste0('"', gsub('"', '\\\\"', gsub("\\\\", "\\\\\\\\", s)), '"')
scalar <- function(v) {
  if (is.logical(v)) return(if (is.na(v)) "null" else if (v) "true" else "false")
  if (is.character(v)) return(str(v))
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
      return(paste0("[\n", inner, paste(vapply(x, to_json, "", indent = inner), collapse = paste0(",\n", inner)),
                    "\n", indent, "]"))
    }
    items <- mapply(function(k, v) paste0(str(k), ": ", to_json(v, inner)), names(x), x)
    return(paste0("{\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  if (length(x) == 1) return(scalar(x))
  to_json(arr(x), indent)
}

## ---- helpers -----------------------------------------------------------------
# Capture warnings instead of printing them, so we can record R's "warning semantics".
with_warnings <- function(expr) {
  w <- character(0)
  val <- withCallingHandlers(expr, warning = function(cond) {
    w <<- c(w, conditionMessage(cond)); invokeRestart("muffleWarning")
  })
  list(value = val, warnings = w)
}

paired_t_case <- function(name, x, y, alternative = "two.sided", conf.level = 0.95, mu = 0) {
  r <- t.test(x, y, paired = TRUE, alternative = alternative, conf.level = conf.level, mu = mu)
  list(name = name, x = arr(x), y = arr(y),
       args = list(alternative = alternative, confLevel = conf.level, mu = mu),
       expected = list(statistic = unname(r$statistic), df = unname(r$parameter),
                       pValue = r$p.value, estimate = unname(r$estimate),
                       confInt = arr(as.vector(r$conf.int)), n = length(x)))
}

wilcox_case <- function(name, x, y, alternative = "two.sided", exact = NULL, correct = TRUE) {
  run <- with_warnings(wilcox.test(x, y, paired = TRUE, alternative = alternative,
                                   exact = exact, correct = correct, conf.int = TRUE))
  r <- run$value
  d <- x - y
  dnz <- d[d != 0]
  rk <- rank(abs(dnz))
  rb <- (sum(rk[dnz > 0]) - sum(rk[dnz < 0])) / sum(rk)
  args <- list(alternative = alternative, correct = correct)
  if (!is.null(exact)) args$exact <- exact
  list(name = name, x = arr(x), y = arr(y), args = args,
       expected = list(statistic = unname(r$statistic), pValue = r$p.value,
                       exact = grepl("exact", r$method), n = length(dnz),
                       estimate = unname(r$estimate), rankBiserial = rb),
       estimateIterative = !grepl("exact", r$method),
       method = r$method, warnings = arr(as.list(run$warnings)))
}

sign_case <- function(name, x, y, alternative = "two.sided") {
  d <- x - y
  k <- sum(d > 0); n <- sum(d != 0)
  r <- binom.test(k, n, alternative = alternative)
  list(name = name, x = arr(x), y = arr(y), args = list(alternative = alternative),
       expected = list(statistic = k, n = n, pValue = r$p.value))
}

mcnemar_case <- function(name, before, after, correct = TRUE, exact = FALSE) {
  tab <- table(factor(before, levels = c(FALSE, TRUE)), factor(after, levels = c(FALSE, TRUE)))
  b <- tab[1, 2]; c <- tab[2, 1]
  if (exact) {
    bt <- binom.test(b, b + c)
    expected <- list(statistic = b, df = NaN, pValue = bt$p.value, b = b, c = c)
  } else {
    r <- mcnemar.test(tab, correct = correct)
    expected <- list(statistic = unname(r$statistic), df = unname(r$parameter),
                     pValue = r$p.value, b = b, c = c)
  }
  list(name = name, before = arr(before), after = arr(after),
       args = list(correct = correct, exact = exact), expected = expected)
}

binom_case <- function(name, k, n, p = 0.5, alternative = "two.sided") {
  r <- binom.test(k, n, p = p, alternative = alternative)
  list(name = name, k = k, n = n, args = list(p = p, alternative = alternative),
       expected = list(pValue = as.double(r$p.value)))  # R returns TRUE/FALSE when p is 0 or 1
}

padj_case <- function(name, p, method) {
  list(name = name, p = arr(p), method = method, expected = arr(p.adjust(p, method)))
}

ks_case <- function(name, ratings, weights = NULL, rho = 0.3) {
  w <- if (is.null(weights)) rep(1, length(ratings)) else weights
  t <- 50 + 10 * sum(w * ratings) / sqrt((1 - rho) * sum(w^2) + rho * sum(w)^2)
  out <- list(name = name, ratings = arr(ratings), rho = rho, expected = t)
  if (!is.null(weights)) out$weights <- arr(weights)
  out
}

describe_case <- function(name, x, y) {
  d <- x - y
  list(name = name, x = arr(x), y = arr(y),
       expected = list(n = length(x), meanX = mean(x), meanY = mean(y), medianX = median(x),
                       medianY = median(y), meanDiff = mean(d), medianDiff = median(d),
                       sdDiff = sd(d), cohensDz = mean(d) / sd(d)))
}

## ---- data ------------------------------------------------------------------
# ?t.test / ?sleep: extra sleep for drug 1 and drug 2 in the same 10 patients
sleep1 <- sleep$extra[sleep$group == 1]
sleep2 <- sleep$extra[sleep$group == 2]
# ?wilcox.test: Hamilton depression scale, first (x) and second (y) visit
dep_x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
dep_y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)

cont <- function(n, shift) {             # continuous: no ties, no zeros
  y <- round(rnorm(n, 50, 10), 6)
  x <- y + round(rnorm(n, shift, 4), 6)
  list(x = x, y = y)
}
likert <- function(n, p_up) {            # 0..10 scale: many ties and zeros
  y <- sample(0:10, n, replace = TRUE)
  x <- pmin(10, pmax(0, y + sample(-2:3, n, replace = TRUE, prob = c(1, 1, 2, 2, p_up, p_up))))
  list(x = x, y = y)
}
c5 <- cont(5, 1); c12 <- cont(12, 2); c20 <- cont(20, 1.5)
c49 <- cont(49, 1); c50 <- cont(50, 1); c51 <- cont(51, 1)
c500 <- cont(500, 0.3); l30 <- likert(30, 1.5); l500 <- likert(500, 1)
l80 <- likert(80, 0.5)

## ---- cases -----------------------------------------------------------------
t_cases <- list(
  paired_t_case("sleep (?t.test)", sleep1, sleep2),
  paired_t_case("sleep, less", sleep1, sleep2, "less"),
  paired_t_case("sleep, greater", sleep1, sleep2, "greater"),
  paired_t_case("sleep, conf 0.90", sleep1, sleep2, conf.level = 0.90),
  paired_t_case("sleep, conf 0.99, mu = -1", sleep1, sleep2, conf.level = 0.99, mu = -1),
  paired_t_case("depression (?wilcox.test)", dep_x, dep_y),
  paired_t_case("depression, greater, conf 0.8", dep_x, dep_y, "greater", 0.8),
  paired_t_case("n = 2", c(3, 5), c(1, 4)),
  paired_t_case("n = 5", c5$x, c5$y),
  paired_t_case("n = 12, less, conf 0.975", c12$x, c12$y, "less", 0.975),
  paired_t_case("likert n = 30", l30$x, l30$y),
  paired_t_case("n = 500", c500$x, c500$y),
  paired_t_case("n = 500, tiny p", c500$x + 3, c500$y),
  paired_t_case("likert n = 500, greater", l500$x, l500$y, "greater")
)

w_cases <- list(
  wilcox_case("depression (?wilcox.test)", dep_x, dep_y),
  wilcox_case("depression, greater (?wilcox.test)", dep_x, dep_y, "greater"),
  wilcox_case("depression, less", dep_x, dep_y, "less"),
  wilcox_case("sleep: ties and a zero", sleep1, sleep2),
  wilcox_case("sleep, exact requested (ties, zero)", sleep1, sleep2, exact = TRUE),
  wilcox_case("sleep, no continuity correction", sleep1, sleep2, correct = FALSE),
  wilcox_case("sleep, greater", sleep1, sleep2, "greater"),
  wilcox_case("sleep, less", sleep1, sleep2, "less"),
  wilcox_case("d = 1, 2, -3", c(1, 2, -3), c(0, 0, 0)),
  wilcox_case("d = 1, 2, -3 greater", c(1, 2, -3), c(0, 0, 0), "greater"),
  wilcox_case("n = 2", c(3, 5), c(1, 4)),
  wilcox_case("n = 5 all positive", c(11, 12, 13, 14, 15), c(10, 10, 10, 10, 10)),
  wilcox_case("n = 5", c5$x, c5$y),
  wilcox_case("n = 12", c12$x, c12$y),
  wilcox_case("n = 12 less", c12$x, c12$y, "less"),
  wilcox_case("n = 20 greater", c20$x, c20$y, "greater"),
  wilcox_case("n = 20 exact = FALSE", c20$x, c20$y, exact = FALSE),
  wilcox_case("n = 20 exact = FALSE, correct = FALSE, less", c20$x, c20$y, "less", exact = FALSE, correct = FALSE),
  wilcox_case("zeros, no ties", c(1.5, 2, 3.25, 4, 5, 6.5, 7), c(1.5, 1, 1, 1, 1, 9, 1)),
  wilcox_case("ties, no zeros", c(2, 3, 4, 5, 6, 9, 1), c(1, 1, 2, 4, 4, 4, 3)),
  wilcox_case("all differences equal", c(2, 3, 4, 5), c(1, 2, 3, 4)),
  wilcox_case("one non-zero difference", c(2, 3, 4, 5), c(2, 3, 4, 4)),
  wilcox_case("likert n = 30", l30$x, l30$y),
  wilcox_case("likert n = 30, greater", l30$x, l30$y, "greater"),
  wilcox_case("n = 49 (exact)", c49$x, c49$y),
  wilcox_case("n = 49 (exact) greater", c49$x, c49$y, "greater"),
  wilcox_case("n = 50 (normal)", c50$x, c50$y),
  wilcox_case("n = 50 exact = TRUE", c50$x, c50$y, exact = TRUE),
  wilcox_case("n = 51 (normal)", c51$x, c51$y),
  wilcox_case("n = 51 less", c51$x, c51$y, "less"),
  wilcox_case("n = 51 with one zero -> 50 (normal)", c(c51$x[-1], 7), c(c51$y[-1], 7)),
  wilcox_case("n = 50 with one zero -> 49, zero forces normal", c(c49$x, 7), c(c49$y, 7)),
  wilcox_case("likert n = 80", l80$x, l80$y),
  wilcox_case("n = 500", c500$x, c500$y),
  wilcox_case("n = 500 greater", c500$x, c500$y, "greater"),
  wilcox_case("likert n = 500", l500$x, l500$y),
  wilcox_case("likert n = 500 less", l500$x, l500$y, "less")
)

s_cases <- list(
  sign_case("sleep", sleep1, sleep2),
  sign_case("sleep less", sleep1, sleep2, "less"),
  sign_case("depression", dep_x, dep_y),
  sign_case("depression greater", dep_x, dep_y, "greater"),
  sign_case("likert n = 30", l30$x, l30$y),
  sign_case("likert n = 500", l500$x, l500$y),
  sign_case("n = 500 greater", c500$x, c500$y, "greater")
)

approval_before <- rep(c(FALSE, TRUE, FALSE, TRUE), c(794, 86, 150, 570))
approval_after <- rep(c(FALSE, FALSE, TRUE, TRUE), c(794, 86, 150, 570))
mb <- sample(c(FALSE, TRUE), 40, replace = TRUE)
ma <- ifelse(runif(40) < 0.3, !mb, mb)
m_cases <- list(
  mcnemar_case("presidential approval (?mcnemar.test)", approval_before, approval_after),
  mcnemar_case("presidential approval, correct = FALSE", approval_before, approval_after, correct = FALSE),
  mcnemar_case("presidential approval, exact", approval_before, approval_after, exact = TRUE),
  mcnemar_case("random n = 40", mb, ma),
  mcnemar_case("random n = 40 exact", mb, ma, exact = TRUE),
  mcnemar_case("b == c: no correction applied", c(TRUE, FALSE, TRUE, FALSE, TRUE), c(FALSE, TRUE, TRUE, FALSE, FALSE) | c(FALSE, FALSE, FALSE, FALSE, TRUE)),
  mcnemar_case("small b, c", c(TRUE, TRUE, TRUE, FALSE, FALSE, TRUE), c(FALSE, FALSE, FALSE, FALSE, TRUE, TRUE)),
  mcnemar_case("small b, c exact", c(TRUE, TRUE, TRUE, FALSE, FALSE, TRUE), c(FALSE, FALSE, FALSE, FALSE, TRUE, TRUE), exact = TRUE),
  mcnemar_case("no discordant pairs: NaN", c(TRUE, FALSE, TRUE), c(TRUE, FALSE, TRUE))
)

b_cases <- list(
  binom_case("?binom.test: 682 of 925, p = 3/4", 682, 925, 0.75),
  binom_case("?binom.test, less", 682, 925, 0.75, "less"),
  binom_case("7 of 20, p = 0.3", 7, 20, 0.3),
  binom_case("2 of 20, p = 0.3", 2, 20, 0.3),
  binom_case("12 of 20, p = 0.3", 12, 20, 0.3),
  binom_case("3 of 10", 3, 10),
  binom_case("5 of 10", 5, 10),
  binom_case("0 of 10", 0, 10),
  binom_case("10 of 10", 10, 10),
  binom_case("10 of 10 greater", 10, 10, alternative = "greater"),
  binom_case("0 of 10 less", 0, 10, alternative = "less"),
  binom_case("4 of 15 greater p = 0.2", 4, 15, 0.2, "greater"),
  binom_case("1 of 1", 1, 1),
  binom_case("0 of 5, p = 0", 0, 5, 0),
  binom_case("5 of 5, p = 1", 5, 5, 1),
  binom_case("3 of 5, p = 0 (impossible)", 3, 5, 0),
  binom_case("300 of 1000, p = 0.25", 300, 1000, 0.25),
  binom_case("30 of 1000, p = 0.25 (tiny p)", 30, 1000, 0.25),
  binom_case("1 of 3, p = 1/3 (relErr rule)", 1, 3, 1 / 3)
)

pv <- c(0.01, 0.02, 0.03, 0.04, 0.05)
pties <- c(0.04, 0.01, 0.04, 0.2, 0.001, 0.5, 0.04, 0.9)
prand <- round(runif(20)^3, 8)
p_cases <- list()
for (m in c("holm", "BH", "bonferroni")) {
  p_cases[[length(p_cases) + 1]] <- padj_case(paste("increasing", m), pv, m)
  p_cases[[length(p_cases) + 1]] <- padj_case(paste("ties, unsorted", m), pties, m)
  p_cases[[length(p_cases) + 1]] <- padj_case(paste("random 20", m), prand, m)
  p_cases[[length(p_cases) + 1]] <- padj_case(paste("single", m), 0.03, m)
  p_cases[[length(p_cases) + 1]] <- padj_case(paste("large p capped at 1", m), c(0.3, 0.6, 0.8, 0.2), m)
  p_cases[[length(p_cases) + 1]] <- padj_case(paste("zeros and ones", m), c(0, 1, 0.5, 0, 1e-300), m)
}

d_cases <- list(
  describe_case("sleep", sleep1, sleep2),
  describe_case("depression", dep_x, dep_y),
  describe_case("likert n = 30", l30$x, l30$y),
  describe_case("n = 500", c500$x, c500$y)
)

k_cases <- list(
  ks_case("all expected (0)", c(0, 0, 0)),
  ks_case("mixed", c(-2, -1, 0, 1, 2, 1)),
  ks_case("all +2, 4 goals", c(2, 2, 2, 2)),
  ks_case("weighted", c(1, -1, 0, 2), weights = c(3, 1, 2, 1)),
  ks_case("rho 0.5", c(1, 0, -1, 1, 1), rho = 0.5),
  ks_case("one goal", -1)
)

# distribution helpers, checked directly
dist <- list(
  pt = lapply(list(c(-4.0621, 9), c(1.2, 3), c(-40, 2), c(0.5, 1), c(-2.5, 499), c(-25, 30), c(3, 1e6)),
              function(a) list(q = a[1], df = a[2], lower = pt(a[1], a[2]))),
  qt = lapply(list(c(0.975, 9), c(0.95, 1), c(0.995, 2), c(0.9, 499), c(0.999999, 4), c(0.6, 30), c(0.025, 7),
                   c(1e-10, 2), c(1e-12, 3), c(0.5, 5), c(0.9999, 1e6), c(0.3, 0.7)),
              function(a) list(p = a[1], df = a[2], q = qt(a[1], a[2]))),
  pnormUpper = lapply(c(-3, 0, 1.96, 5, 10, 30), function(z) list(z = z, upper = pnorm(z, lower.tail = FALSE))),
  pchisqUpper = lapply(list(c(34.712, 1), c(0.5, 1), c(200, 1), c(7.3, 3), c(1500, 1), c(0, 1),
                            c(3, 2), c(9.49, 4), c(0.2, 10), c(120, 10), c(60, 51), c(900, 700), c(1e-8, 1)),
                       function(a) list(q = a[1], df = a[2], upper = pchisq(a[1], a[2], lower.tail = FALSE))),
  psignrank = lapply(list(c(3, 5), c(10, 9), c(5, 9), c(300, 49), c(600, 49), c(612, 49), c(700, 60), c(0, 3), c(6, 3)),
                     function(a) list(q = a[1], n = a[2], lower = psignrank(a[1], a[2]),
                                      upper = psignrank(a[1], a[2], lower.tail = FALSE)))
)

out <- list(
  r_version = R.version$version.string,
  generated_by = "notebooks/stats-reference.R",
  note = "Non-finite numbers are the strings Inf, -Inf, NaN. Compare with 1e-9 relative tolerance (1e-6 for estimate when estimateIterative).",
  pairedTTest = t_cases,
  wilcoxonSignedRank = w_cases,
  signTest = s_cases,
  mcnemarTest = m_cases,
  binomialTest = b_cases,
  pAdjust = p_cases,
  describePaired = d_cases,
  kiresukShermanT = k_cases,
  distributions = dist
)
cat(to_json(out), "\n", sep = "")

/**
 * Data-driven comparison with R: every case in tests/fixtures/stats-r.json
 * (written by notebooks/stats-reference.R) becomes one test here, and every
 * field is compared. Add a case to the R script, regenerate the JSON, and it is
 * tested.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	binomialTest,
	chiSquareUpperTail,
	describePaired,
	kiresukShermanT,
	mcnemarTest,
	normalUpperTail,
	pAdjust,
	pairedTTest,
	signTest,
	signedRankCdf,
	tCdf,
	tQuantile,
	wilcoxonSignedRank,
	type Alternative,
	type PAdjustMethod
} from '../../../src/lib/stats';

const REL = 1e-9; // every field, unless R itself iterates
const REL_ITERATIVE = 1e-6; // the pseudo-median R finds with uniroot(tol = 1e-4)

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const fixture: Json = JSON.parse(
	readFileSync(fileURLToPath(new URL('../../fixtures/stats-r.json', import.meta.url)), 'utf8'),
	(_key, value) => (value === 'Inf' ? Infinity : value === '-Inf' ? -Infinity : value === 'NaN' ? NaN : value)
);

/** |actual − expected| ≤ tol·|expected| (NaN matches NaN, ±Inf must be equal, 0 allows 1e-12 absolute). */
function expectClose(actual: unknown, expected: unknown, tol: number, label: string): void {
	if (typeof expected === 'boolean' || typeof expected === 'string') {
		expect(actual, label).toBe(expected);
		return;
	}
	if (Array.isArray(expected)) {
		expect(Array.isArray(actual), `${label} is an array`).toBe(true);
		const a = actual as unknown[];
		expect(a.length, `${label}.length`).toBe(expected.length);
		expected.forEach((e, i) => expectClose(a[i], e, tol, `${label}[${i}]`));
		return;
	}
	const e = expected as number;
	const a = actual as number;
	expect(typeof a, `${label} is a number`).toBe('number');
	if (Number.isNaN(e)) {
		expect(a, label).toBeNaN();
	} else if (!Number.isFinite(e)) {
		expect(a, label).toBe(e);
	} else if (e === 0) {
		expect(Math.abs(a), `${label}: ${a} vs R 0`).toBeLessThanOrEqual(1e-12);
	} else {
		const rel = Math.abs(a - e) / Math.abs(e);
		expect(rel, `${label}: ${a} vs R ${e} (relative error ${rel})`).toBeLessThanOrEqual(tol);
	}
}

/** it.each rows: [test name, case] */
const cases = (list: Json[], label: (c: Json) => string = (c) => c.name): [string, Json][] =>
	list.map((c) => [label(c), c]);

function compareFields(actual: Record<string, unknown>, expected: Record<string, unknown>, tol: (field: string) => number) {
	for (const [field, value] of Object.entries(expected)) {
		expect(actual, `field ${field}`).toHaveProperty(field);
		expectClose(actual[field], value, tol(field), field);
	}
}

describe('fixtures', () => {
	it('name the R version they came from', () => {
		expect(fixture.r_version).toMatch(/^R version 4\.2\.2/);
	});
});

describe('pairedTTest vs R t.test(paired = TRUE)', () => {
	it.each(cases(fixture.pairedTTest))('%s', (_name, c: Json) => {
		const r = pairedTTest(c.x, c.y, {
			alternative: c.args.alternative as Alternative,
			confLevel: c.args.confLevel,
			mu: c.args.mu
		});
		compareFields(r as unknown as Record<string, unknown>, c.expected, () => REL);
	});
});

describe('wilcoxonSignedRank vs R wilcox.test(paired = TRUE, conf.int = TRUE)', () => {
	it.each(cases(fixture.wilcoxonSignedRank))('%s', (_name, c: Json) => {
		const r = wilcoxonSignedRank(c.x, c.y, {
			alternative: c.args.alternative as Alternative,
			exact: c.args.exact,
			correct: c.args.correct
		});
		compareFields(r as unknown as Record<string, unknown>, c.expected, (field) =>
			field === 'estimate' && c.estimateIterative ? REL_ITERATIVE : REL
		);
		expect(r.method).toBe(c.method);
		// R also warns about the confidence interval, which we do not compute.
		expect(r.warnings).toEqual((c.warnings as string[]).filter((w) => w.includes('p-value')));
	});
});

describe('signTest vs R binom.test(#positive, #non-zero)', () => {
	it.each(cases(fixture.signTest))('%s', (_name, c: Json) => {
		const r = signTest(c.x, c.y, { alternative: c.args.alternative as Alternative });
		compareFields(r as unknown as Record<string, unknown>, c.expected, () => REL);
	});
});

describe('mcnemarTest vs R mcnemar.test / binom.test', () => {
	it.each(cases(fixture.mcnemarTest))('%s', (_name, c: Json) => {
		const r = mcnemarTest(c.before, c.after, { correct: c.args.correct, exact: c.args.exact });
		compareFields(r as unknown as Record<string, unknown>, c.expected, () => REL);
	});
});

describe('binomialTest vs R binom.test', () => {
	it.each(cases(fixture.binomialTest))('%s', (_name, c: Json) => {
		const r = binomialTest(c.k, c.n, { p: c.args.p, alternative: c.args.alternative as Alternative });
		compareFields(r as unknown as Record<string, unknown>, c.expected, () => REL);
	});
});

describe('pAdjust vs R p.adjust', () => {
	it.each(cases(fixture.pAdjust))('%s', (_name, c: Json) => {
		expectClose(pAdjust(c.p, c.method as PAdjustMethod), c.expected, REL, 'adjusted');
	});
});

describe('describePaired vs R mean/median/sd', () => {
	it.each(cases(fixture.describePaired))('%s', (_name, c: Json) => {
		compareFields(describePaired(c.x, c.y) as unknown as Record<string, unknown>, c.expected, () => REL);
	});
});

describe('kiresukShermanT vs the formula in R', () => {
	it.each(cases(fixture.kiresukShermanT))('%s', (_name, c: Json) => {
		expectClose(kiresukShermanT(c.ratings, c.weights, c.rho), c.expected, REL, 'T');
	});
});

describe('distribution helpers vs R', () => {
	const d = fixture.distributions;
	it.each(cases(d.pt, (c) => `pt(${c.q}, ${c.df})`))('%s', (_n, c: Json) => {
		expectClose(tCdf(c.q, c.df), c.lower, REL, 'pt');
	});
	it.each(cases(d.qt, (c) => `qt(${c.p}, ${c.df})`))('%s', (_n, c: Json) => {
		expectClose(tQuantile(c.p, c.df), c.q, REL, 'qt');
	});
	it.each(cases(d.pnormUpper, (c) => `pnorm(${c.z}, lower = FALSE)`))('%s', (_n, c: Json) => {
		expectClose(normalUpperTail(c.z), c.upper, REL, 'pnorm upper');
	});
	it.each(cases(d.pchisqUpper, (c) => `pchisq(${c.q}, ${c.df}, lower = FALSE)`))('%s', (_n, c: Json) => {
		expectClose(chiSquareUpperTail(c.q, c.df), c.upper, REL, 'pchisq upper');
	});
	it.each(cases(d.psignrank, (c) => `psignrank(${c.q}, ${c.n})`))('%s', (_n, c: Json) => {
		expectClose(signedRankCdf(c.q, c.n), c.lower, REL, 'lower');
		expectClose(signedRankCdf(c.q, c.n, false), c.upper, REL, 'upper');
	});
});

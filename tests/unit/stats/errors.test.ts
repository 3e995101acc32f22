/**
 * Invalid input: every function either throws a StatsInputError with a clear
 * message or returns the NaN/Infinity documented in its JSDoc (as R does).
 */
import { describe, expect, it } from 'vitest';
import {
	StatsInputError,
	binomialTest,
	chiSquareUpperTail,
	cohensDz,
	describePaired,
	kiresukShermanT,
	mcnemarFromCounts,
	mcnemarTest,
	pAdjust,
	pairedTTest,
	signTest,
	tQuantile,
	wilcoxonSignedRank,
	zeroin,
	type Alternative,
	type PAdjustMethod
} from '../../../src/lib/stats';

const pairedFns = {
	pairedTTest: (x: number[], y: number[]) => pairedTTest(x, y),
	wilcoxonSignedRank: (x: number[], y: number[]) => wilcoxonSignedRank(x, y),
	signTest: (x: number[], y: number[]) => signTest(x, y),
	cohensDz: (x: number[], y: number[]) => cohensDz(x, y),
	describePaired: (x: number[], y: number[]) => describePaired(x, y)
};

function expectInputError(fn: () => unknown, message: RegExp): void {
	let caught: unknown;
	try {
		fn();
	} catch (e) {
		caught = e;
	}
	expect(caught, 'should throw').toBeInstanceOf(StatsInputError);
	expect((caught as Error).name).toBe('StatsInputError');
	expect((caught as Error).message).toMatch(message);
}

describe.each(Object.entries(pairedFns))('%s rejects invalid pairs', (name, fn) => {
	it('unequal lengths', () => expectInputError(() => fn([1, 2, 3], [1, 2]), /same length.*3 and 2/));
	it('fewer than 2 pairs', () => expectInputError(() => fn([1], [2]), /at least 2 pairs, got 1/));
	it('no pairs', () => expectInputError(() => fn([], []), /at least 2 pairs, got 0/));
	it('NaN', () => expectInputError(() => fn([1, NaN, 3], [1, 2, 3]), /pair 1 is not two finite numbers/));
	it('Infinity', () => expectInputError(() => fn([1, 2, 3], [1, Infinity, 3]), /pair 1/));
	it('a non-number', () => expectInputError(() => fn([1, '2' as unknown as number, 3], [1, 2, 3]), /pair 1/));
	it('names the function in the message', () => expectInputError(() => fn([1], [2]), new RegExp(`^${name}:`)));
});

describe('pairedTTest', () => {
	it('constant differences (R: "data are essentially constant")', () => {
		expectInputError(() => pairedTTest([2, 3, 4], [1, 2, 3]), /essentially\) constant/);
		expectInputError(() => pairedTTest([1, 2, 3], [1, 2, 3]), /constant/);
	});
	it('confLevel outside (0, 1)', () => {
		for (const confLevel of [0, 1, 95, -0.5, NaN]) {
			expectInputError(() => pairedTTest([1, 2, 4], [0, 0, 0], { confLevel }), /confLevel/);
		}
	});
	it('unknown alternative', () => {
		expectInputError(
			() => pairedTTest([1, 2, 4], [0, 0, 0], { alternative: 'two-sided' as Alternative }),
			/alternative must be/
		);
	});
	it('one-sided intervals are open on one side, as in R', () => {
		expect(pairedTTest([1, 2, 4], [0, 0, 0], { alternative: 'greater' }).confInt[1]).toBe(Infinity);
		expect(pairedTTest([1, 2, 4], [0, 0, 0], { alternative: 'less' }).confInt[0]).toBe(-Infinity);
	});
});

describe('wilcoxonSignedRank', () => {
	it('all differences zero', () => {
		expectInputError(() => wilcoxonSignedRank([1, 2, 3], [1, 2, 3]), /all differences are zero/);
	});
	it('exact requested with zeros falls back to the normal approximation and says so', () => {
		const r = wilcoxonSignedRank([1, 2, 3, 5], [1, 0, 0, 0], { exact: true });
		expect(r.exact).toBe(false);
		expect(r.n).toBe(3);
		expect(r.warnings).toEqual(['cannot compute exact p-value with zeroes']);
	});
	it('two-sided exact p never exceeds 1 (d = 1, 2, −3)', () => {
		const r = wilcoxonSignedRank([1, 2, -3], [0, 0, 0]);
		expect(r.pValue).toBe(1);
		expect(r.exact).toBe(true);
	});
	it('switches to the normal approximation at n = 50, as R', () => {
		const x = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? -(i + 1) : i + 1));
		const y = new Array(50).fill(0);
		expect(wilcoxonSignedRank(x.slice(0, 49), y.slice(0, 49)).exact).toBe(true);
		expect(wilcoxonSignedRank(x, y).exact).toBe(false);
		expect(wilcoxonSignedRank(x, y, { exact: true }).exact).toBe(true);
	});
	it('rank-biserial is +1 when every pair goes up and −1 when every pair goes down', () => {
		expect(wilcoxonSignedRank([2, 3, 5], [1, 1, 1]).rankBiserial).toBe(1);
		expect(wilcoxonSignedRank([1, 1, 1], [2, 3, 5]).rankBiserial).toBe(-1);
	});
	it('unknown alternative', () => {
		expectInputError(
			() => wilcoxonSignedRank([1, 2], [0, 0], { alternative: 'both' as Alternative }),
			/alternative must be/
		);
	});
});

describe('signTest', () => {
	it('all differences zero', () => expectInputError(() => signTest([1, 2], [1, 2]), /all differences are zero/));
});

describe('cohensDz', () => {
	it('constant differences give ±Infinity or NaN, as mean/sd in R', () => {
		expect(cohensDz([2, 3, 4], [1, 2, 3])).toBe(Infinity);
		expect(cohensDz([1, 2, 3], [2, 3, 4])).toBe(-Infinity);
		expect(cohensDz([1, 2, 3], [1, 2, 3])).toBeNaN();
	});
});

describe('mcnemarTest', () => {
	it('unequal lengths', () => expectInputError(() => mcnemarTest([true, false], [true]), /same length/));
	it('fewer than 2 pairs', () => expectInputError(() => mcnemarTest([true], [false]), /at least 2 pairs/));
	it('non-boolean values', () => {
		expectInputError(() => mcnemarTest([true, 1 as unknown as boolean], [true, false]), /pair 1 is not two booleans/);
	});
	it('no discordant pairs: NaN statistic and p-value (documented, as R)', () => {
		for (const exact of [false, true]) {
			const r = mcnemarTest([true, false, true], [true, false, true], { exact });
			expect(r.statistic).toBeNaN();
			expect(r.pValue).toBeNaN();
			expect([r.b, r.c]).toEqual([0, 0]);
		}
	});
	it('a variable that never changes level is a table with empty cells, not an error', () => {
		const r = mcnemarTest([true, true, true, true], [true, false, false, true]);
		expect([r.b, r.c]).toEqual([0, 2]);
		expect(r.pValue).toBeGreaterThan(0);
	});
	it('counts must be non-negative integers', () => {
		expectInputError(() => mcnemarFromCounts(-1, 3), /non-negative integers/);
		expectInputError(() => mcnemarFromCounts(1.5, 3), /non-negative integers/);
	});
});

describe('binomialTest', () => {
	it('rejects bad k, n and p', () => {
		expectInputError(() => binomialTest(3, 0), /n must be a positive integer/);
		expectInputError(() => binomialTest(3, 2.5), /n must be a positive integer/);
		expectInputError(() => binomialTest(11, 10), /k must be an integer between 0 and n/);
		expectInputError(() => binomialTest(-1, 10), /k must be/);
		expectInputError(() => binomialTest(2.5, 10), /k must be/);
		expectInputError(() => binomialTest(3, 10, { p: 1.5 }), /p must be in \[0, 1\]/);
		expectInputError(() => binomialTest(3, 10, { p: NaN }), /p must be/);
	});
});

describe('pAdjust', () => {
	it('keeps NaN in place and does not count it, as R does with NA', () => {
		const r = pAdjust([0.01, NaN, 0.02], 'bonferroni');
		expect(r[0]).toBeCloseTo(0.02, 15);
		expect(r[1]).toBeNaN();
		expect(r[2]).toBeCloseTo(0.04, 15);
	});
	it('rejects values that are not probabilities', () => {
		expectInputError(() => pAdjust([0.5, 1.2], 'holm'), /p\[1\] = 1.2 is not a probability/);
		expectInputError(() => pAdjust([-0.1], 'BH'), /not a probability/);
	});
	it('rejects unknown methods', () => {
		expectInputError(() => pAdjust([0.1], 'fdr' as PAdjustMethod), /method must be/);
	});
	it('empty input gives empty output; default method is holm', () => {
		expect(pAdjust([], 'BH')).toEqual([]);
		expect(pAdjust([0.01, 0.04])).toEqual(pAdjust([0.01, 0.04], 'holm'));
	});
	it('does not modify its input', () => {
		const p = [0.03, 0.01];
		pAdjust(p, 'holm');
		expect(p).toEqual([0.03, 0.01]);
	});
});

describe('kiresukShermanT', () => {
	it('rejects bad input', () => {
		expectInputError(() => kiresukShermanT([]), /at least one goal/);
		expectInputError(() => kiresukShermanT([3]), /not in −2..\+2/);
		expectInputError(() => kiresukShermanT([NaN]), /not in/);
		expectInputError(() => kiresukShermanT([1, 2], [1]), /one entry per rating/);
		expectInputError(() => kiresukShermanT([1, 2], [1, 0]), /positive/);
		expectInputError(() => kiresukShermanT([1], null, 1), /rho/);
	});
	it('is 50 when every goal is met as expected', () => {
		expect(kiresukShermanT([0, 0, 0, 0])).toBe(50);
	});
});

describe('zeroin', () => {
	it('finds √2 like uniroot', () => {
		expect(zeroin((x) => x * x - 2, 0, 2, -2, 2, 1e-10)).toBeCloseTo(Math.SQRT2, 9);
	});
});

describe('distribution helpers', () => {
	it('chiSquareUpperTail needs an integer df in 1..1000', () => {
		expectInputError(() => chiSquareUpperTail(3, 1.5), /df must be an integer/);
		expectInputError(() => chiSquareUpperTail(3, 0), /df must be an integer/);
		expect(chiSquareUpperTail(NaN, 1)).toBeNaN();
		expect(chiSquareUpperTail(0, 3)).toBe(1);
		expect(chiSquareUpperTail(Infinity, 3)).toBe(0);
	});
	it('tQuantile edge values as R: NaN outside [0, 1], ±Infinity at the ends', () => {
		expect(tQuantile(-0.1, 5)).toBeNaN();
		expect(tQuantile(1.1, 5)).toBeNaN();
		expect(tQuantile(0.5, 0)).toBeNaN();
		expect(tQuantile(0, 5)).toBe(-Infinity);
		expect(tQuantile(1, 5)).toBe(Infinity);
		expect(tQuantile(0.5, 5)).toBe(0);
	});
});

import { describe, it, expect } from 'vitest';
import { kiresukShermanT } from '../../../src/lib/stats/kiresukShermanT';
import { kiresukShermanTOfSum } from '../../../src/lib/stats/kiresukShermanTOfSum';
import { StatsInputError } from '../../../src/lib/stats/errors';

describe('kiresukShermanTOfSum', () => {
	it('gives the worked example', () => {
		expect(kiresukShermanTOfSum(1, 6)).toBeCloseTo(52.582, 3);
	});

	it('is the very same double as kiresukShermanT of the ratings (unit weights), for many rating lists and ρ', () => {
		let seed = 7;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		for (let k = 0; k < 2000; k++) {
			const m = 1 + Math.floor(next() * 40);
			const ratings = Array.from({ length: m }, () => Math.floor(next() * 5) - 2);
			const rho = k % 3 === 0 ? 0.3 : k % 3 === 1 ? 0 : 0.5;
			const sum = ratings.reduce((a, b) => a + b, 0);
			expect(kiresukShermanTOfSum(sum, m, rho)).toBe(kiresukShermanT(ratings, null, rho));
		}
	});

	it('refuses no goals, impossible sums and ρ outside [0, 1)', () => {
		expect(() => kiresukShermanTOfSum(0, 0)).toThrow(StatsInputError);
		expect(() => kiresukShermanTOfSum(5, 2)).toThrow(StatsInputError);
		expect(() => kiresukShermanTOfSum(1.5, 2)).toThrow(StatsInputError);
		expect(() => kiresukShermanTOfSum(0, 2, 1)).toThrow(StatsInputError);
	});
});

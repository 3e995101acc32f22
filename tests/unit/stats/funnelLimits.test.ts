import { describe, it, expect } from 'vitest';
import { funnelLimits, funnelCurve, funnelFlag, Z95, Z998 } from '../../../src/lib/stats/funnelLimits';

describe('funnel plot limits', () => {
	it('uses z = qnorm(0.975) and qnorm(0.999)', () => {
		// qnorm(0.975) = 1.959963985, qnorm(0.999) = 3.090232306 (R)
		expect(Z95).toBeCloseTo(1.959964, 6);
		expect(Z998).toBeCloseTo(3.090232, 6);
	});

	it('matches a hand computation: p0 = 0.75, n = 50', () => {
		// se = sqrt(0.75 * 0.25 / 50) = sqrt(0.00375) = 0.0612372436
		// 95%:   0.75 ± 1.959964 * 0.0612372436 = 0.75 ± 0.1200228 → 0.6299772, 0.8700228
		// 99.8%: 0.75 ± 3.090232 * 0.0612372436 = 0.75 ± 0.1892373 → 0.5607627, 0.9392373
		const l = funnelLimits(0.75, 50);
		expect(l.lower95).toBeCloseTo(0.6299772, 6);
		expect(l.upper95).toBeCloseTo(0.8700228, 6);
		expect(l.lower998).toBeCloseTo(0.5607627, 6);
		expect(l.upper998).toBeCloseTo(0.9392373, 6);
	});

	it('matches a hand computation: p0 = 0.65, n = 30 (the adults overall rate)', () => {
		// se = sqrt(0.65 * 0.35 / 30) = sqrt(0.0075833) = 0.0870823
		// 95%: 0.65 ± 0.1706782 → 0.4793218, 0.8206782; 99.8%: 0.65 ± 0.2691046 → 0.3808954, 0.9191046
		const l = funnelLimits(0.65, 30);
		expect(l.lower95).toBeCloseTo(0.4793218, 6);
		expect(l.upper95).toBeCloseTo(0.8206782, 6);
		expect(l.lower998).toBeCloseTo(0.3808954, 6);
		expect(l.upper998).toBeCloseTo(0.9191046, 6);
	});

	it('clamps to [0, 1] for small n and narrows as n grows', () => {
		// p0 = 0.9, n = 4: se = 0.15, 0.9 + 3.09 * 0.15 = 1.36 → 1
		const small = funnelLimits(0.9, 4);
		expect(small.upper998).toBe(1);
		expect(small.upper95).toBe(1);
		expect(small.lower998).toBeCloseTo(0.9 - 3.090232 * 0.15, 9);
		const curve = funnelCurve(0.75, 10, 60);
		expect(curve).toHaveLength(51);
		for (let i = 1; i < curve.length; i++) expect(curve[i].lower95).toBeGreaterThan(curve[i - 1].lower95);
	});

	it('draws a large unit with a few hundred points, every integer up to 100 and at most 2% apart beyond', () => {
		expect(funnelCurve(0.75, 1, 200)).toHaveLength(142);
		const curve = funnelCurve(0.75, 3, 40_000);
		expect(curve.length).toBeLessThan(500);
		expect(curve[0].n).toBe(3);
		expect(curve.at(-1)!.n).toBe(40_000);
		for (let i = 1; i < curve.length; i++) {
			const [a, b] = [curve[i - 1].n, curve[i].n];
			expect(b).toBeGreaterThan(a);
			if (a < 100) expect(b).toBe(a + 1);
			else expect(b / a).toBeLessThanOrEqual(1.02 + 1e-12);
			expect(curve[i]).toEqual(funnelLimits(0.75, b));
		}
	});

	it('flags rates beyond the limits', () => {
		expect(funnelFlag(0.95, 50, 0.75)).toBe('above998');
		expect(funnelFlag(0.9, 50, 0.75)).toBe('above95');
		expect(funnelFlag(0.7, 50, 0.75)).toBe('within');
		expect(funnelFlag(0.6, 50, 0.75)).toBe('below95');
		expect(funnelFlag(0.5, 50, 0.75)).toBe('below998');
		// The same rate is within the limits for a small unit.
		expect(funnelFlag(0.5, 5, 0.75)).toBe('within');
	});

	it('rejects impossible input', () => {
		expect(() => funnelLimits(1.2, 10)).toThrow(RangeError);
		expect(() => funnelLimits(0.5, 0)).toThrow(RangeError);
	});
});

import { describe, it, expect } from 'vitest';
import {
	COLOR_VALUES,
	TEXT_COLORS,
	BACKGROUND_COLORS,
	PAGE_BACKGROUND,
	PALETTE,
	ATTAINMENT_COLORS,
	QUALIFIER_COLORS,
	FUNNEL_COLORS,
	withScheme,
	colorFor,
	type ColorName,
	type Scheme
} from '#lib/ui/charts/palette.ts';

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
}

const SCHEMES: Scheme[] = ['light', 'dark'];

describe('chart palette', () => {
	it('keeps 3:1 for marks and 4.5:1 for text against the page, in both schemes', () => {
		const low: string[] = [];
		for (const scheme of SCHEMES)
			for (const [name, value] of Object.entries(COLOR_VALUES) as [ColorName, Record<Scheme, string>][]) {
				if (BACKGROUND_COLORS.includes(name)) continue;
				const need = TEXT_COLORS.includes(name) ? 4.5 : 3;
				const ratio = contrast(value[scheme], PAGE_BACKGROUND[scheme]);
				if (ratio < need) low.push(`${name} ${scheme} ${value[scheme]}: ${ratio.toFixed(2)} < ${need}`);
			}
		expect(low).toEqual([]);
	});

	it('labels on the attainment bars keep at least 3:1 against their bar (their figures are also in the table), in both schemes', () => {
		for (const scheme of SCHEMES)
			for (const name of ['good', 'middle', 'bad'] as const)
				expect(contrast(COLOR_VALUES.onBar[scheme], COLOR_VALUES[name][scheme]), `${name} ${scheme}`).toBeGreaterThanOrEqual(3);
	});

	it('resolves every export in the scheme it is drawn in', () => {
		expect(withScheme('light', () => PALETTE.good)).toBe(COLOR_VALUES.good.light);
		expect(withScheme('dark', () => PALETTE.good)).toBe(COLOR_VALUES.good.dark);
		expect(withScheme('dark', () => [...ATTAINMENT_COLORS])).toEqual([COLOR_VALUES.good.dark, COLOR_VALUES.middle.dark, COLOR_VALUES.bad.dark]);
		expect(withScheme('dark', () => QUALIFIER_COLORS.length)).toBe(6);
		expect(withScheme('dark', () => FUNNEL_COLORS.within)).toBe(COLOR_VALUES.ink.dark);
		// Nested: the inner scheme wins, the outer one returns.
		expect(withScheme('dark', () => [withScheme('light', () => PALETTE.bar), PALETTE.bar])).toEqual([COLOR_VALUES.bar.light, COLOR_VALUES.bar.dark]);
		// Node has no matchMedia: light.
		expect(PALETTE.ink).toBe(COLOR_VALUES.ink.light);
	});

	it('maps a palette colour of either scheme to the asked one, and leaves others alone', () => {
		expect(colorFor(COLOR_VALUES.after.light, 'dark')).toBe(COLOR_VALUES.after.dark);
		expect(colorFor(COLOR_VALUES.after.dark.toUpperCase(), 'light')).toBe(COLOR_VALUES.after.light);
		expect(colorFor('#123456', 'dark')).toBe('#123456');
	});
});

/**
 * The one palette of every chart and legend, named by what a colour means,
 * so a page, its report section and its legend cannot disagree. Each colour
 * has a light and a dark value (prefers-color-scheme); every colour keeps at
 * least 3:1 contrast against its scheme's page (WCAG 1.4.11) and the inks
 * used for text 4.5:1 (tests/unit/ui/palette.test.ts checks both).
 *
 * Plot needs real colours (a `var(--x)` string would be taken for a field
 * name), so the exports are getters: a chart built while the page is dark
 * reads the dark values. Downloads are drawn light (`withScheme`), for paper
 * and slides.
 */
export type Scheme = 'light' | 'dark';

/** The page backgrounds the colours are checked against (global.css --bg). */
export const PAGE_BACKGROUND: Record<Scheme, string> = { light: '#ffffff', dark: '#15171c' };

const COLORS = {
	/** Better / achieved / improved. */
	good: { light: '#2e7d4f', dark: '#5cb87f' },
	/** Partly / middle. */
	middle: { light: '#b07a12', dark: '#e0a526' },
	/** Worse / not achieved. */
	bad: { light: '#b8404a', dark: '#e06b74' },
	/** Unchanged / not rated. */
	neutral: { light: '#8c8c8c', dark: '#8a8a8a' },
	/** Baseline wave, lighter reference bars. */
	before: { light: '#7d8896', dark: '#7d8896' },
	/** Follow-up wave. */
	after: { light: '#1f6f8b', dark: '#45a5c7' },
	/** A plain bar. */
	bar: { light: '#4f8fba', dark: '#5d9fd0' },
	/** A total bar. */
	total: { light: '#1f3b57', dark: '#a9c6e8' },
	/** Lines, axes' reference marks and labels (text: 4.5:1). */
	ink: { light: '#37474f', dark: '#d5dbe0' },
	inkMuted: { light: '#5b6678', dark: '#a8b2c0' },
	guide: { light: '#7a869a', dark: '#8d99ab' },
	/** The page behind marks: hollow dots, outlines between points. */
	paper: { light: '#ffffff', dark: '#15171c' },
	/** Labels written on coloured bars (at least 3:1 on the bars; the same figures are in the table). */
	onBar: { light: '#ffffff', dark: '#15171c' },
	/** ICF qualifiers 0–4 (no, mild, moderate, severe, complete problem). */
	q0: { light: '#2e7d4f', dark: '#5cb87f' },
	q1: { light: '#5f9a45', dark: '#8cbf6e' },
	q2: { light: '#9c8514', dark: '#e0c34a' },
	q3: { light: '#c7612a', dark: '#e07b39' },
	q4: { light: '#a8323e', dark: '#ef8a92' },
	/** Funnel plot: beyond the 99.8% limits. */
	above998: { light: '#1b5e20', dark: '#9be0b0' },
	below998: { light: '#7f1d1d', dark: '#f2a0a6' }
} as const satisfies Record<string, Record<Scheme, string>>;

export type ColorName = keyof typeof COLORS;
/** Which colours are for text (4.5:1) rather than marks (3:1). */
export const TEXT_COLORS: readonly ColorName[] = ['ink', 'inkMuted'];
/** Colours that are the page itself (not checked against it). */
export const BACKGROUND_COLORS: readonly ColorName[] = ['paper', 'onBar'];
export const COLOR_VALUES: Readonly<Record<ColorName, Record<Scheme, string>>> = COLORS;

let forced: Scheme | null = null;

/** The scheme charts are drawn in now: a forced one (downloads) or the system's. */
export function currentScheme(): Scheme {
	if (forced) return forced;
	if (typeof matchMedia === 'undefined') return 'light';
	return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Run `draw` with the palette in one scheme (the light downloads). */
export function withScheme<T>(scheme: Scheme, draw: () => T): T {
	const before = forced;
	forced = scheme;
	try {
		return draw();
	} finally {
		forced = before;
	}
}

/** A palette colour in the given scheme; any other colour as it is (legends of light values). */
export function colorFor(color: string, scheme: Scheme = currentScheme()): string {
	const lower = color.toLowerCase();
	for (const c of Object.values(COLORS)) if (c.light === lower || c.dark === lower) return c[scheme];
	return color;
}

function resolving<K extends ColorName>(names: Record<string, K>): Record<string, string> {
	const out = {};
	for (const [key, name] of Object.entries(names))
		Object.defineProperty(out, key, { enumerable: true, get: () => COLORS[name][currentScheme()] });
	return out;
}

function resolvingList<N extends number>(names: ColorName[]): readonly string[] & { length: N } {
	const out: string[] = [];
	names.forEach((name, i) => Object.defineProperty(out, i, { enumerable: true, get: () => COLORS[name][currentScheme()] }));
	return out as unknown as readonly string[] & { length: N };
}

type Named<K extends string> = { readonly [k in K]: string };

export const PALETTE = resolving({
	good: 'good',
	middle: 'middle',
	bad: 'bad',
	neutral: 'neutral',
	before: 'before',
	after: 'after',
	bar: 'bar',
	total: 'total',
	ink: 'ink',
	inkMuted: 'inkMuted',
	guide: 'guide',
	paper: 'paper',
	onBar: 'onBar'
}) as Named<'good' | 'middle' | 'bad' | 'neutral' | 'before' | 'after' | 'bar' | 'total' | 'ink' | 'inkMuted' | 'guide' | 'paper' | 'onBar'>;

/** Achieved, partly, not achieved. */
export const ATTAINMENT_COLORS = resolvingList<3>(['good', 'middle', 'bad']);
/** Better, unchanged, worse. */
export const CHANGE_COLORS = resolvingList<3>(['good', 'neutral', 'bad']);
/** Baseline, follow-up. */
export const WAVE_COLORS = resolvingList<2>(['before', 'after']);
/** ICF qualifiers 0–4, then "not applicable / not specified". */
export const QUALIFIER_COLORS = resolvingList<6>(['q0', 'q1', 'q2', 'q3', 'q4', 'neutral']);
/** Up to six series of one chart (trends), in this order. */
export const SERIES_COLORS = resolvingList<6>(['total', 'good', 'bad', 'middle', 'bar', 'inkMuted']);
/** Budget use: against indicative, against agreed. */
export const UTILISATION_COLORS = resolvingList<2>(['bar', 'middle']);
/** Funnel plot points by their position against the control limits. */
export const FUNNEL_COLORS = resolving({
	above998: 'above998',
	above95: 'good',
	within: 'ink',
	below95: 'bad',
	below998: 'below998'
}) as Named<'above998' | 'above95' | 'within' | 'below95' | 'below998'>;

/**
 * The one palette of every chart and legend, named by what a colour means,
 * so a page, its report section and its legend cannot disagree. Colours
 * keep at least 3:1 contrast against the white page (WCAG 1.4.11).
 */
export const PALETTE = {
	/** Better / achieved / improved. */
	good: '#2e7d4f',
	/** Partly / middle. */
	middle: '#e0a526',
	/** Worse / not achieved. */
	bad: '#b8404a',
	/** Unchanged / not rated. */
	neutral: '#b3b3b3',
	/** Baseline wave, lighter reference bars. */
	before: '#9aa5b1',
	/** Follow-up wave. */
	after: '#1f6f8b',
	/** A plain bar. */
	bar: '#4f8fba',
	/** A total bar. */
	total: '#1f3b57',
	/** Lines, axes' reference marks and labels. */
	ink: '#37474f',
	inkMuted: '#5b6678',
	guide: '#7a869a'
} as const;

/** Achieved, partly, not achieved. */
export const ATTAINMENT_COLORS = [PALETTE.good, PALETTE.middle, PALETTE.bad] as const;
/** Better, unchanged, worse. */
export const CHANGE_COLORS = [PALETTE.good, PALETTE.neutral, PALETTE.bad] as const;
/** Baseline, follow-up. */
export const WAVE_COLORS = [PALETTE.before, PALETTE.after] as const;
/** ICF qualifiers 0–4, then "not applicable / not specified". */
export const QUALIFIER_COLORS = ['#2e7d4f', '#8cbf6e', '#e0c34a', '#e07b39', '#a8323e', '#b3b3b3'] as const;
/** Budget use: against indicative, against agreed. */
export const UTILISATION_COLORS = [PALETTE.bar, PALETTE.middle] as const;
/** Funnel plot points by their position against the control limits. */
export const FUNNEL_COLORS = {
	above998: '#1b5e20',
	above95: PALETTE.good,
	within: PALETTE.ink,
	below95: PALETTE.bad,
	below998: '#7f1d1d'
} as const;

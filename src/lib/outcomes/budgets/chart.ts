/**
 * Individual budgets: (1) mean indicative amount, agreed amount and actual
 * spend per participant per month (horizontal bars); (2) distribution of
 * spend as a share of the indicative and of the agreed amount (grouped bars
 * per bin).
 */
import * as Plot from '@observablehq/plot';
import { labelMargin } from '#lib/ui/charts/label-margin.ts';
import { PALETTE, UTILISATION_COLORS } from '#lib/ui/charts/palette.ts';

export interface BudgetAmountBar {
	label: string;
	value: number;
}

export function budgetAmountsChart(
	bars: BudgetAmountBar[],
	o: { width?: number; axisLabel: string; formatEur: (v: number) => string }
): SVGSVGElement {
	return Plot.plot({
		width: o.width ?? 760,
		height: 50 + bars.length * 40,
		marginLeft: labelMargin(bars.map((b) => b.label)),
		marginRight: 90,
		x: { label: o.axisLabel, grid: true, tickFormat: (d: number) => o.formatEur(d) },
		y: { domain: bars.map((b) => b.label), label: null },
		color: { domain: bars.map((b) => b.label), range: [PALETTE.before, PALETTE.bar, PALETTE.total] },
		marks: [
			Plot.barX(bars, { x: 'value', y: 'label', fill: 'label', title: (d: BudgetAmountBar) => `${d.label}: ${o.formatEur(d.value)}` }),
			Plot.text(bars, { x: 'value', y: 'label', text: (d: BudgetAmountBar) => o.formatEur(d.value), textAnchor: 'start', dx: 4 }),
			Plot.ruleX([0])
		]
	}) as SVGSVGElement;
}

export interface UtilisationBar {
	bin: string;
	series: string;
	/** null = suppressed (too few people) */
	n: number | null;
}

export function utilisationChart(
	bars: UtilisationBar[],
	o: { width?: number; binOrder: string[]; seriesOrder: string[]; axisLabel: string; xLabel: string; formatCount: (n: number) => string }
): SVGSVGElement {
	const shown = bars.filter((b) => b.n !== null) as (UtilisationBar & { n: number })[];
	return Plot.plot({
		width: o.width ?? 760,
		height: 320,
		marginBottom: 45,
		x: { domain: o.seriesOrder, axis: null },
		fx: { domain: o.binOrder, label: o.xLabel, padding: 0.1 },
		y: { label: o.axisLabel, grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? o.formatCount(d) : '') },
		color: { domain: o.seriesOrder, range: [...UTILISATION_COLORS], legend: false },
		marks: [
			Plot.barY(shown, { fx: 'bin', x: 'series', y: 'n', fill: 'series', title: (d: UtilisationBar) => `${d.series}, ${d.bin}: ${o.formatCount(d.n ?? 0)}` }),
			Plot.text(shown, { fx: 'bin', x: 'series', y: 'n', text: (d: UtilisationBar) => o.formatCount(d.n ?? 0), dy: -6 }),
			Plot.ruleY([0])
		]
	}) as SVGSVGElement;
}

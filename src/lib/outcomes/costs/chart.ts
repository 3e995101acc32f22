/**
 * Cost charts: EUR per participant per month by service group (horizontal
 * bars, the Total as the last bar), and paid cost per month over the service
 * period (vertical bars). Both draw released figures only (see summary.ts).
 */
import * as Plot from '@observablehq/plot';
import { labelMargin } from '#lib/ui/charts/label-margin.ts';
import { PALETTE } from '#lib/ui/charts/palette.ts';

export interface GroupCostBar {
	label: string;
	value: number;
	total: boolean;
}

export interface GroupCostChartOptions {
	width?: number;
	axisLabel: string;
	formatEur: (v: number) => string;
}

export function groupCostChart(bars: GroupCostBar[], o: GroupCostChartOptions): SVGSVGElement {
	return Plot.plot({
		width: o.width ?? 900,
		height: 50 + bars.length * 40,
		marginLeft: labelMargin(bars.map((b) => b.label)),
		marginRight: 90,
		x: { label: o.axisLabel, grid: true, tickFormat: (d: number) => o.formatEur(d) },
		y: { domain: bars.map((b) => b.label), label: null },
		marks: [
			Plot.barX(bars, {
				x: 'value',
				y: 'label',
				fill: (d: GroupCostBar) => (d.total ? PALETTE.total : PALETTE.bar),
				title: (d: GroupCostBar) => `${d.label}: ${o.formatEur(d.value)}`
			}),
			Plot.text(bars, { x: 'value', y: 'label', text: (d: GroupCostBar) => o.formatEur(d.value), textAnchor: 'start', dx: 4 }),
			Plot.ruleX([0])
		]
	}) as SVGSVGElement;
}

export interface MonthCostBar {
	/** 'YYYY-MM' */
	month: string;
	/** null: hidden by the release path (the month stays on the axis, without a bar) */
	cost: number | null;
}

export interface MonthlyCostChartOptions {
	width?: number;
	axisLabel: string;
	formatEur: (v: number) => string;
	/** Month tick label, e.g. "11.2019" */
	formatMonth: (month: string) => string;
}

export function monthlyCostChart(bars: MonthCostBar[], o: MonthlyCostChartOptions): SVGSVGElement {
	const shown = bars.filter((b) => b.cost !== null);
	return Plot.plot({
		width: o.width ?? 760,
		height: 320,
		marginLeft: 90,
		marginBottom: 50,
		x: { domain: bars.map((b) => b.month), label: null, tickFormat: (m: string) => o.formatMonth(m), tickRotate: -45 },
		y: { label: o.axisLabel, grid: true, tickFormat: (d: number) => o.formatEur(d) },
		marks: [
			Plot.barY(shown, {
				x: 'month',
				y: 'cost',
				fill: PALETTE.bar,
				title: (d: MonthCostBar) => `${o.formatMonth(d.month)}: ${o.formatEur(d.cost as number)}`
			}),
			Plot.ruleY([0])
		]
	}) as SVGSVGElement;
}

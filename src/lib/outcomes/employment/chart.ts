/**
 * Employment status before and after: horizontal bars, one panel row per
 * status, baseline and follow-up side by side.
 */
import * as Plot from '@observablehq/plot';
import { labelMargin } from '#lib/ui/charts/label-margin.ts';
import { WAVE_COLORS } from '#lib/ui/charts/palette.ts';

export interface EmploymentBar {
	status: string;
	statusLabel: string;
	wave: 'baseline' | 'followup';
	waveLabel: string;
	n: number;
}

export interface EmploymentChartOptions {
	width?: number;
	/** Status labels in display order. */
	statusOrder: string[];
	/** Wave labels: [baseline, follow-up]. */
	waveOrder: [string, string];
	axisLabel: string;
	formatCount: (n: number) => string;
}

export function employmentChart(bars: EmploymentBar[], o: EmploymentChartOptions): SVGSVGElement {
	return Plot.plot({
		width: o.width ?? 760,
		height: 40 + o.statusOrder.length * 58,
		marginLeft: labelMargin(o.statusOrder),
		marginRight: 40,
		x: { label: o.axisLabel, grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? o.formatCount(d) : '') },
		y: { domain: o.waveOrder, axis: null },
		fy: { domain: o.statusOrder, label: null, padding: 0.15 },
		color: { domain: o.waveOrder, range: [...WAVE_COLORS], legend: false },
		marks: [
			Plot.barX(bars, {
				x: 'n',
				y: 'waveLabel',
				fy: 'statusLabel',
				fill: 'waveLabel',
				title: (d: EmploymentBar) => `${d.statusLabel}, ${d.waveLabel}: ${o.formatCount(d.n)}`
			}),
			Plot.text(bars, {
				x: 'n',
				y: 'waveLabel',
				fy: 'statusLabel',
				text: (d: EmploymentBar) => o.formatCount(d.n),
				textAnchor: 'start',
				dx: 4
			}),
			Plot.ruleX([0])
		]
	}) as SVGSVGElement;
}

/**
 * Trend charts: one line per series over the quarters, a dot on every shown
 * point (a quarter between two hidden ones has no line to sit on), and a gap
 * where the release path hides a point. Released figures only (summary.ts).
 */
import * as Plot from '@observablehq/plot';
import { SERIES_COLORS, PALETTE } from '#lib/ui/charts/palette.ts';

export interface TrendPoint {
	quarter: string;
	series: string;
	/** null: hidden (or no figure): a gap in the line */
	value: number | null;
}

export interface TrendChartOptions {
	width?: number;
	/** Quarters in order (the x axis keeps hidden ones). */
	quarters: string[];
	/** Series labels in legend order, and their colours. */
	series: string[];
	colors: readonly string[];
	axisLabel: string;
	formatValue: (v: number) => string;
	formatQuarter: (q: string) => string;
}

/** Colours of up to six series, from the one palette (resolved per colour scheme when drawn). */
export { SERIES_COLORS };

export function trendChart(points: TrendPoint[], o: TrendChartOptions): SVGSVGElement {
	const shown = points.filter((p) => p.value !== null);
	return Plot.plot({
		width: o.width ?? 760,
		height: 320,
		marginLeft: 80,
		marginBottom: 50,
		x: { domain: o.quarters, type: 'point', label: null, tickFormat: (q: string) => o.formatQuarter(q), tickRotate: o.quarters.length > 8 ? -45 : 0 },
		y: { label: o.axisLabel, grid: true, zero: true, tickFormat: (d: number) => o.formatValue(d) },
		color: { domain: o.series, range: [...o.colors] },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.guide }),
			// Points in quarter order per series; a null value breaks the line.
			Plot.line(points, { x: 'quarter', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
			Plot.dot(shown, {
				x: 'quarter',
				y: 'value',
				fill: 'series',
				r: 3,
				title: (d: TrendPoint) => `${d.series}, ${o.formatQuarter(d.quarter)}: ${o.formatValue(d.value as number)}`
			})
		]
	}) as SVGSVGElement;
}

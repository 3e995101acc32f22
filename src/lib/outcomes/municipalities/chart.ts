/**
 * Funnel plot: a rate per unit (goal attainment per municipality) against the
 * unit's size (number of goals), with 95% and 99.8% control limits around the
 * overall rate (see stats/funnelLimits.ts).
 */
import * as Plot from '@observablehq/plot';
import { FUNNEL_COLORS, PALETTE } from '#lib/ui/charts/palette.ts';
import { funnelCurve, type FunnelFlag } from '#lib/stats/index.ts';

export interface FunnelPoint {
	label: string;
	/** Size of the unit (goals). */
	n: number;
	/** Rate, 0..1. */
	rate: number;
	flag: FunnelFlag;
	/** Link for drill-down. */
	href?: string;
}

export interface FunnelChartOptions {
	/** Overall rate p0 (0..1). */
	p0: number;
	formatShare: (share: number) => string;
	xLabel: string;
	yLabel: string;
	overallLabel: string;
	label95: string;
	label998: string;
	width?: number;
}

const FLAG_COLOR: Record<FunnelFlag, string> = FUNNEL_COLORS;

export function funnelChart(points: FunnelPoint[], o: FunnelChartOptions): SVGSVGElement {
	const maxN = Math.max(10, ...points.map((p) => p.n)) * 1.35;
	const curve = funnelCurve(o.p0, 3, maxN);
	const line = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998', dash: string, label: string) =>
		Plot.line(curve, { x: 'n', y: key, stroke: PALETTE.guide, strokeDasharray: dash, strokeWidth: 1.2, title: () => label });
	const minY = Math.max(0, Math.min(o.p0 - 0.45, ...points.map((p) => p.rate - 0.05)));
	const maxY = Math.min(1, Math.max(o.p0 + 0.35, ...points.map((p) => p.rate + 0.05)));
	return Plot.plot({
		width: o.width ?? 760,
		height: 420,
		marginLeft: 56,
		marginRight: 24,
		x: { domain: [0, maxN], label: o.xLabel, grid: true },
		y: { domain: [minY, maxY], tickFormat: (d: number) => o.formatShare(d), label: o.yLabel, grid: true },
		marks: [
			line('lower998', '2,3', o.label998),
			line('upper998', '2,3', o.label998),
			line('lower95', '6,3', o.label95),
			line('upper95', '6,3', o.label95),
			Plot.ruleY([o.p0], { stroke: PALETTE.ink, strokeWidth: 1.5 }),
			Plot.text([o.p0], { x: maxN, y: (d: number) => d, text: () => o.overallLabel, textAnchor: 'end', dy: -7, fill: PALETTE.ink, fontSize: 11 }),
			Plot.text([0], { x: maxN, y: () => curve.at(-1)!.upper95, text: () => o.label95, textAnchor: 'end', dy: -6, fill: PALETTE.inkMuted, fontSize: 10 }),
			Plot.text([0], { x: maxN, y: () => curve.at(-1)!.upper998, text: () => o.label998, textAnchor: 'end', dy: -6, fill: PALETTE.inkMuted, fontSize: 10 }),
			Plot.dot(points, {
				x: 'n',
				y: 'rate',
				r: 5,
				fill: (d: FunnelPoint) => FLAG_COLOR[d.flag],
				stroke: PALETTE.paper,
				href: (d: FunnelPoint) => d.href ?? null,
				title: (d: FunnelPoint) => `${d.label}: ${o.formatShare(d.rate)} (n = ${d.n})`
			}),
			Plot.text(points, { x: 'n', y: 'rate', text: 'label', dx: 8, textAnchor: 'start', fontSize: 10, fill: PALETTE.ink })
		]
	}) as SVGSVGElement;
}

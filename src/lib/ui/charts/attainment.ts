/**
 * Goal attainment as 100% stacked horizontal bars, one per plan domain:
 * achieved / partly / not achieved.
 */
import * as Plot from '@observablehq/plot';
import { ATTAINMENT_COLORS, PALETTE } from './palette.ts';

export interface AttainmentBar {
	domain: string;
	/** 'achieved' | 'partly' | 'not' */
	level: string;
	levelLabel: string;
	share: number;
	count: number;
}

export interface AttainmentChartOptions {
	width?: number;
	/** Formats a share (0..1) for labels, e.g. lv-LV percent. */
	formatShare: (share: number) => string;
	axisLabel: string;
	levelOrder: string[];
	colors?: string[];
}

export function attainmentChart(bars: AttainmentBar[], o: AttainmentChartOptions): SVGSVGElement {
	const domains = [...new Set(bars.map((b) => b.domain))];
	return Plot.plot({
		width: o.width ?? 900,
		height: 60 + domains.length * 52,
		marginLeft: 250,
		x: { domain: [0, 1], tickFormat: (d: number) => o.formatShare(d), label: o.axisLabel, grid: true },
		y: { domain: domains, label: null, axis: null },
		color: {
			domain: o.levelOrder,
			range: o.colors ?? [...ATTAINMENT_COLORS],
			legend: false
		},
		marks: [
			Plot.barX(bars, {
				x: 'share',
				y: 'domain',
				fill: 'levelLabel',
				order: o.levelOrder,
				title: (d: AttainmentBar) => `${d.levelLabel}: ${d.count} (${o.formatShare(d.share)})`
			}),
			Plot.textX(
				bars.filter((b) => b.share >= 0.06),
				Plot.stackX({
					x: 'share',
					y: 'domain',
					z: 'levelLabel',
					order: o.levelOrder,
					text: (d: AttainmentBar) => o.formatShare(d.share),
					fill: PALETTE.onBar,
					fontWeight: 600
				})
			),
			// Long domain names wrap instead of being cut off.
			Plot.axisY({ lineWidth: 20, tickSize: 0, fontSize: 12 }),
			Plot.ruleX([0])
		]
	}) as SVGSVGElement;
}

/**
 * ICF qualifier distributions: per domain, one 100% stacked bar for the
 * baseline and one for the follow-up, qualifiers 0 (no difficulty) … 4
 * (complete difficulty) and "8/9" (not specified / not applicable).
 */
import * as Plot from '@observablehq/plot';
import { QUALIFIER_COLORS } from '#lib/ui/charts/palette.ts';

export interface QualifierBar {
	domain: string;
	waveLabel: string;
	/** '0' … '4' or '8/9' */
	category: string;
	categoryLabel: string;
	share: number;
	count: number;
}

export interface QualifierChartOptions {
	width?: number;
	formatShare: (share: number) => string;
	axisLabel: string;
	/** Category labels in stacking order (0 first). */
	categoryOrder: string[];
	/** Wave labels, baseline first. */
	waveOrder: string[];
	colors?: string[];
}

export function qualifierChart(bars: QualifierBar[], o: QualifierChartOptions): SVGSVGElement {
	const domains = [...new Set(bars.map((b) => b.domain))];
	return Plot.plot({
		width: o.width ?? 760,
		height: 50 + domains.length * 58,
		marginLeft: 250,
		marginRight: 70,
		x: { domain: [0, 1], tickFormat: (d: number) => o.formatShare(d), label: o.axisLabel, grid: true },
		y: { domain: o.waveOrder, label: null, axis: 'right' },
		fy: { domain: domains, label: null, axis: 'left', padding: 0.15 },
		color: { domain: o.categoryOrder, range: o.colors ?? [...QUALIFIER_COLORS], legend: false },
		marks: [
			Plot.barX(bars, {
				x: 'share',
				y: 'waveLabel',
				fy: 'domain',
				fill: 'categoryLabel',
				order: o.categoryOrder,
				title: (d: QualifierBar) => `${d.domain}, ${d.waveLabel} — ${d.categoryLabel}: ${d.count} (${o.formatShare(d.share)})`
			}),
			Plot.ruleX([0])
		]
	}) as SVGSVGElement;
}

/**
 * Before/after means per dimension as arrows from the baseline mean (open
 * dot) to the follow-up mean (filled dot), optionally side by side per group
 * (e.g. child self-report and parent proxy) and with a reference line (e.g.
 * the KIDSCREEN European norm T = 50).
 */
import * as Plot from '@observablehq/plot';
import { PALETTE } from '#lib/ui/charts/palette.ts';

export interface ChangeArrow {
	dimension: string;
	group: string;
	baseline: number;
	followup: number;
	/** Direction: true when a higher score is better. */
	higherIsBetter: boolean;
}

export interface ChangeArrowsOptions {
	width?: number;
	axisLabel: string;
	formatNumber: (v: number) => string;
	/** Dimension labels in display order. */
	dimensionOrder: string[];
	groupOrder?: string[];
	/** Reference value, drawn as a dashed line, and its label. */
	reference?: { value: number; label: string };
	/** Fixed x domain; else fitted to the data (and the reference). */
	xDomain?: [number, number];
	betterColor?: string;
	worseColor?: string;
}

export function changeArrowsChart(rows: ChangeArrow[], o: ChangeArrowsOptions): SVGSVGElement {
	const better = o.betterColor ?? PALETTE.good;
	const worse = o.worseColor ?? PALETTE.bad;
	const color = (d: ChangeArrow) => ((d.followup - d.baseline) * (d.higherIsBetter ? 1 : -1) >= 0 ? better : worse);
	const values = rows.flatMap((r) => [r.baseline, r.followup]).concat(o.reference ? [o.reference.value] : []);
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const pad = (hi - lo) * 0.08 || 1;
	const groups = o.groupOrder ?? [...new Set(rows.map((r) => r.group))];
	const faceted = groups.length > 1;
	const label = (d: ChangeArrow, v: number) => `${d.group ? `${d.group}, ` : ''}${d.dimension}: ${o.formatNumber(v)}`;
	return Plot.plot({
		width: o.width ?? 820,
		height: 60 + o.dimensionOrder.length * 28,
		marginLeft: 300,
		marginRight: 20,
		x: { domain: o.xDomain ?? [lo - pad, hi + pad], label: o.axisLabel, grid: true, tickFormat: (v: number) => o.formatNumber(v) },
		y: { domain: o.dimensionOrder, label: null },
		fx: faceted ? { domain: groups, label: null } : undefined,
		marks: [
			...(o.reference
				? [
						Plot.ruleX([o.reference.value], { stroke: PALETTE.ink, strokeDasharray: '4,3' }),
						Plot.text([o.reference.value], {
							x: (d: number) => d,
							frameAnchor: 'top',
							dy: -2,
							text: () => o.reference!.label,
							fill: PALETTE.ink,
							fontSize: 10,
							lineAnchor: 'bottom'
						})
					]
				: []),
			Plot.arrow(rows, {
				x1: 'baseline',
				x2: 'followup',
				y: 'dimension',
				fx: faceted ? 'group' : undefined,
				stroke: color,
				strokeWidth: 2,
				headLength: 6
			}),
			Plot.dot(rows, {
				x: 'baseline',
				y: 'dimension',
				fx: faceted ? 'group' : undefined,
				fill: PALETTE.paper,
				stroke: PALETTE.ink,
				r: 3.5,
				title: (d: ChangeArrow) => label(d, d.baseline)
			}),
			Plot.dot(rows, {
				x: 'followup',
				y: 'dimension',
				fx: faceted ? 'group' : undefined,
				fill: color,
				r: 3.5,
				title: (d: ChangeArrow) => label(d, d.followup)
			})
		]
	}) as SVGSVGElement;
}

/**
 * Release plans: which selections of a cohort may be shown, and which cells
 * of a table family in each of them (pure). A plan is made once per dataset
 * and cohort, over the whole selection space at once, so that no two shown
 * figures anywhere in the product differ by a small group.
 */
import { Bitset } from './bitset.ts';
import { protect, type CellInput, type HiddenReason, type ProtectedCell, type UnionConstraint } from './protect.ts';
import type { Period, SelectionSpace } from './space.ts';

export interface SelectionPlan {
	space: SelectionSpace;
	min: number;
	/** Per selection (space order): people and why hidden (null = shown). */
	cells: readonly ProtectedCell[];
}

/** Rule of thumb a reader can check: the people of each selection, and which may be shown. */
export function planSelections(space: SelectionSpace, min: number): SelectionPlan {
	const cells: CellInput[] = space.selections.map((s) => ({ members: s.members, row: 'people' }));
	// An empty selection has nothing to show; hiding it keeps "0 people" out of the nested-pair rule.
	return { space, min, cells: protect(cells, space.constraints, { min, hideZeros: true }) };
}

/**
 * A table family: the same table (rows × figures) asked for in any selection.
 * A row's contributors are the people its figures rest on (e.g. children with
 * paid "other services" in the period); a cell is a row within a selection.
 */
export interface Family {
	id: string;
	rows: readonly string[];
	/** People of the cohort (bits of `space.index`) the row's figures rest on in a period. */
	contributors(row: string, period: Period): Bitset;
	/** Rows that are the union of other rows (a total and its groups). */
	tableConstraints?: readonly { total: string; parts: readonly string[] }[];
	/** Hide empty rows too (default: a zero is shown). */
	hideZeros?: boolean;
	/**
	 * The figures add up over the calendar years (costs of service months, goals
	 * reviewed in a year): the whole time is then the sum of its years, and
	 * "whole time minus the other years" is protected too.
	 */
	periodAdditive?: boolean;
	/** Rows of the whole-cohort selection that are already public (see published.ts). */
	pinnedRows?: readonly string[];
}

export interface FamilyPlan {
	family: string;
	/** Per selection key, per row: people and why hidden (null = shown). */
	cell(selection: string, row: string): ProtectedCell | undefined;
	cells: readonly { selection: string; row: string; members: Bitset; n: number; reason: HiddenReason | null; pinned: boolean }[];
	/** The unions the cells were protected over (indices into `cells`), for the audit. */
	constraints: readonly UnionConstraint[];
}

export function planFamily(plan: SelectionPlan, family: Family): FamilyPlan {
	const { space } = plan;
	const rows = family.rows;
	const R = rows.length;
	const contributors = new Map<string, Bitset>();
	const g = (row: string, period: Period) => {
		const k = `${row}\u0000${period.key}`;
		let b = contributors.get(k);
		if (!b) contributors.set(k, (b = family.contributors(row, period)));
		return b;
	};
	const inputs: CellInput[] = [];
	space.selections.forEach((s, si) => {
		const forced = plan.cells[si].reason !== null ? ('selection' as const) : undefined;
		const pins = s.depth === 0 ? new Set(family.pinnedRows ?? []) : null;
		for (const row of rows) inputs.push({ members: s.members.and(g(row, s.period)), row, forced, twin: `${row}\u0000${s.period.key}`, pinned: pins?.has(row) ?? false });
	});
	const at = (si: number, ri: number) => si * R + ri;
	const constraints: UnionConstraint[] = [];
	for (const c of space.constraints) {
		for (let ri = 0; ri < R; ri++) constraints.push({ total: at(c.total, ri), parts: c.parts.map((p) => at(p, ri)) });
	}
	if (family.periodAdditive && space.periods.length > 1) {
		// Per place × sex × age band: the whole time and its years.
		const byRest = new Map<string, { whole?: number; years: number[] }>();
		space.selections.forEach((s, si) => {
			const rest = s.key.slice(0, s.key.lastIndexOf('|'));
			const e = byRest.get(rest) ?? { years: [] };
			if (s.period.from === null && s.period.to === null) e.whole = si;
			else e.years.push(si);
			byRest.set(rest, e);
		});
		for (const e of byRest.values()) {
			if (e.whole === undefined || !e.years.length) continue;
			for (let ri = 0; ri < R; ri++) constraints.push({ total: at(e.whole, ri), parts: e.years.map((y) => at(y, ri)) });
		}
	}
	const rowIndex = new Map(rows.map((r, i) => [r, i]));
	for (const tc of family.tableConstraints ?? []) {
		const t = rowIndex.get(tc.total);
		const parts = tc.parts.map((p) => rowIndex.get(p));
		if (t === undefined || parts.some((p) => p === undefined)) throw new RangeError(`planFamily(${family.id}): unknown row in a table constraint`);
		for (let si = 0; si < space.selections.length; si++) constraints.push({ total: at(si, t), parts: parts.map((p) => at(si, p!)) });
	}
	const out = protect(inputs, constraints, { min: plan.min, hideZeros: family.hideZeros });
	const cells = out.map((c, i) => ({
		selection: space.selections[Math.floor(i / R)].key,
		row: rows[i % R],
		members: inputs[i].members,
		n: c.n,
		reason: c.reason,
		pinned: inputs[i].pinned === true
	}));
	const byKey = new Map(cells.map((c) => [`${c.selection}\u0000${c.row}`, c]));
	return {
		family: family.id,
		cells,
		constraints,
		cell: (selection, row) => {
			const c = byKey.get(`${selection}\u0000${row}`);
			return c ? { n: c.n, reason: c.reason } : undefined;
		}
	};
}

/**
 * Disclosure control for published tables: cell suppression of small counts
 * of people, and of statistics computed on small groups. Pure functions; no
 * DOM, no database.
 *
 * Rules (the page explains them in plain language):
 *
 * 1. Primary suppression: a count of people below the threshold `min`
 *    (default 5, see threshold.ts) is not shown. A zero is suppressed too by
 *    default (a 0 or a 100% tells something about everyone in a group);
 *    pass `suppressZero: false` to show zeros.
 * 2. Secondary (complementary) suppression: wherever cells add up to a shown
 *    total (a row, a column, the municipalities of a region, the regions of
 *    the country), a single hidden cell could be worked out by subtraction.
 *    So in every such sum that has exactly one hidden cell, the next smallest
 *    shown part is hidden as well (the total itself only if no part is left),
 *    and this is repeated until no sum has exactly one hidden cell.
 * 3. Derived statistics (means, costs per person, percentages) are not shown
 *    when a group of people they are computed on (numerator or denominator)
 *    is below the threshold, or when the row they belong to is suppressed.
 *
 * "Exactly one hidden cell per sum" is the usual practical rule (as in
 * NHS Digital and Eurostat guidance); it does not defend against every attack
 * that combines many published sums with bounds (which needs linear
 * programming, e.g. τ-Argus), and it assumes the same people are not also
 * published under other, overlapping filters.
 */
import { DEFAULT_MIN_CELL } from './threshold';

export type SuppressionReason = 'primary' | 'secondary';

export interface SuppressionOptions {
	/** Smallest count of people that may be shown (default 5). */
	min?: number;
	/** Suppress zero counts as well (default true). */
	suppressZero?: boolean;
}

/** An additive relation between cells: `values[total] = Σ values[parts]`. */
export interface Constraint {
	total: number;
	parts: readonly number[];
}

function isPrimary(value: number, min: number, suppressZero: boolean): boolean {
	if (value === 0) return suppressZero && min > 0;
	return value < min;
}

/**
 * Cell suppression on any set of cells linked by additive constraints (the
 * building block of {@link suppressCounts} and {@link suppressNested}).
 * Returns one reason per cell, `null` where the cell may be shown. `forced`
 * cells are hidden from the start (reason 'secondary'), e.g. because their
 * row is hidden in another, linked table.
 *
 * @example
 * // 2 + 8 = 10: the 2 is hidden (primary); then 8 = 10 − 2 would give it
 * // away, so the 8 is hidden too (secondary); the total stays.
 * suppressLinked([2, 8, 10], [{ total: 2, parts: [0, 1] }])
 * // → ['primary', 'secondary', null]
 */
export function suppressLinked(
	values: readonly number[],
	constraints: readonly Constraint[],
	options: SuppressionOptions & { forced?: Iterable<number> } = {}
): (SuppressionReason | null)[] {
	const min = options.min ?? DEFAULT_MIN_CELL;
	const suppressZero = options.suppressZero ?? true;
	for (const v of values) {
		if (!Number.isFinite(v) || v < 0) throw new RangeError(`suppressLinked: counts must be finite and ≥ 0, got ${v}`);
	}
	for (const c of constraints) {
		for (const i of [c.total, ...c.parts]) {
			if (!Number.isInteger(i) || i < 0 || i >= values.length) throw new RangeError(`suppressLinked: no cell ${i}`);
		}
	}
	const reasons: (SuppressionReason | null)[] = values.map((v) => (isPrimary(v, min, suppressZero) ? 'primary' : null));
	for (const i of options.forced ?? []) {
		if (i >= 0 && i < values.length && reasons[i] === null) reasons[i] = 'secondary';
	}
	let changed = true;
	while (changed) {
		changed = false;
		for (const c of constraints) {
			const cells = [c.total, ...c.parts];
			const hidden = cells.filter((i) => reasons[i] !== null).length;
			if (hidden !== 1) continue;
			// The next smallest shown part (ties: the first); the total only if no part is left.
			const candidates = c.parts.filter((i) => reasons[i] === null);
			candidates.sort((a, b) => values[a] - values[b] || a - b);
			const pick = candidates.length ? candidates[0] : c.total;
			if (reasons[pick] === null) {
				reasons[pick] = 'secondary';
				changed = true;
			}
		}
	}
	return reasons;
}

export interface TableSuppression {
	/** Reasons per interior cell, rows × columns; null = shown. */
	cells: (SuppressionReason | null)[][];
	rowTotals: (SuppressionReason | null)[];
	colTotals: (SuppressionReason | null)[];
	grandTotal: SuppressionReason | null;
	/** The totals the table was checked against (sums of the cells). */
	totals: { rows: number[]; cols: number[]; grand: number };
}

/**
 * Suppression for a two-way table of counts of people with row totals,
 * column totals and a grand total (all computed here as sums of the cells).
 *
 * @example
 * // rows: two municipalities; columns: improved / not improved
 * suppressCounts([[3, 7], [6, 9]])
 * // cells:     [['primary', 'secondary'], ['secondary', 'secondary']]
 * // rowTotals: [null, null]; colTotals: [null, null]; grandTotal: null
 * // The 3 is below 5; 7 = 10 − 3 and 6 = 9 − 3 would reveal it, so 7 and 6
 * // go; then 9 would be the only hidden cell of row 2 and column 2's sums
 * // hide it too. Totals 10, 15, 9, 16 and 25 stay visible.
 */
export function suppressCounts(counts: readonly (readonly number[])[], options: SuppressionOptions = {}): TableSuppression {
	const nRows = counts.length;
	const nCols = nRows ? counts[0].length : 0;
	if (counts.some((r) => r.length !== nCols)) throw new RangeError('suppressCounts: rows must have the same length');
	const rows = counts.map((r) => r.reduce((a, b) => a + b, 0));
	const cols = Array.from({ length: nCols }, (_, j) => counts.reduce((a, r) => a + r[j], 0));
	const grand = rows.reduce((a, b) => a + b, 0);
	// Layout: cells row-major, then row totals, then column totals, then grand total.
	const cell = (i: number, j: number) => i * nCols + j;
	const rowT = (i: number) => nRows * nCols + i;
	const colT = (j: number) => nRows * nCols + nRows + j;
	const grandT = nRows * nCols + nRows + nCols;
	const values = [...counts.flat(), ...rows, ...cols, grand];
	const constraints: Constraint[] = [];
	for (let i = 0; i < nRows; i++) constraints.push({ total: rowT(i), parts: Array.from({ length: nCols }, (_, j) => cell(i, j)) });
	for (let j = 0; j < nCols; j++) constraints.push({ total: colT(j), parts: Array.from({ length: nRows }, (_, i) => cell(i, j)) });
	constraints.push({ total: grandT, parts: Array.from({ length: nRows }, (_, i) => rowT(i)) });
	constraints.push({ total: grandT, parts: Array.from({ length: nCols }, (_, j) => colT(j)) });
	const r = suppressLinked(values, constraints, options);
	return {
		cells: Array.from({ length: nRows }, (_, i) => Array.from({ length: nCols }, (_, j) => r[cell(i, j)])),
		rowTotals: Array.from({ length: nRows }, (_, i) => r[rowT(i)]),
		colTotals: Array.from({ length: nCols }, (_, j) => r[colT(j)]),
		grandTotal: r[grandT],
		totals: { rows, cols, grand }
	};
}

/** A row of a nested (hierarchical) table, e.g. a municipality within a region. */
export interface NestedRow {
	id: string;
	/** The row this one is a part of (its subtotal), null for the top. */
	parent: string | null;
	/**
	 * Counts of people in the row's columns. With more than one column the
	 * columns are parts of the row total (e.g. improved / not improved), and
	 * the row total is checked too.
	 */
	counts: readonly number[];
}

export interface NestedSuppression {
	/** Per row id: a reason per column (null = shown). */
	cells: Map<string, (SuppressionReason | null)[]>;
	/** Per row id: the reason for the row total (only with more than one column). */
	totals: Map<string, SuppressionReason | null>;
}

/**
 * Suppression for a table whose rows are nested: municipalities add up to
 * their region's subtotal, regions to the grand total. Every parent's counts
 * must equal the sums of its children's counts (checked). Secondary
 * suppression works across the children of each parent and the parent's own
 * cell, and across the columns of each row; `forced` row ids are hidden whole.
 *
 * @example
 * // Region R = A + B + C with 3, 10 and 12 people:
 * suppressNested([
 *   { id: 'R', parent: null, counts: [25] },
 *   { id: 'A', parent: 'R', counts: [3] },
 *   { id: 'B', parent: 'R', counts: [10] },
 *   { id: 'C', parent: 'R', counts: [12] }
 * ]).cells
 * // → R: [null], A: ['primary'], B: ['secondary'], C: [null]
 * // (without hiding B, A = 25 − 10 − 12 = 3)
 */
export function suppressNested(
	rows: readonly NestedRow[],
	options: SuppressionOptions & { forced?: Iterable<string> } = {}
): NestedSuppression {
	const nCols = rows.length ? rows[0].counts.length : 0;
	if (rows.some((r) => r.counts.length !== nCols)) throw new RangeError('suppressNested: rows must have the same number of columns');
	const ids = new Map<string, number>();
	rows.forEach((r, k) => {
		if (ids.has(r.id)) throw new RangeError(`suppressNested: duplicate row ${r.id}`);
		ids.set(r.id, k);
	});
	const withTotal = nCols > 1;
	const width = nCols + (withTotal ? 1 : 0);
	// Layout: per row, its columns then (if any) its total.
	const values: number[] = [];
	for (const r of rows) {
		values.push(...r.counts);
		if (withTotal) values.push(r.counts.reduce((a, b) => a + b, 0));
	}
	const at = (k: number, j: number) => k * width + j;
	const constraints: Constraint[] = [];
	if (withTotal) {
		rows.forEach((_, k) => constraints.push({ total: at(k, nCols), parts: Array.from({ length: nCols }, (_, j) => at(k, j)) }));
	}
	const children = new Map<string, number[]>();
	rows.forEach((r, k) => {
		if (r.parent === null) return;
		if (!ids.has(r.parent)) throw new RangeError(`suppressNested: row ${r.id} has unknown parent ${r.parent}`);
		children.set(r.parent, [...(children.get(r.parent) ?? []), k]);
	});
	for (const [parent, kids] of children) {
		const p = ids.get(parent)!;
		for (let j = 0; j < width; j++) {
			const sum = kids.reduce((a, k) => a + values[at(k, j)], 0);
			if (Math.abs(sum - values[at(p, j)]) > 1e-9) {
				throw new RangeError(`suppressNested: ${parent} column ${j} is ${values[at(p, j)]}, its rows add up to ${sum}`);
			}
			constraints.push({ total: at(p, j), parts: kids.map((k) => at(k, j)) });
		}
	}
	const forced: number[] = [];
	for (const id of options.forced ?? []) {
		const k = ids.get(id);
		if (k !== undefined) for (let j = 0; j < width; j++) forced.push(at(k, j));
	}
	const r = suppressLinked(values, constraints, { ...options, forced });
	const cells = new Map<string, (SuppressionReason | null)[]>();
	const totals = new Map<string, SuppressionReason | null>();
	rows.forEach((row, k) => {
		cells.set(row.id, Array.from({ length: nCols }, (_, j) => r[at(k, j)]));
		if (withTotal) totals.set(row.id, r[at(k, nCols)]);
	});
	return { cells, totals };
}

/**
 * True when every group of people a statistic rests on is large enough.
 *
 * @example disclosable([12, 7])  // true
 * @example disclosable([12, 4])  // false: a group of 4 is below 5
 * @example disclosable([10], 11) // false with the NDIS-style threshold 11
 */
export function disclosable(groups: readonly number[], min = DEFAULT_MIN_CELL): boolean {
	return groups.every((n) => Number.isFinite(n) && n >= min);
}

/**
 * A derived statistic (mean, cost per person, rate), or null when any group
 * it rests on is below the threshold.
 *
 * @example suppressStatistic(7944.48, [97]) // 7944.48
 * @example suppressStatistic(1234.5, [3])   // null: the mean cost of 3 people
 */
export function suppressStatistic(value: number | null, groups: readonly number[], min = DEFAULT_MIN_CELL): number | null {
	if (value == null || !Number.isFinite(value)) return null;
	return disclosable(groups, min) ? value : null;
}

/**
 * A share of people (numerator / denominator), or null when the numerator,
 * the denominator or (by default) the complement — the people not counted,
 * denominator − numerator — is below the threshold: "9 of 10 improved" shows
 * that 1 did not.
 *
 * @example suppressShare(6, 12)              // 0.5
 * @example suppressShare(4, 12)              // null: 4 people below 5
 * @example suppressShare(9, 10)              // null: 1 person did not improve
 * @example suppressShare(9, 10, { complement: false }) // 0.9
 */
export function suppressShare(
	numerator: number,
	denominator: number,
	options: SuppressionOptions & { complement?: boolean } = {}
): number | null {
	const min = options.min ?? DEFAULT_MIN_CELL;
	if (!(denominator > 0)) return null;
	const groups = [numerator, denominator];
	if (options.complement ?? true) groups.push(denominator - numerator);
	const zeroOk = options.suppressZero === false;
	const ok = groups.every((n) => (n === 0 && zeroOk) || n >= min);
	return ok ? numerator / denominator : null;
}

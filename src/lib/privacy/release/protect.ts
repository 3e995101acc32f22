/**
 * The suppression rules of the release path, on cells whose contributors are
 * known as sets of people (pure; no database, no DOM).
 *
 * A cell is one figure's group of people: a selection (place × sex × age
 * band × period) of a cohort, or a row of a table inside a selection. Rules,
 * applied until nothing changes:
 *
 * 1. Primary: a cell of 1 … min−1 people is hidden (zeros: by the family's
 *    choice; hidden as well when `hideZeros`).
 * 2. Nested pairs: two shown cells of the same row where one group lies
 *    inside the other and they differ by 1 … min−1 people would give that
 *    small group away by subtraction (`/costs?region=…` minus
 *    `/costs?mun=…`): the smaller cell is hidden. A hidden cell whose very
 *    people another cell of the row shows is hidden there too.
 * 3. Totals and parts: where a shown total is the union of parts (a region
 *    and its municipalities, both sexes, the age bands, a table's total and
 *    its rows), total minus the shown parts reveals the group of the hidden
 *    parts (and of anybody in no part). That group must be empty or have at
 *    least min people, and it must not be a single hidden part: otherwise
 *    the smallest shown part with people is hidden too (the total only when
 *    no such part is left). And a hidden total that is exactly the sum of
 *    its shown parts is no secret: one of those parts is hidden as well.
 *
 * Hiding always takes the smaller group, so cohort-level figures (the
 * largest groups, above any threshold) stay exact.
 *
 * @example
 * // A region of 12 = municipality A (9) + B (3): B is primary; 12 − 9 = 3
 * // would give B away, so A is hidden as well; the region stays.
 * protect([{ members: r, row: 'n' }, { members: a, row: 'n' }, { members: b, row: 'n' }],
 *   [{ total: 0, parts: [1, 2] }]).map((c) => c.reason) // [null, 'secondary', 'primary']
 */
import { Bitset } from './bitset.ts';

export type HiddenReason = 'selection' | 'primary' | 'secondary';

export interface CellInput {
	/** The people whose records the figure rests on. */
	members: Bitset;
	/** Cells of the same row (the same figure in another selection) are compared for nested pairs. */
	row: string;
	/** Hidden from the start (e.g. its selection is not shown). */
	forced?: HiddenReason;
	/**
	 * Already public (a figure the pilots published themselves): always shown,
	 * and the rules protect everything else against it.
	 */
	pinned?: boolean;
	/**
	 * Cells with the same people show the same figures only within one period
	 * (a cost in 2020 and in the whole time differ for the same children):
	 * twins are compared within this key (default: the row).
	 */
	twin?: string;
}

export interface ProtectedCell {
	n: number;
	reason: HiddenReason | null;
}

/** `total` is the union of `parts` (indices into the cells). */
export interface UnionConstraint {
	total: number;
	parts: readonly number[];
}

export interface ProtectOptions {
	min: number;
	hideZeros?: boolean;
}

export function protect(cells: readonly CellInput[], constraints: readonly UnionConstraint[], options: ProtectOptions): ProtectedCell[] {
	const { min } = options;
	if (!(Number.isInteger(min) && min >= 1)) throw new RangeError(`protect: min must be a whole number ≥ 1, got ${min}`);
	const n = cells.map((c) => c.members.count());
	const pinned = cells.map((c) => c.pinned === true && !c.forced);
	const reason: (HiddenReason | null)[] = cells.map((c, i) =>
		pinned[i] ? null : c.forced ? c.forced : n[i] > 0 && n[i] < min ? 'primary' : n[i] === 0 && options.hideZeros ? 'primary' : null
	);
	const hide = (i: number) => {
		if (reason[i] !== null || pinned[i]) return false;
		reason[i] = 'secondary';
		return true;
	};

	// Rows' cells, for rule 2.
	const rows = new Map<string, number[]>();
	cells.forEach((c, i) => {
		const list = rows.get(c.row);
		if (list) list.push(i);
		else rows.set(c.row, [i]);
	});

	const twins = new Map<string, number[]>();
	cells.forEach((c, i) => {
		const key = c.twin ?? c.row;
		const list = twins.get(key);
		if (list) list.push(i);
		else twins.set(key, [i]);
	});

	// Which constraints, rows and twin groups a cell is in: after the first pass only
	// what a newly hidden cell touches is looked at again (national data: ~10⁵ cells).
	const byCell: number[][] = cells.map(() => []);
	constraints.forEach((c, k) => {
		for (const i of [c.total, ...c.parts]) byCell[i].push(k);
	});
	let dirtyConstraints = new Set(constraints.map((_, k) => k));
	let dirtyRows = new Set(rows.keys());
	let dirtyTwins = new Set(twins.keys());
	const hideAndMark = (i: number) => {
		if (!hide(i)) return false;
		for (const k of byCell[i]) dirtyConstraints.add(k);
		dirtyRows.add(cells[i].row);
		dirtyTwins.add(cells[i].twin ?? cells[i].row);
		return true;
	};
	const scratch = new Scratch(cells.length ? cells[0].members.words.length : 0);

	while (dirtyConstraints.size || dirtyRows.size || dirtyTwins.size) {
		const rowsNow = dirtyRows;
		const twinsNow = dirtyTwins;
		const constraintsNow = dirtyConstraints;
		dirtyRows = new Set();
		dirtyTwins = new Set();
		dirtyConstraints = new Set();
		// Rule 2: nested pairs within min−1 people of each other. Sorted by size,
		// only cells less than `min` larger can differ by a small group.
		for (const row of rowsNow) {
			const shown = rows.get(row)!.filter((i) => reason[i] === null).sort((a, b) => n[a] - n[b] || a - b);
			for (let x = 0; x < shown.length; x++) {
				const a = shown[x];
				if (reason[a] !== null) continue;
				for (let y = x + 1; y < shown.length && n[shown[y]] - n[a] < min; y++) {
					const b = shown[y];
					if (reason[b] !== null || n[b] === n[a]) continue;
					if (cells[a].members.subsetOf(cells[b].members)) {
						// The smaller goes; if it is public, the larger does.
						if (!hideAndMark(a)) hideAndMark(b);
						if (reason[a] !== null) break;
					}
				}
			}
		}
		// Rule 2b: a hidden cell with a shown twin of the same people (Dobele and Dobele
		// aged 45–64, when all of Dobele's people are 45–64) is no secret: hide the twin.
		for (const key of twinsNow) {
			const bySize = new Map<number, number[]>();
			for (const i of twins.get(key)!) if (n[i] > 0) bySize.set(n[i], [...(bySize.get(n[i]) ?? []), i]);
			for (const same of bySize.values()) {
				if (same.length < 2) continue;
				for (const h of same) {
					if (reason[h] === null) continue;
					for (const t of same) {
						if (reason[t] === null && cells[t].members.subsetOf(cells[h].members)) hideAndMark(t);
					}
				}
			}
		}
		// Rule 3: total minus shown parts; rule 3b: a hidden total that is the sum of its shown parts.
		for (const k of constraintsNow) {
			const c = constraints[k];
			const violation = reason[c.total] === null ? revealedViolation(cells, n, reason, c, min, scratch, pinned[c.total]) : sumOfShownParts(cells, n, reason, c, scratch);
			if (!violation) continue;
			// An empty part adds nobody to what the total minus the shown parts reveals: take the smallest non-empty one.
			const candidates = c.parts.filter((i) => reason[i] === null && n[i] > 0 && !pinned[i]).sort((a, b) => n[a] - n[b] || a - b);
			// Under a public total an empty part is the last resort: hidden, it is no longer known to be empty.
			const empty = c.parts.filter((i) => reason[i] === null && n[i] === 0 && !pinned[i]);
			hideAndMark(candidates.length ? candidates[0] : pinned[c.total] && empty.length ? empty[0] : c.total);
		}
	}
	return cells.map((_, i) => ({ n: n[i], reason: reason[i] }));
}

/** Word buffers reused by the rules' set arithmetic (no allocation per constraint). */
export class Scratch {
	covered: Uint32Array;
	hidden: Uint32Array;
	constructor(words: number) {
		this.covered = new Uint32Array(words);
		this.hidden = new Uint32Array(words);
	}
}

function popcount(x: number): number {
	x = x - ((x >>> 1) & 0x55555555);
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Rule 3b: a hidden total whose people are exactly its parts' people, with
 * every part that has people shown, is their sum: hiding it protects nothing.
 */
export function sumOfShownParts(
	cells: readonly { members: Bitset }[],
	n: readonly number[],
	reason: readonly (HiddenReason | null)[],
	c: UnionConstraint,
	scratch = new Scratch(cells[c.total].members.words.length)
): boolean {
	if (n[c.total] === 0) return false;
	const covered = scratch.covered.fill(0);
	for (const i of c.parts) {
		if (n[i] > 0 && reason[i] !== null) return false;
		const w = cells[i].members.words;
		for (let k = 0; k < w.length; k++) covered[k] |= w[k];
	}
	const total = cells[c.total].members.words;
	for (let k = 0; k < total.length; k++) if ((total[k] & ~covered[k]) !== 0) return false;
	return true;
}

/**
 * The group that `total − Σ shown parts` reveals: the hidden parts' people
 * and anybody of the total in no part. True when that group is unsafe.
 */
export function revealedViolation(
	cells: readonly { members: Bitset }[],
	n: readonly number[],
	reason: readonly (HiddenReason | null)[],
	c: UnionConstraint,
	min: number,
	scratch = new Scratch(cells[c.total].members.words.length),
	totalPublic = false
): boolean {
	const total = cells[c.total].members.words;
	const covered = scratch.covered.fill(0);
	const hidden = scratch.hidden.fill(0);
	let hiddenParts = 0;
	let nonEmptyHidden = 0;
	for (const i of c.parts) {
		const w = cells[i].members.words;
		for (let k = 0; k < w.length; k++) covered[k] |= w[k];
		if (reason[i] !== null) {
			hiddenParts++;
			if (n[i] > 0) nonEmptyHidden++;
			for (let k = 0; k < w.length; k++) hidden[k] |= w[k];
		}
	}
	let size = 0;
	let outside = 0;
	for (let k = 0; k < total.length; k++) {
		const rest = total[k] & ~covered[k];
		outside += popcount(rest);
		size += popcount((hidden[k] | rest) & total[k]);
	}
	if (size === 0) return false;
	// Under a public total, hidden parts that together are all of its people only repeat the published figure.
	if (totalPublic && hiddenParts >= 2 && size === n[c.total]) return false;
	if (size < min) return true;
	// One hidden part and nobody outside the parts: that part's figure follows exactly.
	return hiddenParts >= 1 && nonEmptyHidden === 1 && outside === 0;
}

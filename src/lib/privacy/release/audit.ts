/**
 * The attacker's check (pure): given everything a plan shows, find every
 * group of 1 … min−1 people that two shown figures, or a shown total minus
 * its shown parts, would give away. Written apart from the rules in
 * protect.ts, as brute force over all pairs, so that it checks them rather
 * than repeats them. Used by the attack tests and the benchmark.
 */
import type { Bitset } from './bitset.ts';
import type { UnionConstraint } from './protect.ts';

export interface AuditCell {
	key: string;
	row: string;
	/** Cells with the same people have the same figures only within this key (the row and period). */
	twin?: string;
	members: Bitset;
	shown: boolean;
	/** Already public: a difference of two public figures discloses nothing new. */
	pinned?: boolean;
	/** The selection the cell belongs to (for peel: a hidden cell with the very people of a public one there is public too). */
	selection?: string;
}

export interface Recovery {
	kind: 'difference' | 'total_minus_parts';
	/** The shown cells the attacker subtracts. */
	from: string;
	minus: string[];
	people: number;
}

export function audit(cells: readonly AuditCell[], constraints: readonly UnionConstraint[], min: number): Recovery[] {
	const out: Recovery[] = [];
	const byRow = new Map<string, AuditCell[]>();
	for (const c of cells) if (c.shown) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
	for (const list of byRow.values()) {
		for (const a of list) {
			for (const b of list) {
				if (a === b || (a.pinned && b.pinned) || !a.members.subsetOf(b.members)) continue;
				const d = b.members.andNot(a.members).count();
				if (d > 0 && d < min) out.push({ kind: 'difference', from: b.key, minus: [a.key], people: d });
			}
		}
	}
	for (const c of constraints) {
		const total = cells[c.total];
		if (!total.shown) continue;
		const shownParts = c.parts.filter((i) => cells[i].shown);
		const hidden = c.parts.filter((i) => !cells[i].shown && cells[i].members.count() > 0);
		// total − Σ shown parts is the figure of the hidden parts' people and of anybody in no part.
		let covered = total.members.andNot(total.members);
		for (const i of c.parts) covered = covered.or(cells[i].members);
		let rest = total.members.andNot(covered);
		for (const i of hidden) rest = rest.or(cells[i].members);
		rest = rest.and(total.members);
		const d = rest.count();
		const exactlyOne = hidden.length === 1 && rest.subsetOf(cells[hidden[0]].members);
		// Under a public total, hidden parts that together are all of its people repeat the published figure.
		if (total.pinned && hidden.length >= 2 && d === total.members.count()) continue;
		if ((d > 0 && d < min) || exactlyOne) {
			out.push({ kind: 'total_minus_parts', from: total.key, minus: shownParts.map((i) => cells[i].key), people: d });
		}
	}
	return out;
}

/**
 * Additive peeling, as an attacker with a spreadsheet would: wherever a
 * total is the sum of its parts (its people are exactly theirs) and exactly
 * one of them is unknown, that one follows; repeat with what was learnt
 * until nothing more follows. Returns the hidden cells with people whose
 * figures follow (a hidden cell is unknown to the attacker, empty or not),
 * except those with the very people of a public (pinned) figure: counting
 * them repeats what was published.
 */
export function peel(cells: readonly AuditCell[], constraints: readonly UnionConstraint[]): string[] {
	const known = cells.map((c) => c.shown);
	// A hidden cell is known where a shown cell of its row has the very same people.
	const shownByTwin = new Map<string, AuditCell[]>();
	for (const c of cells) if (c.shown) shownByTwin.set(c.twin ?? c.row, [...(shownByTwin.get(c.twin ?? c.row) ?? []), c]);
	cells.forEach((c, i) => {
		if (known[i]) return;
		const n = c.members.count();
		if ((shownByTwin.get(c.twin ?? c.row) ?? []).some((t) => t.members.count() === n && t.members.subsetOf(c.members))) known[i] = true;
	});
	const exact = constraints.filter((c) => {
		let covered = cells[c.total].members.andNot(cells[c.total].members);
		for (const i of c.parts) covered = covered.or(cells[i].members);
		return cells[c.total].members.subsetOf(covered);
	});
	let changed = true;
	while (changed) {
		changed = false;
		for (const c of exact) {
			const unknown = [c.total, ...c.parts].filter((i) => !known[i]);
			if (unknown.length === 1) {
				known[unknown[0]] = true;
				changed = true;
			}
		}
	}
	const publicGroups = cells.filter((c) => c.pinned);
	const repeatsPublic = (c: AuditCell) =>
		publicGroups.some(
			(p) => p.members.count() === c.members.count() && p.members.subsetOf(c.members)
		);
	return cells.flatMap((c, i) => (!c.shown && c.members.count() > 0 && known[i] && !repeatsPublic(c) ? [c.key] : []));
}

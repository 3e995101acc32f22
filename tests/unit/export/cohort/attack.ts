/**
 * An attacker holding two exports (parsed from their CSV files, nothing from
 * the library), used by the export tests:
 *
 * - background columns: every column that is not the pseudonym or an outcome
 *   (goals, assessments, employment, services) — decided here by name, not
 *   taken from the library's own list of quasi-identifiers;
 * - matching: a record of one export is matched to the records of the other
 *   that agree on every column both files have (the pseudonyms differ under
 *   fresh keys, so not on those; `*` agrees with anything);
 * - isolation: a person is given away when
 *   (a) a record is matched by exactly one record and the two records'
 *       classes differ in size by 1 … k−1 (the class minus its matched part is
 *       fewer than k people), or
 *   (b) the records of a class of one export that match nothing in the other
 *       (the subtraction) are 1 … k−1, or
 *   (c) the matched records sharing a class in both exports (the two
 *       generalisations combined) are 1 … k−1.
 */
export interface Released {
	header: string[];
	rows: string[][];
}

const OUTCOME = /^(pseudonym$|goals_|cost_|units_|employment_|sfk_|kidscreen52_|fqols_|sqol_)/;

export const backgroundColumns = (header: string[]) => header.filter((c) => !OUTCOME.test(c));

/** Sizes of the classes of `rows` on `columns`, and each row's class key. */
export function classesOn(file: Released, columns: string[]): { keyOf: string[]; size: Map<string, number> } {
	const idx = columns.map((c) => file.header.indexOf(c));
	const keyOf = file.rows.map((r) => JSON.stringify(idx.map((i) => r[i])));
	const size = new Map<string, number>();
	for (const k of keyOf) size.set(k, (size.get(k) ?? 0) + 1);
	return { keyOf, size };
}

/** For each record of `a`, the indices of the records of `b` it agrees with. */
export function matches(a: Released, b: Released): number[][] {
	const common = a.header.filter((c) => c !== 'pseudonym' && b.header.includes(c));
	const ia = common.map((c) => a.header.indexOf(c));
	const ib = common.map((c) => b.header.indexOf(c));
	return a.rows.map((ra) => {
		const out: number[] = [];
		b.rows.forEach((rb, j) => {
			for (let x = 0; x < common.length; x++) {
				const va = ra[ia[x]];
				const vb = rb[ib[x]];
				if (va !== vb && va !== '*' && vb !== '*') return;
			}
			out.push(j);
		});
		return out;
	});
}

export interface Isolation {
	rule: 'a' | 'b' | 'c';
	detail: string;
}

/** Everything the attacker can single out from the pair, in both directions. */
export function isolate(a: Released, b: Released, k: number): Isolation[] {
	const found: Isolation[] = [];
	const ca = classesOn(a, backgroundColumns(a.header));
	const cb = classesOn(b, backgroundColumns(b.header));
	const ab = matches(a, b);
	const ba = matches(b, a);
	const unique = ab.map((m, i) => (m.length === 1 && ba[m[0]].length === 1 && ba[m[0]][0] === i ? m[0] : -1));

	const pairGroups = new Map<string, number>();
	// Records with any candidate may be in the other export; only those with none are surely not.
	const matchedIn = [new Map<string, number>(), new Map<string, number>()];
	ab.forEach((m, i) => m.length && matchedIn[0].set(ca.keyOf[i], (matchedIn[0].get(ca.keyOf[i]) ?? 0) + 1));
	ba.forEach((m, j) => m.length && matchedIn[1].set(cb.keyOf[j], (matchedIn[1].get(cb.keyOf[j]) ?? 0) + 1));
	unique.forEach((j, i) => {
		if (j < 0) return;
		const ka = ca.keyOf[i];
		const kb = cb.keyOf[j];
		const d = Math.abs(ca.size.get(ka)! - cb.size.get(kb)!);
		if (d > 0 && d < k) found.push({ rule: 'a', detail: `class ${ka} (${ca.size.get(ka)}) vs ${kb} (${cb.size.get(kb)})` });
		const pk = ka + '|' + kb;
		pairGroups.set(pk, (pairGroups.get(pk) ?? 0) + 1);
	});
	for (const [side, c] of [ca, cb].entries()) {
		for (const [key, size] of c.size) {
			const left = size - (matchedIn[side].get(key) ?? 0);
			if (left > 0 && left < k) found.push({ rule: 'b', detail: `${side ? 'second' : 'first'} export, class ${key}: ${left} of ${size} not in the other` });
		}
	}
	for (const [key, n] of pairGroups) if (n < k) found.push({ rule: 'c', detail: `${n} records in ${key}` });
	return found;
}

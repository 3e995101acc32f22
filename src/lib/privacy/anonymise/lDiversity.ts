/**
 * Distinct l-diversity: within every equivalence class the sensitive variable
 * takes at least l different values, so knowing someone's quasi-identifiers
 * does not reveal their sensitive value. Missing (null) counts as a value of
 * its own (an attacker learns "missing" too).
 */
import type { QiValue } from './kAnonymity.ts';

export interface ClassDiversity {
	key: string;
	size: number;
	distinct: number;
}

export interface LDiversityResult {
	/** Smallest number of distinct sensitive values in a class (0 when there are no classes). */
	l: number;
	classes: ClassDiversity[];
}

/**
 * @example
 * distinctLDiversity(new Map([['a', [0, 1]], ['b', [2, 3]]]), (i) => ['x', 'y', 'x', 'x'][i])
 * // → { l: 1, classes: [{ key: 'a', size: 2, distinct: 2 }, { key: 'b', size: 2, distinct: 1 }] }
 */
export function distinctLDiversity(
	classes: ReadonlyMap<string, readonly number[]>,
	sensitive: (index: number) => QiValue
): LDiversityResult {
	const out: ClassDiversity[] = [];
	for (const [key, members] of classes) {
		const values = new Set(members.map((i) => JSON.stringify(sensitive(i) ?? null)));
		out.push({ key, size: members.length, distinct: values.size });
	}
	return { l: out.length ? Math.min(...out.map((c) => c.distinct)) : 0, classes: out };
}

/**
 * Records of the classes with fewer than l distinct sensitive values (what
 * enforcing l-diversity by suppression removes), ascending.
 * @example lDiverseViolations(new Map([['a', [0, 1]], ['b', [2, 3]]]), (i) => ['x', 'y', 'x', 'x'][i], 2) // → [2, 3]
 */
export function lDiverseViolations(
	classes: ReadonlyMap<string, readonly number[]>,
	sensitive: (index: number) => QiValue,
	l: number
): number[] {
	const out: number[] = [];
	for (const members of classes.values()) {
		const values = new Set(members.map((i) => JSON.stringify(sensitive(i) ?? null)));
		if (values.size < l) out.push(...members);
	}
	return out.sort((a, b) => a - b);
}

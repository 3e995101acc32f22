/**
 * k-anonymity on chosen quasi-identifiers (QIs): every combination of QI
 * values that is exported must be shared by at least k records. Where it is
 * not, a QI is generalised one level further (the step that leaves the fewest
 * records in too-small classes) until at most `maxSuppressedShare` of the
 * records would have to go; those records are then removed (local record
 * suppression). Pure; records are addressed by their index.
 */

export type QiValue = string | number | boolean | null;

/** A quasi-identifier with a generalisation hierarchy: level 0 is the most detailed, `maxLevel` says nothing ("*"). */
export interface QuasiIdentifier<R> {
	name: string;
	maxLevel: number;
	value(record: R, level: number): QiValue;
}

/** Equivalence-class key of one record at the given levels. */
export function classKey<R>(record: R, qis: readonly QuasiIdentifier<R>[], levels: readonly number[]): string {
	return JSON.stringify(qis.map((q, i) => q.value(record, levels[i])));
}

/**
 * Records grouped by their QI values (indices into `records`, in input order).
 * @example
 * const sex = { name: 'sex', maxLevel: 1, value: (r: { sex: string }, l: number) => (l ? '*' : r.sex) };
 * equivalenceClasses([{ sex: 'F' }, { sex: 'M' }, { sex: 'F' }], [sex], [0])
 * // → Map { '["F"]' → [0, 2], '["M"]' → [1] }
 */
export function equivalenceClasses<R>(
	records: readonly R[],
	qis: readonly QuasiIdentifier<R>[],
	levels: readonly number[],
	include: (i: number) => boolean = () => true
): Map<string, number[]> {
	const classes = new Map<string, number[]>();
	records.forEach((r, i) => {
		if (!include(i)) return;
		const key = classKey(r, qis, levels);
		const list = classes.get(key);
		if (list) list.push(i);
		else classes.set(key, [i]);
	});
	return classes;
}

/** Size of the smallest class (0 when there are none). @example smallestClass(new Map([['a', [0, 1]], ['b', [2]]])) // → 1 */
export function smallestClass(classes: ReadonlyMap<string, readonly number[]>): number {
	let min = Infinity;
	for (const c of classes.values()) min = Math.min(min, c.length);
	return Number.isFinite(min) ? min : 0;
}

/** Indices of records in classes smaller than k. @example violating(new Map([['a', [0, 1]], ['b', [2]]]), 2) // → [2] */
export function violating(classes: ReadonlyMap<string, readonly number[]>, k: number): number[] {
	const out: number[] = [];
	for (const c of classes.values()) if (c.length < k) out.push(...c);
	return out.sort((a, b) => a - b);
}

export interface KAnonymityOptions {
	k: number;
	/** Largest share (0..1) of records that may be suppressed before generalising further. */
	maxSuppressedShare: number;
	/** Allow generalising beyond the start levels (else only suppress). */
	generalise?: boolean;
}

export interface GeneralisationStep {
	qi: string;
	level: number;
	/** Records still in too-small classes after this step. */
	violating: number;
}

export interface KAnonymityResult {
	k: number;
	levels: number[];
	/** Indices of records kept / suppressed (ascending). */
	kept: number[];
	suppressed: number[];
	/** Classes of the kept records. */
	classes: Map<string, number[]>;
	/** Smallest class among kept records (≥ k unless nothing is kept). */
	smallestClass: number;
	steps: GeneralisationStep[];
}

/**
 * Make `records` k-anonymous on `qis`, starting from `startLevels`.
 *
 * @example
 * // 6 people: sex F,F,F,M,M,F and age bands; k = 3, no suppression allowed
 * // → age goes to "*" (sex alone gives classes of 4 F and 2 M: still too small),
 * //   then sex too: one class of 6, nobody suppressed.
 * // With maxSuppressedShare 0.34 the 2 men are suppressed instead after generalising age.
 */
export function achieveKAnonymity<R>(
	records: readonly R[],
	qis: readonly QuasiIdentifier<R>[],
	startLevels: readonly number[],
	options: KAnonymityOptions
): KAnonymityResult {
	const { k } = options;
	if (!(k >= 1) || !Number.isInteger(k)) throw new Error('k must be a positive integer');
	const generalise = options.generalise ?? true;
	const allowed = Math.floor(Math.max(0, Math.min(1, options.maxSuppressedShare)) * records.length + 1e-9);
	const levels = qis.map((q, i) => Math.max(0, Math.min(q.maxLevel, startLevels[i] ?? 0)));
	const steps: GeneralisationStep[] = [];
	for (;;) {
		const bad = violating(equivalenceClasses(records, qis, levels), k);
		if (bad.length === 0 || bad.length <= allowed || !generalise) break;
		let best = -1;
		let bestBad = Infinity;
		let bestHeight = Infinity;
		qis.forEach((q, i) => {
			if (levels[i] >= q.maxLevel) return;
			const trial = levels.slice();
			trial[i]++;
			const n = violating(equivalenceClasses(records, qis, trial), k).length;
			const height = trial[i] / q.maxLevel;
			if (n < bestBad || (n === bestBad && height < bestHeight)) {
				best = i;
				bestBad = n;
				bestHeight = height;
			}
		});
		if (best < 0) break;
		levels[best]++;
		steps.push({ qi: qis[best].name, level: levels[best], violating: bestBad });
	}
	const suppressedSet = new Set(violating(equivalenceClasses(records, qis, levels), k));
	const kept = records.map((_, i) => i).filter((i) => !suppressedSet.has(i));
	const classes = equivalenceClasses(records, qis, levels, (i) => !suppressedSet.has(i));
	return {
		k,
		levels,
		kept,
		suppressed: [...suppressedSet].sort((a, b) => a - b),
		classes,
		smallestClass: smallestClass(classes),
		steps
	};
}

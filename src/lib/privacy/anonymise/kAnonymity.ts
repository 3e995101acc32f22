/**
 * k-anonymity on quasi-identifiers (QIs): every combination of QI values
 * that is exported must be shared by at least k records. The search keeps as
 * much detail as k allows with at most `maxSuppressedShare` of the records
 * removed (local record suppression of the classes still too small).
 * Pure; records are addressed by their index.
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
	/** Largest share (0..1) of records that may be suppressed instead of keeping less detail. */
	maxSuppressedShare: number;
	/** Finest level each QI may reach (default 0, as recorded). */
	finest?: readonly number[];
	/** Let the search coarsen QIs (default true); without, every QI stays at its finest level and only suppression helps. */
	generalise?: boolean;
	/** Relative worth of each QI's detail (default 1): at equal gain, heavier QIs keep their detail first. */
	weights?: readonly number[];
}

export interface GeneralisationStep {
	qi: string;
	/** The level the QI was taken down to. */
	level: number;
	/** Records in too-small classes after this step (they are suppressed if it is the last). */
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
	/** The specialisation steps, from everything at "*" down to `levels`. */
	steps: GeneralisationStep[];
}

/**
 * Discernibility of a partition (Bayardo & Agrawal): Σ|E|² over classes of at
 * least k, plus records × n for each record in a smaller class (suppressed).
 * Lower is better: small classes tell researchers more.
 * @example discernibility(new Map([['a', [0, 1, 2]], ['b', [3]]]), 2, 4) // → 9 + 1 × 4 = 13
 */
export function discernibility(classes: ReadonlyMap<string, readonly number[]>, k: number, records: number): number {
	let d = 0;
	for (const c of classes.values()) d += c.length >= k ? c.length * c.length : c.length * records;
	return d;
}

/**
 * Make `records` k-anonymous on `qis` by top-down specialisation (Fung,
 * Wang & Yu 2005, on full-domain hierarchies): start with every QI at "*"
 * (one class) and, while some QI can go one level finer with at most
 * `maxSuppressedShare` of the records left in classes below k, take the step
 * that lowers the discernibility most (times the QI's weight; ties: fewer
 * records in small classes, then QI order). It stops where no single step is
 * admissible, so the result keeps as much detail as k allows, and the records
 * left in too-small classes are suppressed. Top-down suits many QIs on few
 * records: most end at "*", and it never visits the hopeless detailed end.
 *
 * @example
 * // 6 people: sex F,F,F,M,M,F and age bands; k = 3, nothing may be suppressed
 * // → sex F ×4 / M ×2 leaves 2 in a small class: inadmissible; band 0-6 ×3 / 7-12 ×3 is fine:
 * //   band is specialised, then sex no longer fits; levels [1, 0], nobody suppressed.
 */
export function achieveKAnonymity<R>(records: readonly R[], qis: readonly QuasiIdentifier<R>[], options: KAnonymityOptions): KAnonymityResult {
	const { k } = options;
	if (!(k >= 1) || !Number.isInteger(k)) throw new Error('k must be a positive integer');
	const n = records.length;
	const allowed = Math.floor(Math.max(0, Math.min(1, options.maxSuppressedShare)) * n + 1e-9);
	const finest = qis.map((q, i) => Math.max(0, Math.min(q.maxLevel, options.finest?.[i] ?? 0)));
	const weights = qis.map((_, i) => options.weights?.[i] ?? 1);
	const steps: GeneralisationStep[] = [];
	let levels = options.generalise === false ? finest.slice() : qis.map((q) => q.maxLevel);
	if (options.generalise !== false) {
		// Every QI's value per level and record, encoded once: the search forms hundreds of partitions.
		const codes = qis.map((q) => Array.from({ length: q.maxLevel + 1 }, (_, l) => records.map((r) => JSON.stringify(q.value(r, l)))));
		const partition = (lv: readonly number[]) => {
			const classes = new Map<string, number[]>();
			for (let i = 0; i < n; i++) {
				let key = '';
				for (let j = 0; j < qis.length; j++) key += codes[j][lv[j]][i] + '\u0001';
				const list = classes.get(key);
				if (list) list.push(i);
				else classes.set(key, [i]);
			}
			return classes;
		};
		let current = discernibility(partition(levels), k, n);
		for (;;) {
			let best: { i: number; levels: number[]; gain: number; bad: number; d: number } | null = null;
			qis.forEach((q, i) => {
				if (levels[i] <= finest[i]) return;
				const trial = levels.slice();
				trial[i]--;
				const classes = partition(trial);
				const bad = violating(classes, k).length;
				if (bad > allowed) return;
				const d = discernibility(classes, k, n);
				const gain = (current - d) * weights[i];
				if (!best || gain > best.gain + 1e-9 || (Math.abs(gain - best.gain) <= 1e-9 && bad < best.bad)) best = { i, levels: trial, gain, bad, d };
			});
			if (!best) break;
			const b: { i: number; levels: number[]; bad: number; d: number } = best;
			levels = b.levels;
			current = b.d;
			steps.push({ qi: qis[b.i].name, level: levels[b.i], violating: b.bad });
		}
	}
	const suppressedSet = new Set(violating(equivalenceClasses(records, qis, levels), k));
	const kept = records.map((_, i) => i).filter((i) => !suppressedSet.has(i));
	const classes = equivalenceClasses(records, qis, levels, (i) => !suppressedSet.has(i));
	return { k, levels, kept, suppressed: [...suppressedSet].sort((a, b) => a - b), classes, smallestClass: smallestClass(classes), steps };
}

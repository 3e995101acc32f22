/**
 * Results of one data revision, kept while that revision is current (issue
 * 15: returning to a view, resetting a filter or the same query asked twice
 * by one page costs nothing). Every data change increments
 * `dataset.revision` (db/open.ts: load, layer choice, upload, forget), and an
 * entry of another engine or revision is never returned, so a memo can only
 * hand back what the same query gave on the same data. The promise is kept,
 * not the value, so two callers asking at once share one query; a failed
 * query is not kept.
 *
 * @example
 * const memo = new RevisionMemo<number>(2);
 * memo.get(engine, 1, 'a', () => Promise.resolve(1)); // runs
 * memo.get(engine, 1, 'a', () => Promise.resolve(9)); // → the first promise (1)
 * memo.get(engine, 2, 'a', () => Promise.resolve(2)); // new revision: runs again
 */
/** Every memo made, so the benchmarks can measure queries rather than memory (`forgetRemembered`). */
const memos = new Set<{ forget(): void }>();

/** Forget every remembered result (bench hook: a measured first render must run its queries). */
export function forgetRemembered(): void {
	for (const m of memos) m.forget();
}

export class RevisionMemo<T> {
	private owner: object | null = null;
	private revision = -1;
	private readonly entries = new Map<string, Promise<T>>();

	/** `max`: entries kept per revision, the least recently used dropped first. */
	constructor(private readonly max = 32) {
		memos.add(this);
	}

	forget(): void {
		this.entries.clear();
	}

	get(owner: object, revision: number, key: string, compute: () => Promise<T>): Promise<T> {
		if (owner !== this.owner || revision !== this.revision) {
			this.entries.clear();
			this.owner = owner;
			this.revision = revision;
		}
		const hit = this.entries.get(key);
		if (hit) {
			// Most recently used last.
			this.entries.delete(key);
			this.entries.set(key, hit);
			return hit;
		}
		const p = compute();
		this.entries.set(key, p);
		p.catch(() => {
			if (this.entries.get(key) === p) this.entries.delete(key);
		});
		while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
		return p;
	}

	get size(): number {
		return this.entries.size;
	}
}

/** Remembered results are those of the same engine and data revision only; failures are not kept. */
import { describe, it, expect } from 'vitest';
import { RevisionMemo } from '../../../src/lib/db/revision-memo';
import { DEFAULT_FILTERS } from '../../../src/lib/filters/filters';
import { filtersKey } from '../../../src/lib/filters/key';

describe('RevisionMemo', () => {
	const engine = {};
	it('returns the first result of a key while the revision and engine stay', async () => {
		const memo = new RevisionMemo<number>();
		let runs = 0;
		const compute = (v: number) => () => (runs++, Promise.resolve(v));
		expect(await memo.get(engine, 1, 'a', compute(1))).toBe(1);
		expect(await memo.get(engine, 1, 'a', compute(9))).toBe(1);
		expect(runs).toBe(1);
		expect(await memo.get(engine, 1, 'b', compute(2))).toBe(2);
		expect(runs).toBe(2);
	});
	it('forgets everything when the revision or the engine changes', async () => {
		const memo = new RevisionMemo<number>();
		await memo.get(engine, 1, 'a', () => Promise.resolve(1));
		expect(await memo.get(engine, 2, 'a', () => Promise.resolve(2))).toBe(2);
		expect(memo.size).toBe(1);
		expect(await memo.get({}, 2, 'a', () => Promise.resolve(3))).toBe(3);
		// Back to an earlier revision is not "the same data": computed again.
		expect(await memo.get(engine, 1, 'a', () => Promise.resolve(4))).toBe(4);
	});
	it('shares one query between callers asking at once', async () => {
		const memo = new RevisionMemo<number>();
		let runs = 0;
		let release!: (v: number) => void;
		const slow = () => (runs++, new Promise<number>((ok) => (release = ok)));
		const a = memo.get(engine, 1, 'k', slow);
		const b = memo.get(engine, 1, 'k', slow);
		release(5);
		expect(await Promise.all([a, b])).toEqual([5, 5]);
		expect(runs).toBe(1);
	});
	it('does not keep a failed query', async () => {
		const memo = new RevisionMemo<number>();
		await expect(memo.get(engine, 1, 'k', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
		expect(await memo.get(engine, 1, 'k', () => Promise.resolve(7))).toBe(7);
	});
	it('keeps at most max entries, dropping the least recently used', async () => {
		const memo = new RevisionMemo<string>(2);
		await memo.get(engine, 1, 'a', () => Promise.resolve('a'));
		await memo.get(engine, 1, 'b', () => Promise.resolve('b'));
		await memo.get(engine, 1, 'a', () => Promise.resolve('x')); // 'a' used again
		await memo.get(engine, 1, 'c', () => Promise.resolve('c')); // drops 'b'
		expect(await memo.get(engine, 1, 'a', () => Promise.resolve('x'))).toBe('a');
		expect(await memo.get(engine, 1, 'b', () => Promise.resolve('b2'))).toBe('b2');
	});
});

describe('filtersKey', () => {
	it('is the same for the same selection built in any field order, and differs otherwise', () => {
		const a = { ...DEFAULT_FILTERS, municipalities: ['RIGA_C', 'CESIS_N'], sex: 'F' as const };
		const b = { to: null, from: null, sex: 'F' as const, ageBand: null, region: null, municipalities: ['CESIS_N', 'RIGA_C'], cohort: 'child' as const };
		expect(filtersKey(a)).toBe(filtersKey(b));
		expect(filtersKey(a)).not.toBe(filtersKey({ ...a, sex: 'M' }));
		expect(filtersKey(a)).not.toBe(filtersKey({ ...a, cohort: 'adult' }));
		expect(filtersKey({ ...DEFAULT_FILTERS, from: '2025-01' })).not.toBe(filtersKey({ ...DEFAULT_FILTERS, to: '2025-01' }));
	});
});

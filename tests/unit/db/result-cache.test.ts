/** The saved-result key: built from the hashes computed here and each dataset's origin, never from a manifest's claims. */
import { describe, it, expect } from 'vitest';
import { clearResults, datasetFingerprint, readResult, writeResult } from '../../../src/lib/db/result-cache';
import { memoryLocalStorage } from '../../helpers/local-storage';
import { fullyVerified, type VerifiedContent } from '../../../src/lib/db/verify';

describe('datasetFingerprint (the saved-result key)', () => {
	const content = (origin: string, files: Record<string, string | [string, boolean]>): VerifiedContent => ({
		origin,
		files: Object.fromEntries(Object.entries(files).map(([p, v]) => [p, Array.isArray(v) ? { sha256: v[0], verified: v[1] } : { sha256: v, verified: true }]))
	});

	it('is the worked example', () => {
		expect(datasetFingerprint([content('https://x.lv', { 'a.parquet': 'ab' })])).toBe('https://x.lv#a.parquet:ab');
	});

	it('changes with any file’s computed hash and with the origin, not with the order of the files', () => {
		const a = datasetFingerprint([content('https://x.lv', { 'p.parquet': '1', 's.parquet': '2' })]);
		expect(datasetFingerprint([content('https://x.lv', { 's.parquet': '2', 'p.parquet': '1' })])).toBe(a);
		expect(datasetFingerprint([content('https://x.lv', { 'p.parquet': '1', 's.parquet': '3' })])).not.toBe(a);
		expect(datasetFingerprint([content('https://evil.example', { 'p.parquet': '1', 's.parquet': '2' })])).not.toBe(a);
		expect(datasetFingerprint([content('https://x.lv', { 'p.parquet': '1' }), content('https://y.lv', { 'd.duckdb': 'ff' })])).toBe(
			'https://x.lv#p.parquet:1|https://y.lv#d.duckdb:ff'
		);
	});

	it('is null unless every file of every dataset was verified', () => {
		expect(datasetFingerprint([content('https://x.lv', { 'p.parquet': '1', 's.parquet': ['2', false] })])).toBeNull();
		expect(datasetFingerprint([content('https://x.lv', {})])).toBeNull();
		expect(datasetFingerprint([undefined])).toBeNull();
		expect(datasetFingerprint([])).toBeNull();
		expect(fullyVerified(content('https://x.lv', { 'p.parquet': '1' }))).toBe(true);
	});
});


describe('saved results (localStorage)', () => {
	const { store, quota } = memoryLocalStorage();

	it('gives back what was saved under the same key only, and forgets on clear', async () => {
		store.clear();
		const value = [{ cohort: 'child', participants: 116, serviceCost: null, enrolledFrom: '2023-05-01' }];
		await writeResult('v|fp|overview.released', value);
		expect(await readResult('v|fp|overview.released')).toEqual(value);
		expect(await readResult('v|other|overview.released')).toBeUndefined();
		await clearResults();
		expect(await readResult('v|fp|overview.released')).toBeUndefined();
	});

	it('keeps the 50 newest entries, and a full storage keeps the newest it can', async () => {
		store.clear();
		const now = Date.now;
		try {
			for (let i = 0; i < 60; i++) {
				Date.now = () => 1_000 + i;
				await writeResult(`k${i}`, i);
			}
		} finally {
			Date.now = now;
		}
		expect(await readResult('k59')).toBe(59);
		expect(await readResult('k10')).toBe(10);
		expect(await readResult('k9')).toBeUndefined();
		quota.chars = 1_000; // ~50 entries do not fit; the newest half does
		try {
			await writeResult('k60', 60);
			expect(await readResult('k60')).toBe(60);
			expect(await readResult('k11')).toBeUndefined();
		} finally {
			quota.chars = Infinity;
		}
	});

	it('treats unreadable storage as nothing saved, and never throws', async () => {
		store.set('ib-outcomes.results', '{broken');
		expect(await readResult('k')).toBeUndefined();
		quota.chars = 0;
		try {
			await expect(writeResult('k', 1)).resolves.toBeUndefined();
		} finally {
			quota.chars = Infinity;
		}
	});
});

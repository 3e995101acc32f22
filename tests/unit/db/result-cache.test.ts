/** The saved-result key: built from the hashes computed here and each dataset's origin, never from a manifest's claims. */
import { describe, it, expect } from 'vitest';
import { datasetFingerprint } from '../../../src/lib/db/result-cache';
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


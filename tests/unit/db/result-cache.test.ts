import { describe, it, expect } from 'vitest';
import { datasetFingerprint } from '../../../src/lib/db/result-cache';
import type { DatasetManifest } from '../../../src/lib/db/manifest';

const files = (sha: Record<string, string | undefined>): DatasetManifest => ({
	name: 'x',
	tables: Object.fromEntries(Object.entries(sha).map(([t, s]) => [t, { path: `${t}.parquet`, format: 'parquet' as const, sha256: s }]))
});

describe('datasetFingerprint', () => {
	it('is the worked example', () => {
		expect(datasetFingerprint([files({ a: 'ab' })])).toBe('a:ab');
	});

	it('changes when any file changes, not with the order tables are listed in', () => {
		const a = datasetFingerprint([files({ p: '1', s: '2' })]);
		expect(datasetFingerprint([files({ s: '2', p: '1' })])).toBe(a);
		expect(datasetFingerprint([files({ p: '1', s: '3' })])).not.toBe(a);
	});

	it('uses the database file when there is one, and tells the selected datasets apart', () => {
		const db: DatasetManifest = { ...files({ p: '1' }), database: { path: 'd.duckdb', format: 'duckdb', tables: ['p'], sha256: 'ff' } };
		expect(datasetFingerprint([db])).toBe('db:ff');
		expect(datasetFingerprint([files({ p: '1' }), db])).toBe('p:1|db:ff');
	});

	it('is null when the data cannot be fingerprinted: a file without sha256, an upload, nothing selected', () => {
		expect(datasetFingerprint([files({ p: '1', s: undefined })])).toBeNull();
		expect(datasetFingerprint([{ name: 'upload', tables: {} }])).toBeNull();
		expect(datasetFingerprint([undefined])).toBeNull();
		expect(datasetFingerprint([])).toBeNull();
		const db: DatasetManifest = { ...files({ p: '1' }), database: { path: 'd.duckdb', format: 'duckdb', tables: ['p'] } };
		expect(datasetFingerprint([db])).toBeNull();
	});
});

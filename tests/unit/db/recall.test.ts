/** Files recalled as verified before (recall.ts): only the same URL, the same validators and the sha256 hashed then. */
import { describe, it, expect, beforeEach } from 'vitest';
import { forgetVerified, recallVerified, rememberVerified, validatorOf } from '../../../src/lib/db/recall';
import { memoryLocalStorage } from '../../helpers/local-storage';

const { store } = memoryLocalStorage();

const url = 'https://x.lv/data/dataset.duckdb';
const sha = 'ab'.repeat(32);

describe('recall of verified files', () => {
	beforeEach(() => store.clear());

	it('is the worked example, and a response without validators has none', () => {
		expect(validatorOf(new Headers({ etag: '"5-1"', 'content-length': '5' }))).toBe('"5-1"||5');
		expect(validatorOf(new Headers({ 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' }))).toBe('|Tue, 01 Dec 2026 10:00:00 GMT|');
		expect(validatorOf(new Headers({ 'content-length': '5' }))).toBeNull();
	});

	it('recalls a file only with its URL, its validators and the sha256 it hashed to', () => {
		const v = validatorOf(new Headers({ etag: '"5-1"', 'content-length': '5' }));
		expect(recallVerified(url, v, sha)).toBe(false); // never verified here
		rememberVerified(url, v, sha);
		expect(recallVerified(url, v, sha)).toBe(true);
		expect(recallVerified(url, v, sha.toUpperCase())).toBe(true); // a manifest's hex case does not matter
		expect(recallVerified(url, v, 'cd'.repeat(32))).toBe(false); // the manifest now claims other bytes
		expect(recallVerified(url, '"5-2"||5', sha)).toBe(false); // the server's file changed
		expect(recallVerified('https://y.lv/data/dataset.duckdb', v, sha)).toBe(false); // another origin
		expect(recallVerified(url, null, sha)).toBe(false);
		expect(recallVerified(url, v, undefined)).toBe(false); // a manifest without sha256
	});

	it('never remembers a response without validators, keeps the newest files, and forgets on request', () => {
		rememberVerified(url, null, sha);
		expect(store.size).toBe(0);
		for (let i = 0; i < 30; i++) rememberVerified(`${url}?${i}`, `"${i}"||1`, sha);
		const kept = JSON.parse(store.get('ib-outcomes.verified-files')!) as Record<string, unknown>;
		expect(Object.keys(kept).length).toBe(24);
		expect(recallVerified(`${url}?29`, '"29"||1', sha)).toBe(true);
		forgetVerified();
		expect(recallVerified(`${url}?29`, '"29"||1', sha)).toBe(false);
	});

	it('treats unreadable storage as nothing remembered', () => {
		store.set('ib-outcomes.verified-files', '{not json');
		expect(recallVerified(url, '"5-1"||5', sha)).toBe(false);
		rememberVerified(url, '"5-1"||5', sha);
		expect(recallVerified(url, '"5-1"||5', sha)).toBe(true);
	});
});

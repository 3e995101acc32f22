/**
 * Which `?data=` URLs load, ask or are refused; that a manifest's files stay
 * on its origin; the CSP check; sha256 verification; and what the header says of each source.
 */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { classifyDataUrl, cspAllowsConnect, fileUrlOf } from '../../../src/lib/db/source';
import { parseTrustedOrigins } from '../../../src/lib/config/trusted-origins';
import { IntegrityError, sha256Hex, verifyFile, type VerifiedContent } from '../../../src/lib/db/verify';
import { provenanceOf, isSiteOwn } from '../../../src/lib/db/provenance';

const PAGE = 'https://ib.example.lv/costs?x=1';

describe('classifyDataUrl', () => {
	it('loads same-origin and configured origins directly, asks for any other http(s) origin', () => {
		expect(classifyDataUrl('/data/manifest.json', PAGE, [])).toEqual({
			kind: 'load',
			url: 'https://ib.example.lv/data/manifest.json',
			origin: 'https://ib.example.lv',
			trust: 'same-origin'
		});
		expect(classifyDataUrl('https://dati.vm.gov.lv/m.json', PAGE, ['https://dati.vm.gov.lv'])).toMatchObject({ kind: 'load', trust: 'configured' });
		expect(classifyDataUrl('https://evil.example/m.json', PAGE, ['https://dati.vm.gov.lv'])).toMatchObject({
			kind: 'load',
			trust: 'ask',
			origin: 'https://evil.example'
		});
		// Another port or scheme is another origin.
		expect(classifyDataUrl('http://ib.example.lv/m.json', PAGE, [])).toMatchObject({ trust: 'ask' });
		expect(classifyDataUrl('https://ib.example.lv:8443/m.json', PAGE, [])).toMatchObject({ trust: 'ask' });
		expect(classifyDataUrl(null, PAGE, [])).toEqual({ kind: 'none' });
		expect(classifyDataUrl('  ', PAGE, [])).toEqual({ kind: 'none' });
	});

	it('refuses data:, blob: and every other scheme', () => {
		for (const [url, scheme] of [
			['data:application/json,{"name":"x","tables":{}}', 'data:'],
			['blob:https://ib.example.lv/1234-5678', 'blob:'],
			['file:///etc/passwd', 'file:'],
			['javascript:alert(1)', 'javascript:'],
			['ftp://x.lv/m.json', 'ftp:']
		]) {
			expect(classifyDataUrl(url, PAGE, [])).toMatchObject({ kind: 'refused', scheme });
		}
	});
});

describe('fileUrlOf', () => {
	it('resolves a manifest’s files relative to it and keeps them on its origin', () => {
		expect(fileUrlOf('https://x.lv/d/manifest.json', 'a.parquet')).toBe('https://x.lv/d/a.parquet');
		expect(fileUrlOf('https://x.lv/d/manifest.json', '../b/a.parquet')).toBe('https://x.lv/b/a.parquet');
		expect(() => fileUrlOf('https://x.lv/d/manifest.json', 'https://evil.example/a.parquet')).toThrow(/own origin/);
		expect(() => fileUrlOf('https://x.lv/d/manifest.json', '//evil.example/a.parquet')).toThrow(/own origin/);
		expect(() => fileUrlOf('https://x.lv/d/manifest.json', 'data:application/octet-stream,PAR1')).toThrow(/own origin/);
	});
});

describe('parseTrustedOrigins', () => {
	it('normalises the configured origins and fails on anything else', () => {
		expect(parseTrustedOrigins('https://a.lv/, http://b.lv:8080  https://a.lv/x')).toEqual(['https://a.lv', 'http://b.lv:8080']);
		expect(parseTrustedOrigins(undefined)).toEqual([]);
		expect(() => parseTrustedOrigins('a.lv')).toThrow(/not a URL/);
		expect(() => parseTrustedOrigins('ftp://a.lv')).toThrow(/only http/);
	});
});

describe('cspAllowsConnect', () => {
	const csp = "default-src 'self'; connect-src 'self' https://dati.vm.gov.lv; object-src 'none'";
	it('reads connect-src (else default-src) as the browser does', () => {
		expect(cspAllowsConnect(csp, 'https://dati.vm.gov.lv', 'https://ib.lv')).toBe(true);
		expect(cspAllowsConnect(csp, 'https://ib.lv', 'https://ib.lv')).toBe(true);
		expect(cspAllowsConnect(csp, 'https://evil.example', 'https://ib.lv')).toBe(false);
		expect(cspAllowsConnect("default-src 'self'", 'https://evil.example', 'https://ib.lv')).toBe(false);
		expect(cspAllowsConnect("connect-src https:", 'https://evil.example', 'https://ib.lv')).toBe(true);
		expect(cspAllowsConnect(null, 'https://evil.example', 'https://ib.lv')).toBe(true);
	});
});

describe('sha256 verification', () => {
	const bytes = new TextEncoder().encode('PAR1 some parquet bytes');
	const sha = createHash('sha256').update(bytes).digest('hex');

	it('computes the hash of bytes and of a Blob alike', async () => {
		expect(await sha256Hex(bytes)).toBe(sha);
		expect(await sha256Hex(new Blob([bytes]))).toBe(sha);
	});

	it('accepts a matching sha256 (any case), refuses a mismatch with a file-level error', async () => {
		expect(await verifyFile('a.parquet', sha.toUpperCase(), bytes)).toBe(sha);
		const tampered = new TextEncoder().encode('PAR1 some parquet bytes, ten-fold');
		const err = await verifyFile('a.parquet', sha, tampered).catch((e) => e);
		expect(err).toBeInstanceOf(IntegrityError);
		expect(err.message).toMatch(/^a\.parquet: sha256 does not match the manifest/);
		// Without a sha256 the file is hashed (and so may be described) but is not verified.
		expect(await verifyFile('a.parquet', undefined, bytes)).toBe(sha);
	});
});

describe('provenanceOf (the header)', () => {
	const verified: VerifiedContent = { origin: 'https://evil.example', files: { 'services.parquet': { sha256: 'ab', verified: true } } };
	const manifest = { name: 'Official national data', synthetic: true, tables: {} };

	it('describes another origin’s data by its origin; its name and "synthetic" are its claims, not the site’s labels', () => {
		const [p] = provenanceOf({
			source: { kind: 'url', url: 'https://evil.example/m.json', origin: 'https://evil.example', trust: 'ask' },
			layers: ['live'],
			manifests: { live: manifest },
			verified: { live: verified },
			liveFiles: []
		});
		expect(p).toMatchObject({ kind: 'url', origin: 'https://evil.example', manifestUrl: 'https://evil.example/m.json', trust: 'ask', claimsSynthetic: true });
		expect(isSiteOwn(p)).toBe(false);
	});

	it('names the pilot as the site’s own, a same-origin manifest as own, and files added on this computer by name', () => {
		const pilot = provenanceOf({ source: { kind: 'pilot', url: null }, layers: ['pilot'], manifests: {}, verified: {}, liveFiles: [] });
		expect(pilot).toEqual([{ kind: 'pilot', files: [] }]);
		expect(isSiteOwn(pilot[0])).toBe(true);
		const own = provenanceOf({
			source: { kind: 'url', url: 'https://ib.lv/d/m.json', origin: 'https://ib.lv', trust: 'same-origin' },
			layers: ['live'],
			manifests: { live: manifest },
			verified: { live: { ...verified, origin: 'https://ib.lv' } },
			liveFiles: []
		});
		expect(isSiteOwn(own[0])).toBe(true);
		const files = provenanceOf({
			source: { kind: 'pilot', url: null },
			layers: ['pilot', 'live'],
			manifests: { live: { name: 'upload', tables: {} } },
			verified: {},
			liveFiles: ['services 2024-03.csv', 'participants.xlsx']
		});
		expect(files[1]).toEqual({ kind: 'files', names: ['services 2024-03.csv', 'participants.xlsx'] });
		expect(isSiteOwn(files[1])).toBe(false);
	});
});

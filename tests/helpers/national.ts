/**
 * A small national-scale synthetic dataset (the same generator as
 * `npm run data:national`), written once per test run into a temporary
 * folder, for tests that need more than the pilot's ten municipalities.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
let made: string | null = null;

export function smallNationalDir(participants = 800): string {
	if (made && existsSync(join(made, 'manifest.json'))) return made;
	const out = join(mkdtempSync(join(tmpdir(), 'ib-national-')), `${participants}-1y`);
	// process.execPath is the Node the tests run on (22, pinned); the generator needs its type stripping.
	execFileSync(process.execPath, [join(ROOT, 'data/generators/national.ts'), '--participants', String(participants), '--years', '1', '--out', out], {
		cwd: ROOT,
		stdio: 'pipe'
	});
	return (made = out);
}

/**
 * The microdata scan of a published site (Node): every byte of every file is
 * searched for the dataset's participant ids, and files that hold rows
 * (Parquet, DuckDB, Arrow, CSV/XLSX of records) are refused by their
 * content, not their name. A published site must pass it before it leaves
 * the data owner's machine.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface ScanFinding {
	file: string;
	what: string;
}

const MAGIC: [string, (b: Buffer) => boolean][] = [
	['a Parquet file', (b) => b.subarray(0, 4).toString('latin1') === 'PAR1' || b.subarray(-4).toString('latin1') === 'PAR1'],
	['a DuckDB database file', (b) => b.subarray(8, 12).toString('latin1') === 'DUCK'],
	['an Arrow IPC file', (b) => b.subarray(0, 6).toString('latin1') === 'ARROW1'],
	['an XLSX/ZIP archive', (b) => b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004']
];

async function* files(dir: string): AsyncGenerator<string> {
	for (const e of await readdir(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) yield* files(p);
		else yield p;
	}
}

/** Findings (empty = the site passes). Ids are matched as whole tokens, so C001 does not match C0012. */
export async function scanPublished(dir: string, participantIds: readonly string[]): Promise<ScanFinding[]> {
	const out: ScanFinding[] = [];
	const ids = new Set(participantIds);
	// Every token that could be an id is looked up: runs of letters and digits (so "x-C001"
	// finds C001), and runs with _ and - too (ids may contain them).
	const tokens = [/[A-Za-z0-9]+/g, /[A-Za-z0-9_-]+/g];
	for await (const path of files(dir)) {
		const file = relative(dir, path);
		const bytes = await readFile(path);
		for (const [what, test] of MAGIC) if (bytes.length >= 12 && test(bytes)) out.push({ file, what });
		const text = bytes.toString('latin1');
		const seen = new Set<string>();
		for (const token of tokens) {
			for (const m of text.matchAll(token)) {
				if (seen.size >= 5) break;
				if (ids.has(m[0]) && !seen.has(m[0])) {
					seen.add(m[0]);
					out.push({ file, what: `participant id ${m[0]}` });
				}
			}
		}
	}
	return out;
}

/** Shared test helpers: fixture bytes, a context with the reference tables loaded, compact problem lists. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCsv, type CheckResult } from '../../../src/lib/live/check.ts';
import type { Problem } from '../../../src/lib/live/problems.ts';
import { addAccepted, createContext, type ValidationContext } from '../../../src/lib/live/validate.ts';

export const TODAY = '2024-06-30';
const dir = resolve(import.meta.dirname, '../../fixtures/live');

export function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(resolve(dir, name)));
}

/** Parents first, as the /data page would load them. */
export const REFERENCE_FILES = [
	'municipalities.csv',
	'programmes.csv',
	'plan_domains.csv',
	'service_catalogue.csv',
	'providers.csv',
	'participants.csv'
];

export async function referenceContext(files: readonly string[] = REFERENCE_FILES): Promise<ValidationContext> {
	const ctx = createContext();
	for (const f of files) {
		const r = await checkCsv(f, fixture(f), ctx, { today: TODAY });
		if (r.problems.length > 0 || !r.table) throw new Error(`${f}: ${JSON.stringify(r.problems)}`);
		addAccepted(ctx, r.table, r.accepted);
	}
	return ctx;
}

/** [code, row, column] triples, in report order. */
export const triples = (ps: readonly Problem[]) => ps.map((p) => [p.code, p.row, p.column] as const);

/** Every code seen by the tests of a file (for the distinct-fault count). */
export function codes(results: readonly (CheckResult | { problems: readonly Problem[] })[]): Set<string> {
	return new Set(results.flatMap((r) => r.problems.map((p) => p.code)));
}

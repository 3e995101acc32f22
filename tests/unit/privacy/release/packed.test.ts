import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatasetEngine, openPilotEngine, PILOT_DIR, type TestEngine } from '../../../helpers/engine';
import { smallNationalDir } from '../../../helpers/national';
import { computePackedPlans } from '../../../../data/plans';
import { checkSelection, familyPlan, familyRelease, providePackedPlans, selectionPlan, selectionRelease } from '../../../../src/lib/privacy/release/runtime';
import { filtersOfSelection } from '../../../../src/lib/privacy/release/space';
import { fnv, parsePackedPlans, RULES_VERSION, type PackedPlans } from '../../../../src/lib/privacy/release/packed';
import { FAMILIES } from '../../../../src/lib/outcomes/families';
import type { Cohort } from '../../../../src/lib/filters/filters';

const COHORTS: Cohort[] = ['child', 'adult'];
const FP = 'test-fingerprint';

/** The packed plans, through their file form (JSON), offered for `revision` of `db`. */
async function packAndOffer(db: TestEngine, revision = 1): Promise<PackedPlans> {
	const packed = parsePackedPlans(JSON.parse(JSON.stringify(await computePackedPlans(db.engine, FP))));
	providePackedPlans(db.engine, revision, FP, Promise.resolve(packed));
	return packed;
}

/** Every selection and every family cell of the packed plans equals the computed plan's. */
async function expectSameAsComputed(db: TestEngine) {
	for (const cohort of COHORTS) {
		const computed = await selectionPlan(db.engine, cohort, 1);
		const read = await selectionRelease(db.engine, cohort, 1);
		expect(read).not.toBe(computed); // the packed one, not a fallback
		expect([...read.space.byKey.keys()]).toEqual(computed.space.selections.map((s) => s.key));
		expect(read.space.periods).toEqual(computed.space.periods);
		expect(read.space.places).toEqual(computed.space.places);
		computed.space.selections.forEach((s, i) => {
			const c = computed.cells[i];
			expect(read.cells[i].reason, s.key).toBe(c.reason);
			// People are kept where shown or empty, not where hidden.
			expect(read.cells[i].n, s.key).toBe(c.reason === null || c.n === 0 ? c.n : null);
			const f = filtersOfSelection(cohort, s);
			expect(checkSelection(read, f), s.key).toEqual(checkSelection(computed, f));
		});
		for (const source of FAMILIES[cohort]) {
			const fp = await familyPlan(db.engine, cohort, source, 1);
			const rp = await familyRelease(db.engine, cohort, source, 1);
			expect(rp, source.id).not.toBe(fp);
			for (const cell of fp.cells) expect(rp.cell(cell.selection, cell.row)?.reason, `${source.id} ${cell.selection} ${cell.row}`).toBe(cell.reason);
			expect(rp.cell('all|all|all|all', 'no such row')).toBeUndefined();
		}
	}
}

describe.each([
	['pilot', () => PILOT_DIR],
	['small national', () => smallNationalDir()]
])('packed release plans (%s)', (_name, dir) => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openDatasetEngine(dir());
		await packAndOffer(db);
	}, 300_000);
	afterAll(() => db?.close());

	it('are exactly the plans computed from the data', async () => {
		await expectSameAsComputed(db);
	}, 300_000);

	it('are not used for another revision of the data (a live upload): those plans are computed', async () => {
		for (const cohort of COHORTS) {
			expect(await selectionRelease(db.engine, cohort, 2)).toBe(await selectionPlan(db.engine, cohort, 2));
			expect(await familyRelease(db.engine, cohort, FAMILIES[cohort][0], 2)).toBe(await familyPlan(db.engine, cohort, FAMILIES[cohort][0], 2));
		}
	}, 300_000);
});

describe('packed release plans are refused when they do not fit', () => {
	let db: TestEngine;
	let packed: PackedPlans;
	beforeAll(async () => {
		db = await openPilotEngine();
		packed = await packAndOffer(db);
	}, 300_000);
	afterAll(() => db?.close());

	it('of other data (fingerprint), other rules, or a file that fails to load', async () => {
		const offers: [number, Promise<PackedPlans>, string][] = [
			[3, Promise.resolve(packed), 'another fingerprint'],
			[4, Promise.resolve({ ...packed, rules: 'r0-old' }), FP],
			[5, Promise.resolve({ ...packed, min: packed.min + 1 }), FP],
			[6, Promise.reject(new Error('HTTP 404')), FP]
		];
		for (const [revision, plans, fingerprint] of offers) {
			providePackedPlans(db.engine, revision, fingerprint, plans);
			expect(await selectionRelease(db.engine, 'child', revision)).toBe(await selectionPlan(db.engine, 'child', revision));
		}
	});

	it('for a family whose definition changed (its signature): that family is computed', async () => {
		providePackedPlans(db.engine, 7, FP, Promise.resolve(packed));
		const source = FAMILIES.child.find((s) => s.id === 'costs')!;
		const changed = { ...source, hideZeros: !source.hideZeros };
		expect(await familyRelease(db.engine, 'child', changed, 7)).toBe(await familyPlan(db.engine, 'child', changed, 7));
		expect(await familyRelease(db.engine, 'child', source, 7)).not.toBe(await familyPlan(db.engine, 'child', source, 7));
	});
});

// The files whose code decides what a plan hides: a change there makes old plan files wrong.
const RULE_FILES = [
	'src/lib/privacy/release/protect.ts',
	'src/lib/privacy/release/plan.ts',
	'src/lib/privacy/release/space.ts',
	'src/lib/privacy/release/bitset.ts',
	'src/lib/privacy/release/rules.ts',
	'src/lib/privacy/release/published.ts',
	'src/lib/privacy/release/runtime.ts',
	'src/lib/query/people.ts',
	'src/lib/query/selection.ts',
	'src/lib/filters/filters.ts'
];

it('RULES_VERSION changes whenever the rules that make plans change', () => {
	const root = resolve(import.meta.dirname, '../../../..');
	const hash = fnv(RULE_FILES.map((f) => readFileSync(resolve(root, f), 'utf8')).join('\u0000'));
	// On a deliberate change of the rules: set RULES_VERSION in packed.ts to the new value (and re-run data:plans).
	expect(RULES_VERSION, `the release rules changed: set RULES_VERSION to 'r1-${hash}'`).toBe(`r1-${hash}`);
});

/**
 * Release plans packed beside a dataset (`npm run data:plans`, a sidecar file
 * the manifest lists as `releasePlans` with its sha256): the plans the
 * runtime would compute from these very data, so the workbench shows figures
 * without building them on the page (nationally 1–9 s per table family and
 * cohort, one long main-thread task each). Only what a view asks of a plan is
 * kept: per selection whether it is shown (and its people where shown), per
 * family cell why it is hidden. A packed plan is used only for the data it
 * was made from (the manifest's fingerprint), the same rules (RULES_VERSION)
 * and the same family definitions (signature); anything else is computed.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import type { HiddenReason } from './protect.ts';
import type { Period, PlaceEntry } from './space.ts';

/**
 * Version of the rules that make plans (protect, plan, space, rules,
 * published, the contributor mapping in runtime). A test hashes those files
 * and fails when they change without this changing too, so an old plan file
 * is never read as if the new rules had made it.
 */
export const RULES_VERSION = 'r1-0374fc18';
export const PACKED_FORMAT = 1;

/** A family as the runtime declares it, reduced to what its plan depends on besides the data. */
export interface FamilyShape {
	id: string;
	contributors: { text: string };
	hideZeros?: boolean;
	periodAdditive?: boolean;
	tableConstraints?: (rows: readonly string[]) => readonly { total: string; parts: readonly string[] }[];
	publishedRows?: (cohort: Cohort, rows: readonly string[]) => readonly string[];
}

/** What the selection check and the views read of a selection plan (a computed plan has it too). */
export interface SelectionRelease {
	space: { cohort: Cohort; periods: readonly Period[]; places: readonly PlaceEntry[]; byKey: ReadonlyMap<string, number> };
	/** Per selection: its people where shown or empty (0); null where hidden (not kept). */
	cells: readonly { n: number | null; reason: HiddenReason | null }[];
}

/** What the release step reads of a family plan (a computed plan has it too). */
export interface FamilyRelease {
	family: string;
	cell(selection: string, row: string): { n?: number; reason: HiddenReason | null } | undefined;
}

export interface PackedFamily {
	signature: string;
	rows: string[];
	/** One code per cell, selections (space order) × rows: see CODES. */
	reasons: string;
}

export interface PackedCohort {
	periods: Period[];
	places: PlaceEntry[];
	/** Selection keys in space order. */
	keys: string[];
	/** People per selection where shown or empty, null where hidden. */
	n: (number | null)[];
	reasons: string;
	families: Record<string, PackedFamily>;
}

export interface PackedPlans {
	format: number;
	rules: string;
	/** contentFingerprint of the files the plans were made from (data/plans.ts manifestFingerprint). */
	fingerprint: string;
	min: number;
	cohorts: Partial<Record<Cohort, PackedCohort>>;
}

const CODES: Record<string, HiddenReason | null> = { '.': null, x: 'selection', p: 'primary', s: 'secondary' };
const code = (r: HiddenReason | null): string => (r === null ? '.' : r === 'selection' ? 'x' : r === 'primary' ? 'p' : 's');

/** FNV-1a, 32 bit, hex: a stable short hash that Node and the browser compute alike. */
export function fnv(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/** Everything a family's plan rests on except the data: its query, rows, constraints and flags. */
export function familySignature(source: FamilyShape, cohort: Cohort, rows: readonly string[]): string {
	return fnv(
		JSON.stringify([source.id, source.contributors.text, !!source.hideZeros, !!source.periodAdditive, rows, source.tableConstraints?.(rows) ?? null, source.publishedRows?.(cohort, rows) ?? null])
	);
}

/** A computed selection plan in packed form. */
export function packSelections(plan: SelectionRelease & { space: { selections: readonly { key: string }[] } }): Omit<PackedCohort, 'families'> {
	return {
		periods: plan.space.periods.map((p) => ({ ...p })),
		places: plan.space.places.map((p) => ({ place: { ...p.place }, region: p.region })),
		keys: plan.space.selections.map((s) => s.key),
		n: plan.cells.map((c) => (c.reason === null || c.n === 0 ? c.n : null)),
		reasons: plan.cells.map((c) => code(c.reason)).join('')
	};
}

/** A computed family plan in packed form (`keys`: the selection keys in space order). */
export function packFamily(plan: FamilyRelease, keys: readonly string[], rows: readonly string[], signature: string): PackedFamily {
	let reasons = '';
	for (const k of keys) {
		for (const r of rows) {
			const c = plan.cell(k, r);
			// A cell the plan does not know is not released (as context.ts reads it).
			reasons += code(c ? c.reason : 'primary');
		}
	}
	return { signature, rows: [...rows], reasons };
}

export function unpackSelections(c: PackedCohort, cohort: Cohort): SelectionRelease {
	if (c.reasons.length !== c.keys.length || c.n.length !== c.keys.length) throw new Error('packed plans: selection lengths differ');
	const cells = c.keys.map((_, i) => {
		const reason = CODES[c.reasons[i]];
		if (reason === undefined) throw new Error(`packed plans: unknown code ${c.reasons[i]}`);
		return { n: c.n[i], reason };
	});
	return { space: { cohort, periods: c.periods, places: c.places, byKey: new Map(c.keys.map((k, i) => [k, i])) }, cells };
}

export function unpackFamily(id: string, c: PackedCohort, f: PackedFamily): FamilyRelease {
	const R = f.rows.length;
	if (f.reasons.length !== c.keys.length * R) throw new Error(`packed plans: ${id} has ${f.reasons.length} cells, expected ${c.keys.length * R}`);
	const byKey = new Map(c.keys.map((k, i) => [k, i]));
	const rowIndex = new Map(f.rows.map((r, i) => [r, i]));
	return {
		family: id,
		cell: (selection, row) => {
			const si = byKey.get(selection);
			const ri = rowIndex.get(row);
			if (si === undefined || ri === undefined) return undefined;
			const reason = CODES[f.reasons[si * R + ri]];
			if (reason === undefined) throw new Error(`packed plans: unknown code in ${id}`);
			return { reason };
		}
	};
}

/** Checks the shape of a parsed plan file; throws on anything unexpected. */
export function parsePackedPlans(json: unknown): PackedPlans {
	const p = json as Partial<PackedPlans>;
	if (typeof p !== 'object' || p === null || p.format !== PACKED_FORMAT) throw new Error('packed plans: unknown format');
	if (typeof p.rules !== 'string' || typeof p.fingerprint !== 'string' || typeof p.min !== 'number' || typeof p.cohorts !== 'object' || p.cohorts === null) {
		throw new Error('packed plans: missing fields');
	}
	return p as PackedPlans;
}

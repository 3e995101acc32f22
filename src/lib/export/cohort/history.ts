/**
 * The selections exported earlier in this browser session, so the page can
 * warn when a new export overlaps one: two exports of overlapping selections
 * can be matched on their values and subtracted. Only the filters and a
 * fingerprint of the settings are kept (sessionStorage, gone with the tab),
 * never data, participant ids or keys; which participants overlap is worked
 * out again from the dataset each time.
 */
import type { Filters } from '#lib/filters/filters.ts';
import type { ExportSettings } from './settings.ts';

const STORAGE_KEY = 'ib-outcomes.export.selections';

export interface ExportedSelection {
	filters: Filters;
	/** settingsFingerprint of the export. */
	settings: string;
}

export interface Overlap {
	filters: Filters;
	/** Participants in both selections. */
	shared: number;
	/** Same anonymisation settings: the same classes, so subtracting isolates nobody. */
	sameSettings: boolean;
}

// Without sessionStorage (Node, private modes that refuse it) the list lives in memory.
let memory: ExportedSelection[] = [];

function storage(): Storage | null {
	try {
		return typeof sessionStorage === 'undefined' ? null : sessionStorage;
	} catch {
		return null;
	}
}

/** The settings that decide the released values (all but the filters), as a string to compare. */
export function settingsFingerprint(s: ExportSettings): string {
	const { filters: _f, ...rest } = s;
	return JSON.stringify(rest);
}

export function earlierSelections(): ExportedSelection[] {
	const st = storage();
	if (!st) return memory;
	try {
		const v = JSON.parse(st.getItem(STORAGE_KEY) ?? '[]');
		return Array.isArray(v) ? v : [];
	} catch {
		return [];
	}
}

/** Remember that a selection was exported (once per selection and settings). */
export function rememberSelection(entry: ExportedSelection): void {
	const list = earlierSelections().filter((e) => !(JSON.stringify(e.filters) === JSON.stringify(entry.filters) && e.settings === entry.settings));
	list.push(entry);
	const st = storage();
	if (st) st.setItem(STORAGE_KEY, JSON.stringify(list));
	else memory = list;
}

export function forgetSelections(): void {
	storage()?.removeItem(STORAGE_KEY);
	memory = [];
}

/**
 * Earlier exports of the same cohort whose selection shares participants with
 * this one. The very same selection with the very same settings is not an
 * overlap: it releases the same records with the same values again.
 * `idsOf` reads a selection's participant ids from the dataset.
 */
export async function findOverlaps(
	current: { filters: Filters; settings: string; ids: readonly string[] },
	earlier: readonly ExportedSelection[],
	idsOf: (f: Filters) => Promise<string[]>
): Promise<Overlap[]> {
	const mine = new Set(current.ids);
	const out: Overlap[] = [];
	for (const e of earlier) {
		if (e.filters.cohort !== current.filters.cohort) continue;
		const sameSettings = e.settings === current.settings;
		if (sameSettings && JSON.stringify(e.filters) === JSON.stringify(current.filters)) continue;
		const shared = (await idsOf(e.filters)).filter((id) => mine.has(id)).length;
		if (shared > 0) out.push({ filters: e.filters, shared, sameSettings });
	}
	return out;
}

/**
 * A selection as the values of the filters that narrow it (language-neutral,
 * like the filter bar's chips); '' for the whole cohort.
 * @example describeSelection({ ...DEFAULT_FILTERS, sex: 'F', region: 'Rīga' }) // → 'Rīga · F'
 */
export function describeSelection(f: Filters): string {
	const parts: string[] = [];
	if (f.municipalities.length) parts.push(f.municipalities.join(' + '));
	if (f.region) parts.push(f.region);
	if (f.sex) parts.push(f.sex);
	if (f.ageBand) parts.push(f.ageBand);
	if (f.from || f.to) parts.push(`${f.from ?? '…'}–${f.to ?? '…'}`);
	return parts.join(' · ');
}

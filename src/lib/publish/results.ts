/**
 * The published site's data: only what the release path released, written by
 * `npm run publish` (scripts/publish.ts) and read by the same views (pure
 * types and lookups; no microdata, no participant ids, no exact dates).
 *
 *   results/release.json            which data, when released, by which version
 *   results/space-<cohort>.json     the selections that may be shown (and why others not),
 *                                   the places and preset periods of the filter bar
 *   results/<view>-<cohort>.json    per shown selection, the view's released value
 */
import type { Cohort, Filters } from '#lib/filters/filters.ts';
import type { Period, PlaceEntry } from '#lib/privacy/release/space.ts';
import { selectionOfFilters } from '#lib/privacy/release/space.ts';
import type { Blocked } from '#lib/privacy/release/runtime.ts';

export interface ReleaseInfo {
	/** The dataset's names (from its manifest) and whether it is synthetic. */
	dataset: string;
	dataset_lv: string | null;
	synthetic: boolean;
	/** ISO date of the release. */
	releasedOn: string;
	version: string;
}

export interface PublishedPlace extends PlaceEntry {
	name_lv: string | null;
	name_en: string | null;
}

export interface PublishedSpace {
	cohort: Cohort;
	periods: Period[];
	places: PublishedPlace[];
	/** Shown selections with their people; hidden ones with the reason only. */
	selections: Record<string, { ok: true; n: number } | { ok: false; reason: 'hidden' | 'empty' }>;
}

export interface PublishedView<R = unknown> {
	view: string;
	cohort: Cohort;
	results: Record<string, R>;
}

/** The selection check of the published site: the same answer the workbench's plan gave at publish time. */
export function checkPublished(space: PublishedSpace, f: Filters): { ok: true; key: string; n: number } | Blocked {
	const s = selectionOfFilters(space, f);
	if ('outside' in s) return { ok: false, reason: 'outside', detail: s.outside };
	const sel = space.selections[s.key];
	if (!sel) return { ok: false, reason: 'empty', key: s.key };
	if (!sel.ok) return { ok: false, reason: sel.reason, key: s.key };
	return { ok: true, key: s.key, n: sel.n };
}

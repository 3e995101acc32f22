/**
 * The published site reads its figures here: released results fetched once
 * per view and cohort (every shown selection in one small file), so a filter
 * change is a lookup in memory. The workbench never calls this.
 */
import { resolve } from '$app/paths';
import { forCohort, type Cohort, type Filters } from '#lib/filters/filters.ts';
import type { Blocked } from '#lib/privacy/release/runtime.ts';
import { checkPublished, type PublishedSpace, type PublishedView, type ReleaseInfo } from './results.ts';

const cache = new Map<string, Promise<unknown>>();

function fetchJson<T>(name: string): Promise<T> {
	let p = cache.get(name) as Promise<T> | undefined;
	if (!p) {
		// resolve('/') is the site's root, also under a sub-path (BASE_PATH).
		p = fetch(`${resolve('/')}results/${name}.json`).then((r) => {
			if (!r.ok) throw new Error(`results/${name}.json: HTTP ${r.status}`);
			return r.json() as Promise<T>;
		});
		p.catch(() => cache.delete(name));
		cache.set(name, p);
	}
	return p;
}

export const publishedSpace = (cohort: Cohort) => fetchJson<PublishedSpace>(`space-${cohort}`);
export const releaseInfo = () => fetchJson<ReleaseInfo>('release');

/** A view's released value for the filters, or why the selection is not shown. */
export async function publishedResult<R>(view: string, f: Filters): Promise<{ value: R } | { blocked: Blocked }> {
	const check = checkPublished(await publishedSpace(f.cohort), f);
	if (!check.ok) return { blocked: check };
	const file = await fetchJson<PublishedView<R>>(`${view}-${f.cohort}`);
	const value = file.results[check.key];
	if (value === undefined) throw new Error(`results/${view}-${f.cohort}.json has no selection ${check.key}`);
	return { value };
}

/** The published site's selection gate: the same answers the plan gave at publish time. */
export async function publishedGate(f: Filters, cohorts: readonly Cohort[]) {
	let first = null;
	for (const cohort of cohorts) {
		const check = checkPublished(await publishedSpace(cohort), forCohort(f, cohort));
		if (!check.ok) return { ...check, cohort };
		first ??= { ...check, cohort };
	}
	if (!first) throw new Error('publishedGate: no cohort');
	return first;
}

/** Filter-bar choices of the published site: the places and periods of the space. */
export async function publishedFilterOptions(cohort: Cohort) {
	const space = await publishedSpace(cohort);
	const municipalities = space.places
		.filter((p) => p.place.level === 'municipality')
		.map((p) => ({ code: p.place.code as string, name_lv: p.name_lv ?? '', name_en: p.name_en ?? '', region: p.region ?? '' }));
	return { municipalities, periods: space.periods };
}

/** Filters in the current URL, reactive; changing them navigates (so Back works). */
import { page } from '$app/state';
import { goto } from '$app/navigation';
import { filtersFromParams, filtersToParams, type Filters } from './filters';

export function currentFilters(): Filters {
	return filtersFromParams(new URLSearchParams(page.url.search));
}

export function setFilters(next: Filters): Promise<void> {
	const params = filtersToParams(next, new URLSearchParams(page.url.search));
	const qs = params.toString();
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same path, new query
	return goto(`${page.url.pathname}${qs ? `?${qs}` : ''}`, { reset: false });
}

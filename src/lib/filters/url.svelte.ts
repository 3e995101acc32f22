/**
 * The URL as the one place view state lives: filters and a view's own
 * settings (sort order, threshold) are read from it, and every change is
 * written through `navigate` (so Back works and links can be shared).
 */
import { page } from '$app/state';
import { goto } from '$app/navigation';
import { building } from '$app/env';
import { filtersFromParams, filtersToParams, type Filters } from './filters';

// Prerendering has no query string (SvelteKit refuses to read it): pages are built for the defaults.
const search = () => (building ? '' : page.url.search);

export function currentFilters(): Filters {
	return filtersFromParams(new URLSearchParams(search()));
}

/** The current search params (a copy to change and pass to `navigate`). */
export function currentParams(): URLSearchParams {
	return new URLSearchParams(search());
}

/** Go to the same path with new search params; `replace` keeps Back from bouncing. */
export function navigate(params: URLSearchParams, options: { replace?: boolean } = {}): Promise<void> {
	const qs = params.toString();
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same path, new query
	return goto(`${page.url.pathname}${qs ? `?${qs}` : ''}`, { reset: false, replace: options.replace ?? false });
}

/** Set one search param (null removes it). */
export function setParam(key: string, value: string | null, options: { replace?: boolean } = {}): Promise<void> {
	const params = currentParams();
	if (value === null) params.delete(key);
	else params.set(key, value);
	return navigate(params, options);
}

export function setFilters(next: Filters, options: { replace?: boolean } = {}): Promise<void> {
	return navigate(filtersToParams(next, currentParams()), options);
}

// At build time (prerendering) every page gets the whole cohorts' released
// results, so its figures are in the HTML before any wasm is fetched.
import { building } from '$app/env';
import { buildData } from '#lib/server/initial.ts';

export async function load() {
	return building ? await buildData() : { initial: {}, release: null };
}

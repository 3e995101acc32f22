// Only `entries` (no server load): the pages of the bundled (or published) data's municipalities
// are prerendered, and a client-side visit to any other code (live data) needs no server data.
import { municipalityCodes } from '#lib/server/municipalities.ts';

export async function entries(): Promise<{ code: string }[]> {
	return (await municipalityCodes()).map((code) => ({ code }));
}

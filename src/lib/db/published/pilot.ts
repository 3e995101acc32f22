/** Published build: no bundled microdata (see refuse.ts). */
import type { DatasetManifest } from '../manifest.ts';
import { PublishedSiteError } from './refuse.ts';

export const PILOT_MANIFEST: DatasetManifest = { name: 'published results', tables: {} };

export function pilotFileUrl(path: string): string {
	throw new PublishedSiteError(`the data file ${path}`);
}

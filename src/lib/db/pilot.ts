/**
 * The bundled synthetic pilot dataset. Vite emits each Parquet file as a
 * content-hashed asset, so the files are self-hosted and cache forever.
 */
import manifestJson from '../../../data/pilot/manifest.json';
import { parseManifest, type DatasetManifest } from './manifest';

const urls = import.meta.glob('../../../data/pilot/*.parquet', {
	query: '?url',
	import: 'default',
	eager: true
}) as Record<string, string>;

export const PILOT_MANIFEST: DatasetManifest = parseManifest(structuredClone(manifestJson));

/** Resolve a manifest path (relative to data/pilot/) to the emitted asset URL. */
export function pilotFileUrl(path: string): string {
	const url = urls[`../../../data/pilot/${path}`];
	if (!url) throw new Error(`Pilot file not bundled: ${path}`);
	return url;
}

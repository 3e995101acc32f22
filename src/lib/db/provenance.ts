/**
 * Where each dataset the views use came from, for the header: the bundled
 * pilot, a manifest URL (its origin, manifest, and how far it is trusted), or
 * files added on this computer; and each file's sha256 as verified here. A
 * dataset from another origin is described by its origin, never with the
 * site's own labels: its manifest's name and "synthetic" are its claims.
 */
import type { DataSource } from './state.svelte.ts';
import type { DatasetManifest } from './manifest.ts';
import type { Layer } from './layers.ts';
import type { SourceTrust } from './source.ts';
import type { VerifiedContent } from './verify.ts';

export interface ProvenanceFile {
	path: string;
	/** As computed here (null when the file is not loaded from a manifest). */
	sha256: string | null;
	/** The manifest gave a sha256 and the file matched it. */
	verified: boolean;
}

export type Provenance =
	| { kind: 'pilot'; files: ProvenanceFile[] }
	| {
			kind: 'url';
			origin: string;
			manifestUrl: string;
			trust: SourceTrust;
			/** The manifest's own name and its claim to be synthetic (the site's words only when trust is 'same-origin'). */
			name: string;
			nameLv: string | null;
			claimsSynthetic: boolean;
			files: ProvenanceFile[];
	  }
	| { kind: 'files'; names: string[] };

export interface ProvenanceState {
	source: DataSource;
	layers: readonly Layer[];
	manifests: Partial<Record<Layer, DatasetManifest>>;
	verified: Partial<Record<Layer, VerifiedContent>>;
	liveFiles: readonly string[];
}

function filesOf(c: VerifiedContent | undefined): ProvenanceFile[] {
	return Object.entries(c?.files ?? {}).map(([path, f]) => ({ path, sha256: f.sha256, verified: f.verified }));
}

/** One entry per source of the layers in use (the live layer may hold a manifest's data and added files). */
export function provenanceOf(s: ProvenanceState): Provenance[] {
	const out: Provenance[] = [];
	for (const layer of s.layers) {
		if (layer === 'pilot') {
			out.push({ kind: 'pilot', files: filesOf(s.verified.pilot) });
			continue;
		}
		const m = s.manifests.live;
		if (s.source.kind === 'url' && s.source.url && s.verified.live && m) {
			out.push({
				kind: 'url',
				origin: s.source.origin ?? new URL(s.source.url).origin,
				manifestUrl: s.source.url,
				trust: s.source.trust ?? 'ask',
				name: m.name,
				nameLv: m.name_lv ?? null,
				claimsSynthetic: m.synthetic === true,
				files: filesOf(s.verified.live)
			});
		}
		if (s.liveFiles.length > 0 || !(s.source.kind === 'url' && s.verified.live)) out.push({ kind: 'files', names: [...s.liveFiles] });
	}
	return out;
}

/** The site may show its own labels (e.g. "synthetic data") only for its own data: the pilot or a manifest on its own origin. */
export function isSiteOwn(p: Provenance): boolean {
	return p.kind === 'pilot' || (p.kind === 'url' && p.trust === 'same-origin');
}

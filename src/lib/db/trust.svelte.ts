/**
 * The rules a `?data=` manifest URL must pass before anything is fetched
 * (source.ts): refused schemes fail with a clear message, an origin that is
 * neither the site's nor configured waits for the user's "load" in the
 * consent dialog (ui/DataConsent.svelte).
 */
import { dataset, type DataSource } from './state.svelte.ts';
import { classifyDataUrl, cspAllowsConnect, fileUrlOf } from './source.ts';
import { trustedOrigins } from '#lib/config/trusted-origins.ts';
import { t } from '#lib/i18n/index.svelte.ts';
import { IntegrityError, verifyFile } from './verify.ts';

/** The user declined to load data from an origin. */
export class ConsentRefused extends Error {
	constructor(readonly origin: string) {
		super(t('trust.consentCancelled', { origin }));
		this.name = 'ConsentRefused';
	}
}

/** The source of a manifest URL (`?data=` or typed on /data), or an error naming why it is refused. */
export function dataSourceOf(raw: string | null, pageHref: string): DataSource {
	const v = classifyDataUrl(raw, pageHref, trustedOrigins());
	if (v.kind === 'none') return { kind: 'pilot', url: null };
	if (v.kind === 'refused') throw new Error(t('trust.refusedScheme', { scheme: v.scheme }));
	return { kind: 'url', url: v.url, origin: v.origin, trust: v.trust };
}

let answer: ((load: boolean) => void) | null = null;

/** The user's answer in the dialog. */
export function answerConsent(load: boolean): void {
	dataset.consent = null;
	const a = answer;
	answer = null;
	a?.(load);
}

/** Resolves when the source may be fetched; rejects (ConsentRefused) when the user cancels. */
export async function admitSource(source: DataSource): Promise<void> {
	if (source.kind !== 'url' || source.trust !== 'ask') return;
	answer?.(false); // an earlier question still open is cancelled by a new one
	const load = await new Promise<boolean>((resolve) => {
		answer = resolve;
		dataset.consent = { origin: source.origin!, url: source.url! };
	});
	if (!load) throw new ConsentRefused(source.origin!);
	// The static policy lists only configured origins: say so rather than let the fetch fail as a network error.
	const csp = document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? null;
	if (!cspAllowsConnect(csp, source.origin!, location.origin)) throw new Error(t('trust.blockedByPolicy', { origin: source.origin! }));
}

/** verifyFile (verify.ts) with the mismatch told in the UI language. */
export async function verifyDownloaded(path: string, sha256: string | undefined, data: Uint8Array | Blob): Promise<string> {
	try {
		return await verifyFile(path, sha256, data);
	} catch (e) {
		if (!(e instanceof IntegrityError)) throw e;
		throw new Error(t('trust.shaMismatch', { path, expected: e.expected.slice(0, 12), actual: e.actual.slice(0, 12) }));
	}
}

/** fileUrlOf (source.ts) with the refusal told in the UI language. */
export function manifestFileUrl(manifestUrl: string, path: string): string {
	try {
		return fileUrlOf(manifestUrl, path);
	} catch {
		throw new Error(t('trust.fileOtherOrigin', { path, origin: new URL(manifestUrl).origin }));
	}
}

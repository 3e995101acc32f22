/**
 * The published site's stand-ins for the workbench's engine, Parquet decoder
 * and bundled microdata (vite.config.ts swaps them in when VITE_IB_MODE is
 * 'published'): they hold nothing and refuse, so the published build ships
 * neither the 34 MB engine nor a single row, whatever imports them.
 */
export class PublishedSiteError extends Error {
	constructor(what: string) {
		super(`The published site holds released results only: ${what} is not part of it.`);
	}
}

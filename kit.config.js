// Kit config (adapter, paths), handed to the SvelteKit Vite plugin by vite.config.ts.
// Not named svelte.config.js: SvelteKit 3 refuses to build while a file of that
// name stands at the top level ("`svelte.config.js` is no longer used").
import adapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseTrustedOrigins } from './src/lib/config/trusted-origins.ts';

const buildDir = process.env.BUILD_DIR ?? 'build';

/** @type {import("@sveltejs/kit/vite").Config} */
export const kit = {
	// Static files only: the site runs from any static host, also from a sub-path
	// (set BASE_PATH=/sub/path at build time); relative asset paths keep it portable.
	// BUILD_DIR / KIT_OUT_DIR let parallel builds (e.g. two developers' test runs) not collide.
	adapter: adapter({ pages: buildDir, assets: buildDir, strict: true }),
	outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
	paths: { base: /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? ''), relative: true },
	csp: { mode: 'hash', directives: contentSecurityPolicy() }
};

/**
 * The Content-Security-Policy of every page (a <meta http-equiv> in the static
 * output, so `frame-ancestors` and reporting cannot be set here: a host that
 * can send headers should add `frame-ancestors 'none'`). SvelteKit adds the
 * hashes of its own inline start-up script; app.html's inline script is hashed
 * here. Why each source is there:
 * - script-src 'wasm-unsafe-eval': DuckDB-WASM and parquet-wasm compile WebAssembly.
 * - worker-src 'self': every worker is a self-hosted file (the DuckDB worker
 *   db/duckdb-worker.ts, which receives the engine the page compiled; the live-file checker).
 * - connect-src: the site and the configured data origins only (config/trusted-origins.ts);
 *   a `?data=` origin the user agrees to but that is not configured is refused
 *   with that reason (db/trust.svelte.ts), since a static policy cannot grow at run time.
 * - style-src 'unsafe-inline': Svelte renders style="" attributes and Observable Plot
 *   writes them on its SVG; inline styles cannot run code.
 * - img-src data: blob:: a chart's PNG download draws its SVG through an image.
 */
function contentSecurityPolicy() {
	const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
	const inlineScripts = [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
		(m) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(m[1]).digest('base64')}`)
	);
	const origins = /** @type {`https://${string}`[]} */ (parseTrustedOrigins(process.env.VITE_IB_TRUSTED_ORIGINS));
	return /** @type {NonNullable<NonNullable<import('@sveltejs/kit/vite').Config['csp']>['directives']>} */ ({
		'default-src': ['self'],
		'script-src': ['self', 'wasm-unsafe-eval', ...inlineScripts],
		'worker-src': ['self'],
		'connect-src': ['self', ...origins],
		'img-src': ['self', 'data:', 'blob:'],
		'style-src': ['self', 'unsafe-inline'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	});
}

export default kit;

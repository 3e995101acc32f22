// Kit config (adapter, paths), handed to the SvelteKit Vite plugin by vite.config.ts.
// Not named svelte.config.js: SvelteKit 3 refuses to build while a file of that
// name stands at the top level ("`svelte.config.js` is no longer used").
import adapter from '@sveltejs/adapter-static';

const buildDir = process.env.BUILD_DIR ?? 'build';

/** @type {import("@sveltejs/kit/vite").Config} */
export const kit = {
	// Static files only: the site runs from any static host, also from a sub-path
	// (set BASE_PATH=/sub/path at build time); relative asset paths keep it portable.
	// BUILD_DIR / KIT_OUT_DIR let parallel builds (e.g. two developers' test runs) not collide.
	adapter: adapter({ pages: buildDir, assets: buildDir, strict: true }),
	outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
	paths: { base: /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? ''), relative: true }
};

export default kit;

import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// Static files only: the site runs from any static host, also from a sub-path
		// (set BASE_PATH=/sub/path at build time). Relative asset paths keep it portable.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		alias: { $data: 'data' }
	}
};

export default config;

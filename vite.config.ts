import { sveltekit } from '@sveltejs/kit/vite';
import { kit } from './kit.config.js';
import { defineConfig, type Plugin } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const PUBLISHED = process.env.VITE_IB_MODE === 'published';

/**
 * The published build (npm run publish) swaps the engine, the Parquet decoder and the
 * bundled microdata (and parquet-wasm) for modules that hold nothing and refuse (src/lib/db/published/),
 * so neither the 34 MB engine nor a single row can end up in its output.
 */
function publishedSite(): Plugin {
	const swap: Record<string, string> = {
		'src/lib/db/pilot.ts': 'src/lib/db/published/pilot.ts',
		'src/lib/db/engine-browser.ts': 'src/lib/db/published/engine-browser.ts',
		'src/lib/db/parquet-browser.ts': 'src/lib/db/published/parquet-browser.ts'
	};
	const root = fileURLToPath(new URL('.', import.meta.url));
	return {
		name: 'ib-published-site',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (source === 'parquet-wasm/esm') return root + 'src/lib/db/published/parquet-wasm.ts';
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			if (!resolved) return null;
			const rel = resolved.id.startsWith(root) ? resolved.id.slice(root.length) : null;
			return rel && swap[rel] ? root + swap[rel] : null;
		}
	};
}

/**
 * Apache Arrow's null check is compiled with `new Function`, which the
 * Content-Security-Policy (kit.config.js, no 'unsafe-eval') refuses: the
 * build uses the same check written without eval (src/lib/db/arrow-is-valid.ts).
 */
function cspSafeArrow(): Plugin {
	const replacement = fileURLToPath(new URL('./src/lib/db/arrow-is-valid.ts', import.meta.url));
	return {
		name: 'ib-csp-safe-arrow',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (!importer?.includes('apache-arrow') || !source.includes('valid')) return null;
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			return resolved && /apache-arrow[\\/]builder[\\/]valid\.m?js$/.test(resolved.id) ? replacement : null;
		}
	};
}

/**
 * @stdlib's series and continued fractions (the distributions behind the
 * tests' p-values) check for generator support with `eval` when loaded: the
 * policy refuses it, reporting a violation. The build answers without eval
 * (src/lib/csp/has-generator-support.cjs).
 */
function cspSafeStdlib(): Plugin {
	const replacement = fileURLToPath(new URL('./src/lib/csp/has-generator-support.cjs', import.meta.url));
	return {
		name: 'ib-csp-safe-stdlib',
		enforce: 'pre',
		resolveId: (source) => (source === '@stdlib/assert-has-generator-support' ? replacement : null)
	};
}

export default defineConfig({
	plugins: [...(PUBLISHED ? [publishedSite()] : []), cspSafeArrow(), cspSafeStdlib(), sveltekit(kit)],
	// DuckDB-WASM and parquet-wasm ship their own workers and wasm; pre-bundling breaks their ?url imports.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	// The pilot's Parquet files stay files, never data: URLs: the Content-Security-Policy's connect-src is 'self' (kit.config.js).
	build: { target: 'es2022', chunkSizeWarningLimit: 2000, assetsInlineLimit: (file) => (file.endsWith('.parquet') ? false : undefined) },
	// Workers are bundled apart: the published site's swaps (no parquet-wasm in the check worker)
	// and the eval-free Arrow check apply to them too.
	worker: { format: 'es', plugins: () => [...(PUBLISHED ? [publishedSite()] : []), cspSafeArrow(), cspSafeStdlib()] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					// Starting DuckDB-WASM takes seconds on a busy 2-core machine.
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});

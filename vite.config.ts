import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import { defineConfig } from 'vitest/config';

const buildDir = process.env.BUILD_DIR ?? 'build';

export default defineConfig({
	plugins: [
		sveltekit({
			// Static files only: the site runs from any static host, also from a sub-path
			// (set BASE_PATH=/sub/path at build time); relative asset paths keep it portable.
			// BUILD_DIR / KIT_OUT_DIR let parallel builds (e.g. two developers' test runs) not collide.
			adapter: adapter({ pages: buildDir, assets: buildDir, strict: true }),
			outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
			paths: { base: (process.env.BASE_PATH ?? '') as '' | `/${string}`, relative: true }
		})
	],
	// DuckDB-WASM and parquet-wasm ship their own workers and wasm; pre-bundling breaks their ?url imports.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
	worker: { format: 'es' },
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

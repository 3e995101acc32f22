import { sveltekit } from '@sveltejs/kit/vite';
import { kit } from './kit.config.js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(kit)],
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

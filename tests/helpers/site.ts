/**
 * The built site on a local static server and a headless Chromium, for one
 * browser test file: `const site = useBuiltSite();` then `site.url`, `site.browser`.
 */
import { beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server';
import { launchBrowser } from './browser';

export interface BuiltSite {
	readonly url: string;
	readonly browser: Browser;
}

export function useBuiltSite(): BuiltSite {
	let server: StaticServer | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		server = await serveStatic();
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});
	return {
		get url() {
			if (!server) throw new Error('site not started');
			return server.url;
		},
		get browser() {
			if (!browser) throw new Error('browser not started');
			return browser;
		}
	};
}

/**
 * Headless Chromium (Debian's) driven by playwright-core, with every request
 * that does not go to this machine blocked and recorded: the site must work
 * with the network cable pulled.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
	return existsSync(CHROMIUM);
}

/** Chromium's flags for every test browser (also for persistent contexts). */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface OfflinePage {
	context: BrowserContext;
	page: Page;
	/** Requests the page tried to make to any other origin (blocked). */
	blocked: string[];
	/** Uncaught page errors and console errors. */
	errors: string[];
}

export async function offlinePage(browser: Browser, options: { locale?: string } = {}): Promise<OfflinePage> {
	const context = await browser.newContext({ acceptDownloads: true, locale: options.locale ?? 'lv-LV' });
	const blocked: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:' || url.protocol === 'blob:';
		if (local) return route.continue();
		blocked.push(url.href);
		return route.abort();
	});
	const page = await context.newPage();
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	return { context, page, blocked, errors };
}

/** Wait until the engine and data are loaded (or fail with the shown error). */
export async function waitForData(page: Page, timeout = 90_000): Promise<void> {
	const done = page.getByTestId('load-done');
	const failed = page.getByTestId('load-error');
	await Promise.race([
		done.waitFor({ timeout }),
		failed.waitFor({ timeout }).then(async () => {
			throw new Error(`Data load failed: ${await failed.textContent()}`);
		})
	]);
}

/** Normalise locale spaces (NBSP, narrow NBSP) so tests can compare "1 234,56 €". */
export function plain(text: string | null): string {
	return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

/**
 * The evaluation report on the built site, printed to PDF by headless
 * Chromium as an evaluator would "Save as PDF": every section renders, the
 * page count is sane, the published figures are in the PDF's text, the pages
 * rasterise (poppler's pdftoppm), and the XLSX download holds a sheet per table.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { serveStatic, type StaticServer } from '../helpers/static-server';
import { launchBrowser, offlinePage, waitForData, plain } from '../helpers/browser';

let server: StaticServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
	server = await serveStatic();
	browser = await launchBrowser();
	dir = mkdtempSync(join(tmpdir(), 'ib-report-'));
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const SECTIONS = {
	child: ['goals', 'sfk', 'kidscreen', 'fqols', 'costs'],
	adult: ['goals', 'sqol', 'employment', 'costs']
} as const;

async function openReport(page: Page, cohort: 'child' | 'adult') {
	await page.goto(`${server.url}/report/?cohort=${cohort}`);
	await waitForData(page, 180_000);
	for (const id of ['title', 'methods', ...SECTIONS[cohort]]) {
		await page.locator(`[data-testid="report-${id}"][data-state="ready"]`).waitFor({ timeout: 180_000 });
	}
	// Every chart has drawn its SVG.
	await page.waitForFunction(() => [...document.querySelectorAll('.report figure.chart')].every((f) => f.querySelector('svg')), null, {
		timeout: 60_000
	});
}

/** Print to PDF; returns the PDF path, its text (spaces normalised) and page images. */
async function printPdf(page: Page, name: string) {
	const pdf = join(dir, `${name}.pdf`);
	await page.pdf({ path: pdf, format: 'A4', printBackground: true });
	const text = plain(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).replace(/[\u00a0\u202f]/g, ' ');
	const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
	execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(dir, name)]);
	const images = readdirSync(dir)
		.filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
		.sort()
		.map((f) => join(dir, f));
	// REPORT_PAGES=docs/report keeps the page images (for the committed reviewer samples).
	if (process.env.REPORT_PAGES) {
		const out = resolve(process.env.REPORT_PAGES, name);
		mkdirSync(out, { recursive: true });
		for (const f of images) copyFileSync(f, join(out, f.slice(dir.length + 1)));
		copyFileSync(pdf, join(out, `${name}.pdf`));
	}
	return { pdf, text, pages, images };
}

async function downloadWorkbook(page: Page) {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
	const path = join(dir, download.suggestedFilename());
	await download.saveAs(path);
	return { name: download.suggestedFilename(), book: (await readXlsxFile(readFileSync(path))) as unknown as { sheet: string; data: unknown[][] }[] };
}

describe('evaluation report', () => {
	it('children: prints to a sane A4 PDF with the published figures, and the tables as XLSX', { timeout: 420_000 }, async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await openReport(page, 'child');
		const findings = plain(await page.getByTestId('report-goals-findings').textContent());
		expect(findings).toContain('75% (402 no 536 mērķu punktiem)');

		const { text, pages, images } = await printPdf(page, 'child');
		expect(pages).toBeGreaterThanOrEqual(4);
		expect(pages).toBeLessThanOrEqual(30);
		expect(images).toHaveLength(pages);
		for (const img of images) expect(statSync(img).size).toBeGreaterThan(2_000);
		// Title page, methods, and the figures of the published children's pilot.
		expect(text).toContain('Pilotprojekta novērtējuma ziņojums');
		expect(text).toContain('Bērni ar FT un viņu ģimenes');
		expect(text).toContain('Holma');
		expect(text).toMatch(/75%/);
		expect(text).toMatch(/\b402\b/);
		expect(text).toMatch(/\b536\b/);
		expect(text).toMatch(/\b47 no 102 bērniem/);
		expect(text).toMatch(/8 no 10 KIDSCREEN/);
		expect(text).toMatch(/7 no 10 KIDSCREEN/);
		expect(text).toContain('575,94');
		expect(text).toContain('emocionālā labklājība');
		// Page numbers from @page margin boxes.
		expect(text).toMatch(new RegExp(`\\b1 ?/ ?${pages}\\b`)); // pdftotext may drop the spaces of the small footer
		// No UI chrome in print.
		expect(text).not.toContain('Lejupielādēt CSV');
		expect(text).not.toContain('Drukāt / saglabāt PDF');

		const { name, book } = await downloadWorkbook(page);
		expect(name).toMatch(/\.xlsx$/);
		expect(book.map((s) => s.sheet)).toEqual([
			'Par ziņojumu',
			'Mērķi',
			'SFK bērni',
			'SFK sadalījums',
			'SFK izmaiņas',
			'KIDSCREEN bērni',
			'KIDSCREEN vecāki',
			'FQOLS',
			'Izmaksas',
			'Izmaksas pa mēnešiem'
		]);
		const goals = book.find((s) => s.sheet === 'Mērķi')!.data;
		expect(goals.at(-1)!.slice(2, 8)).toEqual([536, 293, 218, 25, 402, 0.75]);
		// Released figures only: one child scored self-perception the same twice; that count and the smaller other one are empty.
		const ksChild = book.find((s) => s.sheet === 'KIDSCREEN bērni')!.data;
		expect(ksChild.find((r) => r[0] === 'Sevis uztvere')!.slice(1, 8).map((v, i) => (i >= 1 && i <= 3 ? typeof v : v))).toEqual([57, 'number', 'number', 'number', 33, null, null]);
		const costs = book.find((s) => s.sheet === 'Izmaksas')!.data;
		const total = costs.find((r) => r[0] === 'Kopā')!;
		expect(Math.round((total[6] as number) * 100) / 100).toBe(575.94);

		// The whole report follows the language switch (Latvian first, English second).
		await page.locator('header.site button.lang').click();
		await page.getByTestId('report-kidscreen-findings').getByText('Children rated their quality of life higher at follow-up in 8 of 10').waitFor();
		expect(plain(await page.getByTestId('report-goals-findings').textContent())).toContain('Goal attainment was 75% (402 of 536 goal points)');
		expect(plain(await page.getByTestId('report-title').textContent())).toContain('Pilot evaluation report');
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('adults: prints with the published figures, sections of the adults only', { timeout: 420_000 }, async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await openReport(page, 'adult');
		expect(await page.getByTestId('report-sfk').count()).toBe(0);
		const { text, pages } = await printPdf(page, 'adult');
		expect(pages).toBeGreaterThanOrEqual(4);
		expect(pages).toBeLessThanOrEqual(30);
		expect(text).toContain('Pieaugušie ar GRT');
		expect(text).toMatch(/65%/);
		expect(text).toMatch(/\b199\b/);
		expect(text).toMatch(/\b306\b/);
		expect(text).toMatch(/16 pirms pilotprojekta, 29 tā laikā/);
		expect(text).toMatch(/9 no 13 dzīves aspektiem/);
		expect(text).toContain('84%');
		expect(text).toContain('662,04');

		const { book } = await downloadWorkbook(page);
		expect(book.map((s) => s.sheet)).toEqual([
			'Par ziņojumu',
			'Mērķi',
			'Subjektīvā dzīves kvalitāte',
			'Nodarbinātība',
			'Nodarbinātības pārejas',
			'Maknemāra tests',
			'Izmaksas',
			'Izmaksas pa mēnešiem'
		]);
		// Released figures only: 1 adult rated life overall worse; that cell, its "same" and its sign test are empty, 82 better stays.
		const sqol = book.find((s) => s.sheet === 'Subjektīvā dzīves kvalitāte')!.data;
		const life = sqol.find((r) => r[0] === 'Izmaiņas Jūsu dzīvē kopumā')!;
		expect([life[1], life[2], life[3], life[4], life[5], life[7], life[8]]).toEqual([97, 82, null, null, null, null, null]);
		expect(sqol.find((r) => r[0] === 'Izmaiņas Jūsu brīvā laika pavadīšanā')!.slice(1, 5)).toEqual([97, 62, 29, 6]);
		const employment = book.find((s) => s.sheet === 'Nodarbinātība')!.data;
		expect(employment.at(-1)!.slice(1)).toEqual([97, 97, 0]);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('obeys the disclosure gate: no report for a group under the threshold', { timeout: 300_000 }, async () => {
		const { page, context, errors } = await offlinePage(browser);
		// Women among Liepāja's 10 adults: fewer than 5, or a complement under 5 — either way gated.
		await page.goto(`${server.url}/report/?cohort=adult&mun=LIEPAJA_C&sex=F`);
		await waitForData(page, 180_000);
		await page.getByTestId('disclosure-gate').waitFor({ timeout: 120_000 });
		expect(await page.getByTestId('report').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});

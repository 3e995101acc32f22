/**
 * Release plans packed beside the data (data/plans.ts, manifest
 * `releasePlans`): the browser fetches the file, checks its sha256 and uses
 * it; a file that does not match its manifest is ignored (a warning) and the
 * plans are computed. Either way the released figures are the same.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cp, rm, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';
import { BUILD_DIR } from '../helpers/static-server';
import { PILOT_DIR } from '../helpers/engine';
import { packDataset } from '../../data/pack';
import { packPlans, PLANS_FILE } from '../../data/plans';

const site = useBuiltSite();
const stamp = `${process.pid}-${Date.now()}`;
const good = `test-plans-${stamp}`;
const tampered = `test-plans-bad-${stamp}`;

beforeAll(async () => {
	await cp(PILOT_DIR, join(BUILD_DIR, good), { recursive: true });
	await packDataset(join(BUILD_DIR, good));
	await packPlans(join(BUILD_DIR, good));
	await cp(join(BUILD_DIR, good), join(BUILD_DIR, tampered), { recursive: true });
	// The file no longer is the one the manifest lists.
	await appendFile(join(BUILD_DIR, tampered, PLANS_FILE), ' ');
}, 180_000);
afterAll(async () => {
	await rm(join(BUILD_DIR, good), { recursive: true, force: true });
	await rm(join(BUILD_DIR, tampered), { recursive: true, force: true });
});

/** The goals and costs tables of some selections, and the page's release-plan warnings. */
async function figures(dir: string) {
	const { page, context, blocked, errors } = await offlinePage(site.browser);
	const warnings: string[] = [];
	page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('release plans') && warnings.push(m.text()));
	const requested: string[] = [];
	page.on('request', (r) => requested.push(new URL(r.url()).pathname));
	const data = encodeURIComponent(`${site.url}/${dir}/manifest.json`);
	const out: string[] = [];
	for (const [path, query, testid] of [
		['/goals/', 'sex=F', 'goals-table'],
		['/goals/', 'cohort=adult&region=Kurzeme', 'goals-table'],
		['/costs/', 'mun=TALSI_N', 'costs-table'],
		['/costs/', 'cohort=adult&sex=M', 'costs-table']
	]) {
		await page.goto(`${site.url}${path}?data=${data}&${query}`);
		await waitForData(page);
		await page.getByTestId(testid).locator('tbody tr').first().waitFor({ timeout: 90_000 });
		out.push(plain(await page.getByTestId(testid).textContent()));
	}
	const source = await page.evaluate(() => (globalThis as { __ibPlans?: unknown }).__ibPlans);
	expect(blocked).toEqual([]);
	expect(errors).toEqual([]);
	await context.close();
	return { out, warnings, source, fetchedPlans: requested.includes(`/${dir}/${PLANS_FILE}`) };
}

describe('packed release plans in the browser', () => {
	it('are fetched and used, and a file that does not match its manifest is not: the figures are the same', async () => {
		const packed = await figures(good);
		expect(packed.fetchedPlans).toBe(true);
		expect(packed.warnings).toEqual([]);
		expect(packed.source).toBe('packed');
		const computed = await figures(tampered);
		expect(computed.warnings.length).toBeGreaterThan(0);
		expect(computed.warnings[0]).toContain('sha256');
		expect(computed.source).toBe('computed');
		expect(packed.out).toEqual(computed.out);
		expect(packed.out.every((t) => t.length > 0)).toBe(true);
	}, 300_000);
});

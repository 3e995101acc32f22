import { describe, it, expect } from 'vitest';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const site = useBuiltSite();

describe('overview page (built site, offline)', () => {
	it('loads DuckDB-WASM and the pilot data with no request to any other origin, and shows 102 and 103', async () => {
		const { page, blocked, errors, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/');
		await waitForData(page);
		await page.getByTestId('participants-child').waitFor();
		expect(plain(await page.getByTestId('participants-child').textContent())).toBe('102');
		expect(plain(await page.getByTestId('participants-adult').textContent())).toBe('103');
		expect(plain(await page.getByTestId('synthetic-label').textContent())).toContain('Sintētiski dati');
		// Total service cost from the cost tables: 704 953 € and 770 615 €.
		expect(plain(await page.getByTestId('cost-child').textContent())).toBe('704 953 €');
		expect(plain(await page.getByTestId('cost-adult').textContent())).toBe('770 615 €');
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('switches to English and keeps the numbers', async () => {
		const { page, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/');
		await waitForData(page);
		await page.getByRole('button', { name: 'Switch to English' }).click();
		await page.getByText('Synthetic data calibrated to published pilot results').waitFor();
		expect(plain(await page.getByTestId('participants-adult').textContent())).toBe('103');
		expect(plain(await page.getByTestId('cost-child').textContent())).toBe('€704,953');
		await context.close();
	});
});

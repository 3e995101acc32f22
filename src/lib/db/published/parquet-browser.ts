/** Published build: no Parquet decoder (see refuse.ts). */
import { PublishedSiteError } from './refuse.ts';

export function initBrowserParquet(): Promise<unknown> {
	return Promise.reject(new PublishedSiteError('the Parquet decoder'));
}

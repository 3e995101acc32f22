/** Published build: no datasets are fetched, so no hash worker is shipped (see refuse.ts). */
import { PublishedSiteError } from './refuse.ts';

export function prepareHashWorker(): void {}

export function sha256OffThread(): Promise<string> {
	return Promise.reject(new PublishedSiteError('hashing a downloaded dataset'));
}

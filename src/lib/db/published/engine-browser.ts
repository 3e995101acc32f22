/** Published build: no database engine (see refuse.ts). */
import type { Engine } from '../engine.ts';
import { PublishedSiteError } from './refuse.ts';

export interface EngineStartProgress {
	bytesLoaded: number;
	bytesTotal: number;
}
export const engineSteps: Record<string, number> = {};
export const queryLog: { at: number; ms: number; sql: string }[] = [];

export async function createBrowserEngine(..._args: unknown[]): Promise<Engine> {
	throw new PublishedSiteError('the database engine');
}

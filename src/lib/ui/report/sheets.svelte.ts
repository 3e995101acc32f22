/**
 * The report's tables, collected for the XLSX download: each section puts
 * the rows it shows (already suppressed like the on-screen tables) here under
 * its own key, and the workbook lists them in section order, a sheet per table.
 */
import { getContext, setContext, untrack } from 'svelte';
import type { Column } from '#lib/ui/table.ts';
import type { XlsxCell, XlsxSheet } from '#lib/export/xlsx-write.ts';

function cell(v: unknown): XlsxCell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	return String(v);
}

/** A table as a sheet: the column labels as header, the raw values (as the CSV download has them). */
export function tableSheet<R extends object>(name: string, columns: Column<R>[], rows: R[]): XlsxSheet {
	return {
		name,
		header: columns.map((c) => c.label),
		rows: rows.map((r) => columns.map((c) => cell(r[c.key])))
	};
}

export class ReportSheets {
	#sections = $state.raw<Record<string, { order: number; sheets: XlsxSheet[] }>>({});

	set(key: string, order: number, sheets: XlsxSheet[]): void {
		this.#sections = { ...untrack(() => this.#sections), [key]: { order, sheets } };
	}

	remove(key: string): void {
		const next = { ...untrack(() => this.#sections) };
		delete next[key];
		this.#sections = next;
	}

	get all(): XlsxSheet[] {
		return Object.values(this.#sections)
			.sort((a, b) => a.order - b.order)
			.flatMap((s) => s.sheets);
	}
}

const KEY = Symbol('report-sheets');

export function provideReportSheets(): ReportSheets {
	return setContext(KEY, new ReportSheets());
}

/** The report's sheet collection; a section rendered outside a report gets a private one. */
export function reportSheets(): ReportSheets {
	return getContext<ReportSheets | undefined>(KEY) ?? new ReportSheets();
}

/** Register a section's sheets while it is mounted (call during component initialisation). */
export function useSheets(key: string, order: number, sheets: () => XlsxSheet[]): void {
	const store = reportSheets();
	$effect(() => {
		store.set(key, order, sheets());
		return () => store.remove(key);
	});
}

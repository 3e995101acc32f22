import type { CsvCell } from '#lib/export/csv.ts';

/** A column of a DataTable: what it shows on screen and what goes to the CSV. */
export interface Column<Row> {
	key: keyof Row & string;
	label: string;
	/** Text shown on screen (locale formatted); the CSV gets the raw value. */
	format?: (value: Row[keyof Row], row: Row) => string;
	/** The CSV value, where the raw value is not one (e.g. a suppressed cell's marker). */
	csv?: (value: Row[keyof Row], row: Row) => CsvCell;
	/** In the CSV only, not on screen (e.g. a row's level, which the screen shows by layout). */
	csvOnly?: boolean;
	numeric?: boolean;
	/** Render as a row header (th scope=row). */
	rowHeader?: boolean;
	/** Keep long text readable in wide tables (the table scrolls instead of squeezing it), e.g. '20rem'. */
	minWidth?: string;
	/** Why the cell's value is hidden (its tooltip; the cell is shown muted), or null when shown. */
	suppressed?: (row: Row) => string | null;
	/** Makes the cell's text a link (a drill-down). */
	link?: (row: Row) => { href: string; testid?: string } | null;
}

/** Sortable headers: the table shows the order, the caller sorts the rows. */
export interface TableSort {
	key: string;
	dir: 1 | -1;
	/** A header was clicked. */
	by: (key: string) => void;
	/** Accessible name of a header's sort button, from the column label. */
	label: (column: string) => string;
}

/** A column of a DataTable: what it shows on screen and what goes to the CSV. */
export interface Column<Row> {
	key: keyof Row & string;
	label: string;
	/** Text shown on screen (locale formatted); the CSV gets the raw value. */
	format?: (value: Row[keyof Row], row: Row) => string;
	numeric?: boolean;
	/** Render as a row header (th scope=row). */
	rowHeader?: boolean;
	/** Keep long text readable in wide tables (the table scrolls instead of squeezing it), e.g. '20rem'. */
	minWidth?: string;
}

/** The shape every export file is written from: typed columns with codebook metadata, and rows. */
export type ExportType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';
export type ExportCell = string | number | boolean | null;

export interface ExportColumn {
	name: string;
	type: ExportType;
	/** Variable group (participant attributes, goals, …) for the codebook. */
	group: string;
	description: string;
	/** Closed list of values (categorical variables), if known. */
	allowed?: readonly string[];
	/** Quasi-identifier checked for k-anonymity, with its generalisation in words. */
	quasiIdentifier?: string;
	/** The sensitive variable of the l-diversity check. */
	sensitive?: boolean;
}

export interface ExportTable {
	/** File stem, e.g. 'participants'. */
	name: string;
	columns: ExportColumn[];
	rows: ExportCell[][];
}

/** Published build: parquet-wasm is not part of it (see refuse.ts); the names its importers use, refusing. */
import { PublishedSiteError } from './refuse.ts';

const refuse = (): never => {
	throw new PublishedSiteError('Parquet reading and writing');
};
export default async function initParquet(): Promise<never> {
	return refuse();
}
export const readParquet = refuse;
export const writeParquet = refuse;
export class Table {
	static fromIPCStream(): never {
		return refuse();
	}
}
export class WriterPropertiesBuilder {
	constructor() {
		refuse();
	}
}
export const Compression = {} as Record<string, number>;
export class ParquetFile {
	static fromFile(): never {
		return refuse();
	}
}

/**
 * Parquet → Arrow IPC stream. DuckDB-WASM 1.32 has no built-in Parquet reader
 * (it would try to download the extension), so parquet-wasm decodes the file
 * and DuckDB ingests the Arrow stream.
 */
import initParquet, { readParquet } from 'parquet-wasm/esm';

let ready: Promise<unknown> | null = null;

/** `wasm` is the URL of parquet_wasm_bg.wasm (browser) or its bytes (Node). */
export function initParquetDecoder(wasm: string | URL | BufferSource): Promise<unknown> {
	ready ??= initParquet({ module_or_path: wasm });
	return ready;
}

/** Whether the decoder has been asked to start (in the browser it starts only when Parquet is met). */
export function parquetDecoderStarted(): boolean {
	return ready !== null;
}

export async function parquetToArrowIPC(bytes: Uint8Array): Promise<Uint8Array> {
	if (!ready) throw new Error('Parquet decoder not initialised');
	await ready;
	const table = readParquet(bytes);
	return table.intoIPCStream();
}

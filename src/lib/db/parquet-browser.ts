/** The Parquet decoder in the browser, from its self-hosted wasm. */
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { initParquetDecoder } from './parquet';

export function initBrowserParquet(): Promise<unknown> {
	return initParquetDecoder(parquetWasm);
}

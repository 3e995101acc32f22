/** A minimal static file server for the built site (what any static host does). */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** Content types by file extension (shared with bench/serve.ts). */
export const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.parquet': 'application/octet-stream',
	'.arrow': 'application/vnd.apache.arrow.stream'
};

export const BUILD_DIR = resolve(import.meta.dirname, '../..', process.env.BUILD_DIR ?? 'build');

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** `mounts` serves other folders under URL prefixes of the same origin (e.g. `{ '/saved/': dir }`). */
export async function serveStatic(root = BUILD_DIR, prefix = '', mounts: Record<string, string> = {}): Promise<StaticServer> {
	const server: Server = createServer(async (req, res) => {
		try {
			let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
			if (prefix && path.startsWith(prefix)) path = path.slice(prefix.length) || '/';
			let base = root;
			const mount = Object.keys(mounts).find((m) => path.startsWith(m));
			if (mount) [base, path] = [mounts[mount], path.slice(mount.length - 1)];
			let file = normalize(join(base, path));
			if (!file.startsWith(base)) throw new Error('outside root');
			if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
			const [body, st] = await Promise.all([readFile(file), stat(file)]);
			// Validators as static hosts send them (db/recall.ts reads them); no-cache: every
			// reload asks again, so a file changed between two loads is never served stale.
			res.writeHead(200, {
				'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
				etag: `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`,
				'last-modified': st.mtime.toUTCString(),
				'cache-control': 'no-cache'
			});
			res.end(body);
		} catch {
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('not found');
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}${prefix}`,
		close: () => new Promise<void>((ok) => server.close(() => ok()))
	};
}

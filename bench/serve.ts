/**
 * A small static server with several roots (URL prefix → directory), for the
 * benchmarks: the built site at `/` and a dataset folder under its own prefix,
 * on one origin. Files are streamed (hundreds of MB are fine) with ETag and
 * Last-Modified, answered 304 on revalidation, and `Cache-Control: max-age=600`
 * (what GitHub Pages sends), so a reload in the same browser profile is a warm
 * load from the HTTP cache like on a real static host.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { TYPES } from '../tests/helpers/static-server.ts';


export interface MultiRootServer {
	url: string;
	/** Bytes sent with status 200 (not 304), for the record. */
	bytesSent(): number;
	close(): Promise<void>;
}

/** `roots`: URL prefix (e.g. '/', '/national/11000-1y/') → directory. Longest prefix wins. */
export async function serveRoots(roots: Record<string, string>): Promise<MultiRootServer> {
	const table = Object.entries(roots)
		.map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : prefix + '/', resolve(dir)] as const)
		.sort((a, b) => b[0].length - a[0].length);
	let sent = 0;
	const server: Server = createServer(async (req, res) => {
		try {
			const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
			const hit = table.find(([prefix]) => path === prefix.slice(0, -1) || path.startsWith(prefix));
			if (!hit) throw new Error('no root');
			const [prefix, root] = hit;
			let file = normalize(join(root, path.slice(prefix.length)));
			if (!file.startsWith(root)) throw new Error('outside root');
			let st = await stat(file);
			if (st.isDirectory()) {
				file = join(file, 'index.html');
				st = await stat(file);
			}
			const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
			const headers = {
				'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
				'cache-control': 'max-age=600',
				etag,
				'last-modified': st.mtime.toUTCString()
			};
			if (req.headers['if-none-match'] === etag) {
				res.writeHead(304, headers);
				res.end();
				return;
			}
			res.writeHead(200, { ...headers, 'content-length': String(st.size) });
			sent += st.size;
			createReadStream(file).pipe(res);
		} catch {
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('not found');
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		bytesSent: () => sent,
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections?.();
				server.close(() => ok());
			})
	};
}

/**
 * A small static file server for the built site (tests, the benchmark, and learners serving a
 * workshop copy on their own localhost, where WebGPU and service workers are allowed).
 * Serves `root` under `base` (e.g. "/lab/"), directories as their index.html, loopback only.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.bin': 'application/octet-stream', '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function serveStatic(root: string, { port = 0, base = '/' } = {}): Promise<StaticServer> {
  const top = resolve(root);
  const server = createServer(async (request, response) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request: the address is not valid');
      return;
    }
    if (!path.startsWith(base)) {
      response.writeHead(302, { location: base }).end();
      return;
    }
    let file = resolve(top, `.${sep}${path.slice(base.length)}`);
    // The separator matters: "/srv/dist-old" starts with "/srv/dist" too.
    if (file !== top && !file.startsWith(top + sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
      });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
    }
  });
  return new Promise((ready, fail) => {
    server.once('error', fail); // a port in use
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      ready({
        server,
        url: `http://localhost:${actual}${base}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

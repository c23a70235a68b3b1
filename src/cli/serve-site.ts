/**
 * `npm run serve-site -- [DIR] [--port N] [--base /lab/]`: serves a built site (default `dist`) on
 * http://localhost, a secure context where service workers and WebGPU work. The base defaults to
 * the one the site was built with (from its sw.js), else "/".
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normaliseBase, readServiceWorkerConfig } from '../site/offline-manifest.ts';
import { serveStatic } from './static-server.ts';

const USAGE = 'usage: npm run serve-site -- [DIR] [--port N] [--base /lab/]';

function fail(message: string): never {
  console.error(`serve-site: ${message}\n${USAGE}`);
  process.exit(2);
}

const argv = process.argv.slice(2);
let dir = 'dist';
let port = 4322;
let base: string | undefined;
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  if (arg === '--port') {
    port = Number(argv[++i]);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port needs a port number (0 picks a free one)');
  } else if (arg === '--base') base = argv[++i] ?? fail('--base needs a path, like /lab/');
  else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
  else dir = arg;
}
const root = resolve(dir);
if (!existsSync(join(root, 'index.html'))) fail(`${dir} holds no built site (no index.html): run \`npm run build\` first`);
const built = readServiceWorkerConfig(root)?.base;
const site = await serveStatic(root, { port, base: normaliseBase(base ?? built ?? '/') }).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === 'EADDRINUSE' ? `port ${port} is in use: try --port ${port + 1}` : error.message));
console.log(`Serving ${dir} at ${site.url} (this computer only; Ctrl+C stops it)`);
if (base && built && normaliseBase(base) !== built) console.warn(`note: this site was built for ${built}, not ${normaliseBase(base)}: its links will not match`);

/**
 * `npm run serve-site -- [DIR] [--port N] [--base /lab/]`: serves a built site (default `dist`) on
 * http://localhost, a secure context where service workers and WebGPU work. The base defaults to
 * the one the site was built with (from its sw.js), else "/".
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normaliseBase, readServiceWorkerConfig } from '../site/offline-manifest.ts';
import { serveStatic } from '../node/static-server.ts';
import { failWith, portOf, readCommand } from '../node/command.ts';

const COMMAND = {
  name: 'serve-site',
  usage: 'usage: npm run serve-site -- [DIR] [--port N] [--base /lab/]',
  about: 'Serves a built site (default dist) on http://localhost, where service workers and WebGPU work.',
  options: {
    port: { type: 'string', help: 'the port (default 4322; 0 picks a free one)' },
    base: { type: 'string', help: 'the path the site lives under (default: the one it was built with)' },
  },
  positionals: { max: 1 },
} as const;
function fail(message: string): never {
  return failWith(COMMAND, message);
}

const { values, positionals } = readCommand(COMMAND);
const dir = positionals[0] ?? 'dist';
const port = portOf(COMMAND, values.port, 4322);
const base = values.base;
const root = resolve(dir);
if (!existsSync(join(root, 'index.html'))) fail(`${dir} holds no built site (no index.html): run \`npm run build\` first`);
const built = readServiceWorkerConfig(root)?.base;
const site = await serveStatic(root, { port, base: normaliseBase(base ?? built ?? '/') }).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === 'EADDRINUSE' ? `port ${port} is in use: try --port ${port + 1}` : error.message),
);
console.log(`Serving ${dir} at ${site.url} (this computer only; Ctrl+C stops it)`);
if (base && built && normaliseBase(base) !== built)
  console.warn(`note: this site was built for ${built}, not ${normaliseBase(base)}: its links will not match`);

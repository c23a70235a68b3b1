/**
 * `npm run serve-site -- [DIR] [--port N] [--base /lab/] [--room ...]`: serves a built site
 * (default `dist`) on http://localhost, a secure context where service workers and WebGPU work.
 * The base defaults to the one the site was built with (from its sw.js), else "/". With --room it
 * hands over to the kit's serve.mjs, which serves the workshop room too, on the network.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normaliseBase, readServiceWorkerConfig } from '../site/offline-manifest.ts';
import { serveStatic } from '../node/static-server.ts';
import { failWith, portOf, readCommand } from '../node/command.ts';

const COMMAND = {
  name: 'serve-site',
  usage: 'usage: npm run serve-site -- [DIR] [--port N] [--base /lab/] [--room [--host H] [--room-key K] [--room-file F]]',
  about: 'Serves a built site (default dist) on http://localhost, where service workers and WebGPU work.',
  options: {
    port: { type: 'string', help: 'the port (default 4322; 0 picks a free one)' },
    base: { type: 'string', help: 'the path the site lives under (default: the one it was built with)' },
    room: { type: 'boolean', help: 'also serve a workshop room, on the network (as the kit: node serve.mjs --room)' },
    host: { type: 'string', help: 'with --room: the address to listen on (default: every interface)' },
    'room-key': { type: 'string', help: 'with --room: the key learners need (default: a new random one)' },
    'room-file': { type: 'string', help: 'with --room: keep the room in this file too' },
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
// Options first: a wrong command line is named before anything about the folder.
if (!values.room && (values.host !== undefined || values['room-key'] !== undefined || values['room-file'] !== undefined))
  fail('--host, --room-key and --room-file go with --room');
if (!existsSync(join(root, 'index.html'))) fail(`${dir} holds no built site (no index.html): run \`npm run build\` first`);
if (values.room) {
  // The kit's server does the room: the same code teachers run from the zip, with these options.
  const pass = (name: 'port' | 'base' | 'host' | 'room-key' | 'room-file') =>
    values[name] === undefined ? [] : [`--${name}`, values[name]];
  const args = [root, '--port', String(port), ...pass('base'), '--room', ...pass('host'), ...pass('room-key'), ...pass('room-file')];
  const child = spawn(process.execPath, [fileURLToPath(new URL('../shipped/workshop-serve.mjs', import.meta.url)), ...args], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await serveSite();
}

async function serveSite(): Promise<void> {
  const built = readServiceWorkerConfig(root)?.base;
  const site = await serveStatic(root, { port, base: normaliseBase(base ?? built ?? '/') }).catch((error: NodeJS.ErrnoException) =>
    fail(error.code === 'EADDRINUSE' ? `port ${port} is in use: try --port ${port + 1}` : error.message),
  );
  console.log(`Serving ${dir} at ${site.url} (this computer only; Ctrl+C stops it)`);
  if (base && built && normaliseBase(base) !== built)
    console.warn(`note: this site was built for ${built}, not ${normaliseBase(base)}: its links will not match`);
}

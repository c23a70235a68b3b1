#!/usr/bin/env node
// Serves the Deep Learning Lab on this computer only (http://localhost), where browsers allow
// service workers and WebGPU. Part of the workshop kit (`npm run workshop-kit`): plain Node 18.3 or
// newer (for util.parseArgs) and nothing else, no packages.
//
//   node serve.mjs [SITE_DIR] [--port N] [--base /path/] [--room [--host H] [--room-key K] [--room-file F]]
//
// With --room it also serves the workshop room (workshop-room.mjs, shipped beside it): learners who
// join from their own lab's index post their progress there, and the teacher's page (room/ of the
// site) shows the class. Then it listens on the network (every interface, or --host), so the
// learners' computers can reach it.
//
// SITE_DIR defaults to the `site` folder beside this file; the base defaults to the one the site
// was built with (read from its sw.js), else "/". --port 0 picks a free port.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRoom } from './workshop-room.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const USAGE = 'usage: node serve.mjs [SITE_DIR] [--port N] [--base /path/] [--room [--host H] [--room-key K] [--room-file F]]';
const HELP = `${USAGE}

Serves the Deep Learning Lab on http://localhost (this computer only), where browsers allow
service workers and WebGPU. Ctrl+C stops it.

  SITE_DIR     the built site (default: the site folder beside this file)
  --port N     the port (default 4322; 0 picks a free one)
  --base PATH  the address the site was built for (default: read from its sw.js, else /)
  --room       also serve a workshop room: learners who join (on their lab's index) send their
               progress, the teacher's page (room/ of the site) shows it; listens on the network
  --host H     the address to listen on with --room (default: every interface)
  --room-key K the key learners need to post (default: a new random one, printed)
  --room-file F  keep the room's state in file F too, and read it back at start
`;

function usage(message) {
  console.error(`serve.mjs: ${message}\n${USAGE}`);
  process.exit(2);
}

/**
 * util.parseArgs's complaint in the lab's words: the first sentence of "Unknown option '--fast'.
 * To specify a positional argument…", and "--port needs a value". Shared with the lab's commands.
 */
export function argumentError(error) {
  return error.message
    .replace(/\. To specify a positional.*$/s, '')
    .replace(/^Unknown option '(.+)'$/, 'unknown option $1')
    .replace(/^Option '(.+?)(?: <value>)?' argument missing$/, '$1 needs a value');
}

/** The --port value as a number (0 picks a free port; `fallback` when not given), or what is wrong with it. */
export function portFrom(raw, fallback) {
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!raw.trim() || !Number.isInteger(port) || port < 0 || port > 65535) {
    return `--port needs a port number from 0 to 65535, 0 picking a free one (got "${raw}")`;
  }
  return port;
}

function parse(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        base: { type: 'string' },
        room: { type: 'boolean' },
        host: { type: 'string' },
        'room-key': { type: 'string' },
        'room-file': { type: 'string' },
      },
    });
  } catch (error) {
    usage(argumentError(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) usage(`one site folder at most (got ${positionals.join(', ')})`);
  const port = portFrom(values.port, 4322);
  if (typeof port === 'string') usage(port);
  if (values.base !== undefined && !values.base.trim()) usage('--base needs a path, like /lab/');
  for (const name of ['host', 'room-key', 'room-file']) if (values[name] !== undefined && !values.room) usage(`--${name} goes with --room`);
  if (values['room-key'] !== undefined && !/^[A-Za-z0-9_-]{6,64}$/.test(values['room-key']))
    usage('--room-key needs 6 to 64 letters, digits, - or _');
  return {
    dir: positionals[0] ? resolve(positionals[0]) : join(dirname(fileURLToPath(import.meta.url)), 'site'),
    port,
    base: values.base,
    room: values.room ? { host: values.host, key: values['room-key'], file: values['room-file'] } : undefined,
  };
}

/** The base the site was built with: sw.js starts with `self.LAB_OFFLINE = {"version":…,"base":"/lab/",…}`. */
export function builtBase(dir) {
  try {
    const first = readFileSync(join(dir, 'sw.js'), 'utf8').split('\n', 1)[0];
    const found = /"base":("(?:[^"\\]|\\.)*")/.exec(first);
    return found ? JSON.parse(found[1]) : undefined;
  } catch {
    return undefined;
  }
}

function normaliseBase(base) {
  const lead = base.startsWith('/') ? base : `/${base}`;
  return lead.endsWith('/') ? lead : `${lead}/`;
}

function isFile(path) {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The real path of `path`, or undefined when it does not exist. */
function realpath(path) {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Inside `top` (or `top` itself): the separator matters, "/srv/dist-old" starts with "/srv/dist" too. */
const within = (top, path) => path === top || path.startsWith(top + sep);

/** The address of a file of the site: built from its place in the site, never from the request. */
function siteUrl(base, top, path) {
  const inside = relative(top, path).split(sep).filter(Boolean).map(encodeURIComponent).join('/');
  return `${base}${inside}`;
}

const HEADERS = {
  // Always ask: a new copy of the site (and its sw.js) is seen on the next visit.
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
};
/** Pages may be framed by the lab's own pages only (the open page frames the sandbox). */
const PAGE_HEADERS = { 'x-frame-options': 'SAMEORIGIN', 'content-security-policy': "frame-ancestors 'self'" };

/**
 * A request handler serving `root` under `base`: directories as their index.html, GET and HEAD
 * only. Made to survive its clients: a file that disappears while asked for is a 404, a client
 * that hangs up frees the file at once, a failure mid-download ends that response only.
 */
export function handler(root, base) {
  const top = realpath(resolve(root)) ?? resolve(root);
  const answer = answerer(top, base);
  // Never a rejected promise: whatever went wrong ends this response only, never the server.
  return (request, response) => {
    response.on('error', () => {}); // a client gone mid-answer: nothing to tell it
    answer(request, response).catch(() => {
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', ...HEADERS }).end('server error');
      } else response.destroy();
    });
  };
}

function answerer(top, base) {
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', ...HEADERS }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', ...HEADERS }).end('bad request: the address is not valid');
      return;
    }
    if (!path.startsWith(base)) {
      response.writeHead(302, { location: base, ...HEADERS }).end();
      return;
    }
    const asked = resolve(top, `.${sep}${path.slice(base.length)}`);
    if (!within(top, asked)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', ...HEADERS }).end('forbidden');
      return;
    }
    const notFound = () => response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...HEADERS }).end('not found');
    // Links inside the site may point anywhere on the disk: follow none that leave it.
    let file = realpath(asked);
    if (!file || !within(top, file)) return notFound();
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
      // Pages link each other with a trailing slash; without it, relative URLs would go astray.
      if (!path.endsWith('/')) {
        response.writeHead(301, { location: `${siteUrl(base, top, file)}/`, ...HEADERS }).end();
        return;
      }
      file = realpath(join(file, 'index.html'));
      if (!file || !within(top, file)) return notFound();
    }
    let handle;
    try {
      // Opened before answering: a file replaced or removed since is a 404, not a crash.
      handle = await open(file, 'r');
      const info = await handle.stat();
      if (!info.isFile()) throw new Error('not a file');
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      response.writeHead(200, {
        'content-type': type,
        'content-length': info.size,
        ...HEADERS,
        ...(type.startsWith('text/html') ? PAGE_HEADERS : {}),
      });
    } catch {
      await handle?.close().catch(() => {});
      if (!response.headersSent) notFound();
      return;
    }
    if (request.method === 'HEAD') {
      await handle.close().catch(() => {});
      response.end();
      return;
    }
    // A client that left while the file was being opened: nothing to send, and the file is freed.
    if (response.destroyed) {
      await handle.close().catch(() => {});
      return;
    }
    // pipeline closes the file when the client goes away, and ends this response (only) on an error.
    pipeline(handle.createReadStream(), response, (error) => {
      if (error) response.destroy();
    });
  };
}

function listen(server, port, host) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done(server.address().port);
    });
  });
}

/** This computer's IPv4 addresses on the local network, for learners to type. */
function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

/** The site's handler, with the room's addresses answered first when there is a room. */
export function withRoom(room, site) {
  return (request, response) => {
    response.on('error', () => {});
    room.handle(request, response).then(
      (handled) => {
        if (!handled) site(request, response);
      },
      () => {
        if (!response.headersSent && !response.destroyed) response.writeHead(500).end();
        else response.destroy();
      },
    );
  };
}

async function main() {
  const options = parse(process.argv.slice(2));
  if (!isFile(join(options.dir, 'index.html'))) usage(`no built site in ${options.dir} (it has no index.html)`);
  const base = normaliseBase(options.base ?? builtBase(options.dir) ?? '/');
  let room;
  try {
    room = options.room && createRoom({ key: options.room.key, file: options.room.file });
  } catch (error) {
    usage(error.message);
  }
  const site = handler(options.dir, base);
  const serve = room ? withRoom(room, site) : site;
  const servers = [createServer(serve)];
  // Without a room, loopback only: nobody else on the network can reach it. With one, the network.
  const hosts = room ? (options.room.host ? [options.room.host] : ['0.0.0.0', '::']) : ['127.0.0.1', '::1'];
  let port;
  try {
    port = await listen(servers[0], options.port, hosts[0]);
  } catch (error) {
    if (error.code === 'EADDRINUSE') usage(`port ${options.port} is in use: try another, e.g. node serve.mjs --port ${options.port + 1}`);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') usage(`this computer has no address ${hosts[0]}`);
    throw error;
  }
  // The second family (IPv6, where "localhost" may resolve first); no matter if this machine has none.
  for (const host of hosts.slice(1)) {
    const more = createServer(serve);
    await listen(more, port, host).then(
      () => servers.push(more),
      () => {},
    );
  }
  console.log(`The lab is at http://localhost:${port}${base}`);
  if (room) {
    const addresses =
      options.room.host && options.room.host !== '0.0.0.0' && options.room.host !== '::' ? [options.room.host] : lanAddresses();
    const origins = addresses.map((address) => `http://${address.includes(':') ? `[${address}]` : address}:${port}`);
    room.setAddresses(origins);
    console.log(`Workshop room key: ${room.key}`);
    for (const origin of origins) {
      console.log(`Room on the network: ${origin} (learners type this address and the key on their lab's index)`);
      console.log(`  the teacher's page: ${origin}${base}room/?key=${room.key}`);
    }
    if (!origins.length) console.log('No network address found: other computers cannot reach this one.');
    console.log(`On this computer the teacher's page is http://localhost:${port}${base}room/. Ctrl+C stops the server.`);
  } else console.log('Open it in Chrome, Edge or Firefox on this computer. Ctrl+C stops the server.');
  const stop = () => {
    room?.flush();
    for (const server of servers) server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

/**
 * The offline manifest of a built site: every file it serves, as the URL pages ask for it, with a
 * hash of its bytes, and one version for the whole set. `writeServiceWorker` puts the manifest in
 * front of the worker's code (offline-worker.js) as `sw.js` at the site's base. Runs at the end of
 * `astro build` (offline-integration.ts), and from tests and the workshop kit on a built folder.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const WORKER_FILE = 'sw.js';
/** sw.js carries its manifest on its first line, so tools can read it back without running it. */
const HEADER = 'self.LAB_OFFLINE = ';

export interface ManifestEntry {
  /** Path from the base, '/'-separated: `lessons/welcome/index.html`. */
  path: string;
  /** The URL the site links: a page as its directory with a trailing slash, under the base. */
  url: string;
  /** sha-256 of the bytes, hex: the worker checks what it downloaded against it. */
  sha256: string;
  bytes: number;
}

export interface OfflineManifest {
  /** A hash of every path and content: any change to any file makes a new version. */
  version: string;
  base: string;
  files: ManifestEntry[];
  totalBytes: number;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== WORKER_FILE && !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** A file's URL as the site links it: `index.html` files by their folder, with a trailing slash. */
export function urlOf(path: string, base: string): string {
  const page = path === 'index.html' ? '' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  // Encoded as a browser encodes a path (it leaves @ + , = [ ] as they are), so requests match.
  return new URL(page, `http://site${base}`).pathname;
}

export function normaliseBase(base: string): string {
  const withLead = base.startsWith('/') ? base : `/${base}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

export function buildManifest(dir: string, base = '/'): OfflineManifest {
  const root = normaliseBase(base);
  const version = createHash('sha256');
  const files = listFiles(dir).map((path): ManifestEntry => {
    const bytes = readFileSync(join(dir, path));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    version.update(`${path}\0${sha256}\n`);
    return { path, url: urlOf(path, root), sha256, bytes: bytes.length };
  });
  return {
    version: version.digest('hex').slice(0, 16),
    base: root,
    files,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
  };
}

/** The worker script: the manifest (URLs and hashes only) on line 1, then the worker's code. */
export function serviceWorkerSource(manifest: OfflineManifest): string {
  const code = readFileSync(new URL('../shipped/offline-worker.js', import.meta.url), 'utf8');
  const config = {
    version: manifest.version,
    base: manifest.base,
    files: manifest.files.map(({ url, sha256 }) => [url, sha256]),
  };
  return `${HEADER}${JSON.stringify(config)};\n${code}`;
}

/** Writes `sw.js` into a built site and returns the manifest it holds. */
export function writeServiceWorker(dir: string, base = '/'): OfflineManifest {
  const manifest = buildManifest(dir, base);
  writeFileSync(join(dir, WORKER_FILE), serviceWorkerSource(manifest));
  return manifest;
}

/** The version and base a built site's sw.js was made with, or undefined when it has none. */
export function readServiceWorkerConfig(dir: string): { version: string; base: string; count: number } | undefined {
  let first: string;
  try {
    first = readFileSync(join(dir, WORKER_FILE), 'utf8').split('\n', 1)[0]!;
  } catch {
    return undefined;
  }
  if (!first.startsWith(HEADER)) return undefined;
  const config = JSON.parse(first.slice(HEADER.length).replace(/;$/, '')) as { version: string; base: string; files: unknown[] };
  return { version: config.version, base: config.base, count: config.files.length };
}

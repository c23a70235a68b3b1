/**
 * The workshop kit: a zip that a learner unpacks and serves on their own localhost with plain Node
 * (a secure context, so the service worker and WebGPU work). It holds the built site, serve.mjs
 * (workshop-serve.mjs, no dependencies) and a README with the two steps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { readServiceWorkerConfig } from './offline-manifest.ts';

export const KIT_FOLDER = 'deep-learning-lab';
export const DEFAULT_PORT = 4322;

export function kitReadme(base: string, version: string): string {
  return `Deep Learning Lab, workshop copy (version ${version})

You need Node.js 18.3 or newer (https://nodejs.org). Nothing else, and nothing is downloaded.

1. Unzip this folder anywhere.
2. In a terminal, in this folder, run:

       node serve.mjs

   and open the address it prints (http://localhost:${DEFAULT_PORT}${base}) in Chrome, Edge or Firefox.

Keep the terminal open while you work; Ctrl+C stops the server. If the port is taken, run
node serve.mjs --port ${DEFAULT_PORT + 1}. Use the same port each time: your edits are saved in the
browser under that address.

Use "localhost", not this computer's network address: browsers allow offline use and the GPU
(WebGPU) only on localhost or HTTPS. Once a page says "Saved for offline use", the lab opens even
with the server stopped and no network.

Teachers: node serve.mjs --room also runs a workshop room. It prints a key and this computer's
network addresses. Learners open their own lab (as above), and on its first page, under "Workshop
room", type that address, the key and their name: their progress (counts, never code or answers)
then appears on the teacher's page, which serve.mjs prints too.
`;
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Zips a built site (one with sw.js) with serve.mjs, workshop-room.mjs and README.txt, all under one folder. */
export function workshopKit(siteDir: string): { zip: Uint8Array; base: string; version: string; files: number } {
  const config = readServiceWorkerConfig(siteDir);
  if (!config) throw new Error(`${siteDir} is not a built lab site (it has no sw.js)`);
  const site: Zippable = {};
  const files = filesOf(siteDir);
  for (const path of files) site[path] = readFileSync(join(siteDir, path));
  const zip = zipSync(
    {
      [KIT_FOLDER]: {
        'serve.mjs': readFileSync(new URL('../shipped/workshop-serve.mjs', import.meta.url)),
        // serve.mjs imports it by this name: the room that --room serves
        'workshop-room.mjs': readFileSync(new URL('../shipped/workshop-room.mjs', import.meta.url)),
        'README.txt': new TextEncoder().encode(kitReadme(config.base, config.version)),
        site,
      },
    },
    { level: 6 },
  );
  return { zip, base: config.base, version: config.version, files: files.length };
}

/**
 * `npm run workshop-kit -- [--site DIR] [--base /] [--out FILE]`: builds the site (or takes a built
 * one with --site) and writes a zip that learners serve on their own localhost with `node serve.mjs`.
 * Default output: dist-workshop/lab-workshop.zip.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { normaliseBase } from '../site/offline-manifest.ts';
import { workshopKit } from '../site/workshop-kit.ts';
import { failWith, readCommand } from '../node/command.ts';

const COMMAND = {
  name: 'workshop-kit',
  usage: 'usage: npm run workshop-kit -- [--site DIR] [--base /] [--out FILE]',
  about: 'Builds the site (or takes a built one) and zips it with serve.mjs, for learners to serve on their own localhost.',
  options: {
    site: { type: 'string', help: 'a site already built, instead of building one' },
    base: { type: 'string', help: 'the path to build the site for (default /)' },
    out: { type: 'string', help: 'the zip to write (default dist-workshop/lab-workshop.zip)' },
  },
  positionals: { max: 0 },
} as const;
function fail(message: string): never {
  return failWith(COMMAND, message);
}

const { values } = readCommand(COMMAND);
const site = values.site;
const base = normaliseBase(values.base ?? '/');
const out = values.out ?? 'dist-workshop/lab-workshop.zip';

let built: string | undefined;
if (site && base !== '/')
  fail('--base applies only when the kit builds the site; a site given with --site keeps the base it was built with');
if (!site) {
  built = mkdtempSync(join(tmpdir(), 'lab-workshop-'));
  console.log(`Building the site for ${base} ...`);
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', built], {
    env: { ...process.env, BASE_PATH: base },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
let kit: ReturnType<typeof workshopKit> | Error;
try {
  kit = workshopKit(resolve(site ?? built!));
} catch (error) {
  kit = error as Error;
} finally {
  if (built) rmSync(built, { recursive: true, force: true });
}
if (kit instanceof Error) fail(kit.message);
mkdirSync(dirname(resolve(out)), { recursive: true });
writeFileSync(out, kit.zip);
console.log(`${out}: ${kit.files} files of the site (version ${kit.version}, base ${kit.base}), ${(kit.zip.length / 1e6).toFixed(1)} MB`);
console.log('Learners unzip it and run `node serve.mjs` in the folder (Node 18.3 or newer, nothing else).');

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

const USAGE = 'usage: npm run workshop-kit -- [--site DIR] [--base /] [--out FILE]';

function fail(message: string): never {
  console.error(`workshop-kit: ${message}\n${USAGE}`);
  process.exit(2);
}

const argv = process.argv.slice(2);
let site: string | undefined;
let base = '/';
let out = 'dist-workshop/lab-workshop.zip';
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  const value = () => argv[++i] ?? fail(`${arg} needs a value`);
  if (arg === '--site') site = value();
  else if (arg === '--base') base = normaliseBase(value());
  else if (arg === '--out') out = value();
  else fail(`unknown argument ${arg}`);
}

let built: string | undefined;
if (site && base !== '/') {
  console.error('--base applies only when the kit builds the site; a site given with --site keeps the base it was built with.');
  process.exit(2);
}
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
console.log('Learners unzip it and run `node serve.mjs` in the folder (Node 18 or newer, nothing else).');

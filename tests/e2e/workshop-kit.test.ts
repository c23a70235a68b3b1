/**
 * The workshop kit: `npm run workshop-kit -- --site DIR` zips a built site with serve.mjs and a
 * README; unzipped, `node serve.mjs` serves it on localhost with the right types, and Chromium
 * saves it for offline use from there.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildManifest } from '../../src/site/offline-manifest.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';
import { prepared } from '../helpers/prepared.ts';

let dir: string;
let server: ChildProcess | undefined;
beforeAll(async () => {
  await prepared('site');
  dir = mkdtempSync(join(tmpdir(), 'lab-kit-'));
});
afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `node serve.mjs ARGS` in the kit folder and resolves with the URL it prints. */
function serve(folder: string, args: string[]): Promise<string> {
  server = spawn(process.execPath, ['serve.mjs', ...args], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((found, fail) => {
    let printed = '';
    const timer = setTimeout(() => fail(new Error(`serve.mjs printed no URL: ${printed}`)), 10_000);
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /http:\/\/localhost:\d+\/\S*/.exec(printed)?.[0];
      if (url) {
        clearTimeout(timer);
        found(url);
      }
    };
    server!.stdout!.on('data', read);
    server!.stderr!.on('data', read);
    server!.on('exit', (code) => fail(new Error(`serve.mjs exited (${code}): ${printed}`)));
  });
}

describe('workshop kit', () => {
  it('zips the built site with a zero-dependency serve.mjs that serves it on localhost', async () => {
    const zip = join(dir, 'kit.zip');
    const printed = execFileSync(process.execPath, ['src/cli/workshop-kit.ts', '--site', inject('siteDir'), '--out', zip], {
      encoding: 'utf8',
    });
    expect(printed).toMatch(/files of the site/);

    const entries = unzipSync(readFileSync(zip));
    const folder = join(dir, 'unzipped');
    for (const [path, bytes] of Object.entries(entries)) {
      if (path.endsWith('/')) continue;
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), bytes);
    }
    const kit = join(folder, 'deep-learning-lab');
    // Every file of the build, plus the server and the README.
    const manifest = buildManifest(inject('siteDir'), inject('siteBase'));
    for (const file of manifest.files) expect(entries[`deep-learning-lab/site/${file.path}`], file.path).toBeDefined();
    expect(entries['deep-learning-lab/site/sw.js']).toBeDefined();
    const readme = readFileSync(join(kit, 'README.txt'), 'utf8');
    expect(readme).toContain('node serve.mjs');
    expect(readme).toContain(`http://localhost:4322${inject('siteBase')}`);
    // serve.mjs needs nothing but Node: node: built-ins and the room shipped beside it.
    for (const file of ['serve.mjs', 'workshop-room.mjs']) {
      const source = readFileSync(join(kit, file), 'utf8');
      const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
      expect(imports.length).toBeGreaterThan(0);
      expect(imports.filter((name) => !name!.startsWith('node:') && name !== './workshop-room.mjs')).toEqual([]);
      expect(source).not.toMatch(/\brequire\(|import\(/);
    }

    writeFileSync(join(kit, 'site', 'tiny.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    const url = await serve(kit, ['--port', '0']);
    expect(url).toMatch(new RegExp(`^http://localhost:\\d+${inject('siteBase')}$`));
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('Deep Learning Lab');
    const types = await fetch(`${url}editor-types.json`);
    expect(types.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(await types.json()).length).toBeGreaterThan(100);
    expect((await fetch(`${url}tiny.wasm`)).headers.get('content-type')).toBe('application/wasm');
    expect((await fetch(`${url}models/shapes-features/weights.bin`)).headers.get('content-type')).toBe('application/octet-stream');
    expect((await fetch(`${url}sw.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    const lesson = await fetch(`${url}lessons/welcome/`);
    expect(lesson.status).toBe(200);
    expect((await fetch(`${url}lessons/welcome`, { redirect: 'manual' })).headers.get('location')).toBe(
      `${inject('siteBase')}lessons/welcome/`,
    );
    expect((await fetch(`${url}no-such-file.js`)).status).toBe(404);
    expect((await fetch(`${url}..%2f..%2fserve.mjs`)).status).toBe(403);

    // A browser on that localhost saves the whole lab for offline use.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`${url}lessons/welcome/`);
      await page.getByRole('status').filter({ hasText: 'Saved for offline use' }).waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => caches.keys())).toEqual([`lab-${manifest.version}`]);
    } finally {
      await browser.close();
    }
    server!.kill();
  });
});

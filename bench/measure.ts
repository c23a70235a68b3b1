/**
 * The measurements behind `npm run bench` (src/cli/bench.ts), in headless Chromium on localhost:
 * (a) JavaScript a lesson page loads (gzip) before a cell is touched and after the first editor
 * opens; (b) time from navigation to the first cell's output; (c) throughput of the same
 * model.fit in a cell and on a bare TF.js page, same backend, as a ratio; (d) throughput per
 * backend and the backend the lab chose. Figures are from one run on a shared machine: compare
 * ratios, not absolute times.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../src/node/chromium.ts';
import { serveStatic } from '../src/node/static-server.ts';
import { fitSource } from './fit-workload.ts';

/** Builds the site and the bare page into `out`, measures both, and returns the figures. */
export async function measure(outDir: string) {
  function log(message: string) {
    process.stderr.write(`${message}\n`);
  }

  log('building the site…');
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'pipe' });
  mkdirSync(join(outDir, 'bare'), { recursive: true });
  await build({
    entryPoints: ['bench/bare-page.ts'],
    bundle: true,
    format: 'esm',
    outfile: join(outDir, 'bare', 'bare.js'),
    logLevel: 'warning',
  });
  writeFileSync(
    join(outDir, 'bare', 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bare TF.js</title><script type="module" src="bare.js"></script>',
  );

  const site = await serveStatic('dist');
  const bare = await serveStatic(join(outDir, 'bare'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

  /** Scripts a page fetched, by URL; sizes are the gzip of the files served. */
  function recordScripts(page: Page): Set<string> {
    const urls = new Set<string>();
    page.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(site.url) && /\.m?js(\?|$)/.test(url)) urls.add(url);
    });
    return urls;
  }
  const gzipBytes = (urls: Iterable<string>) =>
    [...urls].reduce((sum, url) => {
      const path = join('dist', new URL(url).pathname);
      return sum + gzipSync(readFileSync(path)).length;
    }, 0);

  async function openLesson(query = '') {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    page.on('dialog', (dialog) => void dialog.accept());
    const scripts = recordScripts(page);
    const started = Date.now();
    await page.goto(`${site.url}lessons/welcome/${query}`);
    return { page, scripts, started };
  }

  const waitDone = (page: Page, index: number) =>
    page.waitForFunction(
      (i) => {
        const status = document.querySelector(`[data-cell="${i}"]`)?.getAttribute('data-status');
        return status === 'done' || status === 'error';
      },
      index,
      { timeout: 300_000, polling: 50 },
    );

  // (a) and (b)
  log('measuring page weight and time to first output…');
  const first = await openLesson();
  await first.page.locator('[data-cell="0"]').getByRole('button', { name: 'Run cell' }).click();
  await first.page.locator('[data-cell="0"] [data-output] .out').first().waitFor({ timeout: 120_000 });
  const firstOutputMs = Date.now() - first.started;
  await first.page.close();

  const weighed = await openLesson();
  await weighed.page.waitForLoadState('networkidle');
  const beforeTouch = gzipBytes(weighed.scripts);
  await weighed.page.locator('[data-cell="0"] .cell-code').click();
  await weighed.page.locator('[data-cell="0"] .monaco-editor').waitFor({ timeout: 60_000 });
  await weighed.page.waitForLoadState('networkidle');
  const afterEditor = gzipBytes(weighed.scripts);
  await weighed.page.close();

  // (c) the same fit in a lab cell and on the bare page, on the backend the lab chose
  log('timing model.fit in a cell…');
  const inLab = await openLesson();
  await inLab.page.evaluate(async (source) => {
    const lab = (window as unknown as { lab: { loadSession(): Promise<{ kernel: { edit(i: number, s: string): void } }> } }).lab;
    (await lab.loadSession()).kernel.edit(0, source);
  }, fitSource);
  await inLab.page.locator('[data-cell="0"]').getByRole('button', { name: 'Run cell' }).click();
  await waitDone(inLab.page, 0);
  const labThroughput = Number((await inLab.page.textContent('[data-cell="0"] [data-output]'))!.trim());
  const chosen = (await inLab.page.textContent('.backend-label'))!;
  // The lab turns WebGL's texel packing off on a software renderer (client/backend.ts): compare
  // it with a bare page set the same way.
  const packed = await inLab.page.evaluate(async () =>
    (
      await (window as unknown as { lab: { loadSession(): Promise<{ tf: { env(): { getBool(f: string): boolean } } }> } }).lab.loadSession()
    ).tf
      .env()
      .getBool('WEBGL_PACK'),
  );
  const chosenName = chosen.split(' · ')[0]!;
  const chosenBackend = chosenName === 'webgl' && !packed ? 'webgl-unpacked' : chosenName;
  await inLab.page.close();

  async function bareThroughput(backend: string): Promise<number | string> {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    await page.goto(bare.url);
    await page.waitForFunction(() => 'benchFit' in window);
    try {
      return await page.evaluate((b) => (window as unknown as { benchFit(b: string): Promise<number> }).benchFit(b), backend);
    } catch (error) {
      return `unavailable: ${(error as Error).message.split('\n')[0]}`;
    } finally {
      await page.close();
    }
  }

  log(`timing the same fit on a bare page (${chosenBackend})…`);
  const bareSame = await bareThroughput(chosenBackend);

  // (d) every backend on the bare page
  const perBackend: Record<string, number | string> = {};
  for (const backend of ['cpu', 'webgl', 'webgl-unpacked', 'webgpu']) {
    log(`timing ${backend}…`);
    perBackend[backend] = backend === chosenBackend ? bareSame : await bareThroughput(backend);
  }
  await browser.close();
  await site.close();
  await bare.close();

  const results = {
    date: new Date().toISOString(),
    machine: 'headless Chromium, this machine (software GPU)',
    pageJavaScriptGzipBytes: { beforeTouchingACell: beforeTouch, afterFirstEditorOpens: afterEditor },
    navigationToFirstOutputMs: firstOutputMs,
    fitSamplesPerSecond: {
      inLabCell: labThroughput,
      barePage: bareSame,
      backend: chosenBackend,
      labOverBare: typeof bareSame === 'number' ? Number((labThroughput / bareSame).toFixed(3)) : null,
    },
    barePageSamplesPerSecondByBackend: perBackend,
    labChose: chosen,
  };
  return results;
}

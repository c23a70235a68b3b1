/**
 * The measurements behind `npm run bench` (src/cli/bench.ts), in headless Chromium on localhost:
 * (a) JavaScript a lesson page loads (gzip) before a cell is touched and after the first editor
 * opens; (b) time from navigation to the first cell's output; (c) throughput of the same
 * model.fit in a cell and on a bare TF.js page, same backend, as a ratio; (d) throughput per
 * backend and the backend the lab chose. Figures are from one run on a shared machine: compare
 * ratios, not absolute times.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { slugOf } from '../src/notebook/lesson.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../src/node/chromium.ts';
import { serveStatic } from '../src/node/static-server.ts';
import { fitSource } from './fit-workload.ts';

type Rates = { dense: number; conv: number };

/** Real lessons (lessons/NN-slug.md), by slug, in course order. */
const realLessons = () =>
  readdirSync('lessons')
    .filter((name) => /^\d+-.*\.md$/.test(name))
    .sort()
    .map(slugOf);

/** The backend with the highest rate for one kind of work, among those measured. */
function fastest(rates: Record<string, Rates | string>, kind: keyof Rates): string | undefined {
  const measured = Object.entries(rates).filter((entry): entry is [string, Rates] => typeof entry[1] !== 'string');
  return measured.sort((a, b) => b[1][kind] - a[1][kind])[0]?.[0];
}

/**
 * Builds the site and the bare page into `out`, measures both, and returns the figures; with
 * `lessons`, also each real lesson's Run all in seconds, on the backend the lab chooses.
 */
export async function measure(outDir: string, { lessons = false } = {}) {
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
  // What the lab's probe measured on that first Run, per backend (client/backend-rates.ts).
  const labRates = (await first.page.evaluate(() => JSON.parse(localStorage.getItem('lab:backend-rates') ?? '{}').rates)) as
    | Record<string, Rates>
    | undefined;
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
  const chosen = `${await inLab.page.textContent('.backend-label')}: ${await inLab.page.textContent('.backend-details')}`;
  const chosenName = (await inLab.page.evaluate(() => document.body.dataset.backend))!;
  // The lab turns WebGL's texel packing off on a software renderer (client/backend.ts): compare
  // it with a bare page set the same way.
  const packed = await inLab.page.evaluate(async () =>
    (
      await (window as unknown as { lab: { loadSession(): Promise<{ tf: { env(): { getBool(f: string): boolean } } }> } }).lab.loadSession()
    ).tf
      .env()
      .getBool('WEBGL_PACK'),
  );
  const chosenBackend = chosenName === 'webgl' && !packed ? 'webgl-unpacked' : chosenName;
  await inLab.page.close();

  /** `benchFit` or `benchRates` of the bare page, on a fresh page per backend. */
  async function onBarePage<T>(call: 'benchFit' | 'benchRates', backend: string): Promise<T | string> {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    await page.goto(bare.url);
    await page.waitForFunction(() => 'benchFit' in window);
    try {
      return await page.evaluate(([c, b]) => (window as unknown as Record<string, (b: string) => Promise<T>>)[c]!(b), [
        call,
        backend,
      ] as const);
    } catch (error) {
      return `unavailable: ${(error as Error).message.split('\n')[0]}`;
    } finally {
      await page.close();
    }
  }
  const bareThroughput = (backend: string) => onBarePage<number>('benchFit', backend);

  log(`timing the same fit on a bare page (${chosenBackend})…`);
  const bareSame = await bareThroughput(chosenBackend);

  // (d) every backend on the bare page
  const perBackend: Record<string, number | string> = {};
  const probeRates: Record<string, Rates | string> = {};
  for (const backend of ['cpu', 'webgl', 'webgl-unpacked', 'webgpu']) {
    log(`timing ${backend}…`);
    perBackend[backend] = backend === chosenBackend ? bareSame : await bareThroughput(backend);
    if (backend !== 'webgl') probeRates[backend] = await onBarePage<Rates>('benchRates', backend);
  }

  // (e) the lab's pick for purely dense and purely convolutional work, against the fastest backend
  // for each on the bare page. The lab runs software WebGL unpacked: compare it with that.
  const asRun = (name: string | undefined) => (name === 'webgl' && !packed ? 'webgl-unpacked' : name);
  const chosenOverFastest: Record<keyof Rates, number | null> = { dense: null, conv: null };
  for (const kind of ['dense', 'conv'] as const) {
    const pick = asRun(labRates && fastest(labRates, kind));
    const best = fastest(probeRates, kind);
    const [picked, top] = [probeRates[pick ?? ''], probeRates[best ?? '']];
    if (typeof picked === 'object' && typeof top === 'object') chosenOverFastest[kind] = Number((picked[kind] / top[kind]).toFixed(3));
  }

  // (f) each real lesson's Run all, in one browser profile (the lab measures the device once)
  const lessonRunAll: Record<string, { seconds: number; backend: string; failedCells?: number }> = {};
  if (lessons) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    for (const slug of realLessons()) {
      log(`Run all of ${slug}…`);
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${site.url}lessons/${slug}/`);
      const started = Date.now();
      await page.getByRole('button', { name: 'Run all' }).click();
      await page.waitForFunction(
        () => {
          const cells = [...document.querySelectorAll('[data-cell]')].map((c) => c.getAttribute('data-status'));
          return cells.includes('error') || cells.every((s) => s === 'done' || s === 'skipped');
        },
        null,
        { timeout: 600_000, polling: 250 },
      );
      const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
      const failedCells = await page.locator('[data-cell][data-status="error"]').count();
      const backend = (await page.evaluate(() => document.body.dataset.backend)) ?? 'unknown';
      lessonRunAll[slug] = { seconds, backend, ...(failedCells ? { failedCells } : {}) };
      await page.close();
    }
    await context.close();
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
    probeSamplesPerSecondByBackend: { bench: probeRates, labsOwnProbe: labRates ?? null },
    chosenOverFastest,
    ...(lessons ? { lessonRunAll } : {}),
  };
  return results;
}

/**
 * Offline use: after one visit the service worker holds the whole build, so with the network gone
 * (context offline and the server stopped) an unvisited lesson opens, its editor (Monaco and the
 * TypeScript worker) works, a dataset loads and a lesson runs. And an update: a new build waits
 * until the learner accepts it, then replaces the old version and its cache.
 *
 * Other browser tests block service workers (tests/e2e/browser.ts); these contexts allow them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/node/static-server.ts';
import { buildManifest, writeServiceWorker, type OfflineManifest } from '../../src/site/offline-manifest.ts';
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, runCell, statuses, waitUntilSettled } from './browser.ts';
import { prepared } from '../helpers/prepared.ts';

let browser: Browser;
beforeAll(async () => {
  await prepared('site');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
afterAll(() => browser?.close());

async function newPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => void dialog.accept());
  return { page, errors };
}

/** Waits until the worker controls the page and its cache holds every file of the build. */
async function waitUntilSaved(page: Page, manifest: OfflineManifest, timeout = 120_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let state: { controlled: boolean; caches: string[]; cached: number } | undefined;
  while (Date.now() < deadline) {
    state = await page.evaluate(
      async (name) => ({
        controlled: Boolean(navigator.serviceWorker?.controller),
        caches: await caches.keys(),
        cached: (await caches.has(name)) ? (await (await caches.open(name)).keys()).length : 0,
      }),
      `lab-${manifest.version}`,
    );
    if (state.controlled && state.cached === manifest.files.length) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`not saved for offline use after ${timeout} ms: ${JSON.stringify(state)} (want ${manifest.files.length} files)`);
}

describe('offline', () => {
  let site: StaticServer;
  let context: BrowserContext;
  beforeAll(async () => {
    site = await serveStatic(inject('siteDir'), { base: inject('siteBase') });
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    await site?.close().catch(() => {});
  });

  it('after one visit, an unvisited lesson, its editor, a dataset and Run all work with no network', async () => {
    const manifest = buildManifest(inject('siteDir'), inject('siteBase'));
    const { page, errors } = await newPage(context);
    const start = Date.now();
    await page.goto(site.url);
    await page.goto(`${site.url}lessons/ui-basics/`);
    await waitUntilSaved(page, manifest);
    const seconds = (Date.now() - start) / 1000;
    console.log(
      `offline: ${manifest.files.length} files, ${(manifest.totalBytes / 1e6).toFixed(1)} MB precached; first visit to saved: ${seconds.toFixed(1)} s`,
    );
    const ready = page.getByRole('status').filter({ hasText: 'Saved for offline use' });
    await ready.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/offline-ready.png` });
    // It goes by itself (after 8 s), not only when dismissed.
    await ready.waitFor({ state: 'detached', timeout: 20_000 });
    // The notice is said once: the next page does not repeat it.
    await page.reload();
    await page.waitForTimeout(500);
    expect(await ready.count()).toBe(0);

    // No network at all: the browser is offline and the server is gone.
    await context.setOffline(true);
    await site.close();

    await page.goto(`${site.url}lessons/ui-data/`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/data/i);
    // The editor: Monaco, its TypeScript worker, and the lab's types (editor-types.json).
    await page.locator('[data-cell="0"] .cell-code').click();
    await page.locator('[data-cell="0"] .monaco-editor').waitFor({ timeout: 30_000 });
    const info = await page.evaluate(async () => {
      type Kit = {
        monaco: {
          Uri: { parse(s: string): { toString(): string } };
          editor: { getModel(u: unknown): { getValue(): string } | null };
          typescript: {
            getTypeScriptWorker(): Promise<
              (
                uri: unknown,
              ) => Promise<{ getQuickInfoAtPosition(f: string, o: number): Promise<{ displayParts: { text: string }[] } | undefined> }>
            >;
          };
        };
      };
      const kit = await (window as unknown as { lab: { editorKit(): Promise<Kit> } }).lab.editorKit();
      const uri = kit.monaco.Uri.parse('file:///lesson/cell-1.ts');
      const source = kit.monaco.editor.getModel(uri)!.getValue();
      const worker = await (await kit.monaco.typescript.getTypeScriptWorker())(uri);
      const quick = await worker.getQuickInfoAtPosition(uri.toString(), source.indexOf('loadDataset(') + 2);
      return quick?.displayParts.map((part) => part.text).join('') ?? '';
    });
    expect(info).toMatch(/loadDataset<"penguins">.*Promise<PenguinsDataset>/);
    // A dataset, from the cache.
    await runCell(page, 0);
    expect(await page.getAttribute('[data-cell="0"]', 'data-status')).toBe('done');
    expect(await page.locator('[data-cell="0"] [data-output]').textContent()).toMatch(/344 penguins/);

    // A whole lesson runs offline.
    await page.goto(`${site.url}lessons/ui-basics/`);
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell="0"]')?.getAttribute('data-status') !== 'idle');
    await waitUntilSettled(page, 180_000);
    expect(new Set(await statuses(page))).toEqual(new Set(['done']));

    // Reloading offline, and a page with a query string (app view).
    await page.reload();
    await expect(page.locator('[data-cell]').count()).resolves.toBeGreaterThan(3);
    await page.goto(`${site.url}lessons/ui-basics/?view=app`);
    expect(await page.evaluate(() => document.body.dataset.view)).toBe('app');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('updates', () => {
  let copy: string;
  let site: StaticServer;
  let context: BrowserContext;
  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'lab-offline-update-'));
    cpSync(inject('siteDir'), copy, { recursive: true });
    site = await serveStatic(copy, { base: inject('siteBase') });
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    await site?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('a new build waits for the learner, then replaces the old version and its cache', async () => {
    const old = buildManifest(copy, inject('siteBase'));
    const { page, errors } = await newPage(context);
    await page.goto(site.url);
    await waitUntilSaved(page, old);

    // A new build: one page's text changes, and sw.js gets a new version.
    const index = join(copy, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</main>', '<p id="new-version">Version two</p></main>'));
    const next = writeServiceWorker(copy, inject('siteBase'));
    expect(next.version).not.toBe(old.version);

    await page.reload();
    const banner = page.getByRole('status').filter({ hasText: 'A new version of the lab is ready.' });
    await banner.waitFor({ timeout: 60_000 });
    // Still the old version: the page, and the cache it is served from.
    expect(await page.locator('#new-version').count()).toBe(0);
    await page.reload();
    await banner.waitFor({ timeout: 30_000 });
    expect(await page.locator('#new-version').count()).toBe(0);
    expect(await page.evaluate(() => caches.keys())).toContain(`lab-${old.version}`);
    await page.screenshot({ path: `${SCREENSHOTS}/offline-update.png` });

    const button = banner.getByRole('button', { name: 'Reload to update' });
    await Promise.all([page.waitForEvent('load'), button.click()]);
    await page.locator('#new-version').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/sw\.js$/);
    expect(await page.evaluate(() => caches.keys())).toEqual([`lab-${next.version}`]);
    expect(await page.getByRole('status').filter({ hasText: 'A new version' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

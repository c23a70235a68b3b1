/**
 * Headless Chromium (Debian's) driven by Playwright, against the built site served on localhost
 * (a secure context, so WebGPU is exposed). Each page records console errors and page errors.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/node/static-server.ts';
import { prepared } from '../helpers/prepared.ts';

import { CHROMIUM, CHROMIUM_ARGS } from '../../src/node/chromium.ts';

export { CHROMIUM, CHROMIUM_ARGS };
export const SCREENSHOTS = 'test-results/screenshots';

export interface Lab {
  browser: Browser;
  site: StaticServer;
  /**
   * A fresh browser profile at `path`. Its backend is pinned to WebGL (a GPU-like float path stays
   * tested, and no page spends a second measuring) unless `measure` lets the lab choose by its probe.
   */
  open(path: string, options?: { measure?: boolean }): Promise<LabPage>;
  close(): Promise<void>;
}

export interface LabPage {
  page: Page;
  errors: string[];
}

export async function startLab(): Promise<Lab> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` (.ci/run does).`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  await prepared('site'); // built in the background by tests/global-setup.ts
  const site = await serveStatic(inject('siteDir'), { base: inject('siteBase') });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    browser,
    site,
    async open(path, { measure = false } = {}) {
      // Service workers blocked: each page is a fresh profile, and the lab's worker would download
      // the whole site (25 MB) behind it. tests/e2e/offline.test.ts tests the worker.
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, serviceWorkers: 'block' });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
        // Observable Plot's own warnings ("Warning: the implicit z channel…") are bugs in a chart.
        if (message.type() === 'warning' && message.text().startsWith('Warning:')) errors.push(`Plot: ${message.text()}`);
      });
      page.on('dialog', (dialog) => void dialog.accept());
      if (!measure) {
        await page.addInitScript(() => {
          try {
            if (!localStorage.getItem('lab:backend')) localStorage.setItem('lab:backend', 'webgl');
          } catch {
            // A sandboxed frame (the share page's) has no storage; it chooses for itself.
          }
        });
      }
      await page.goto(site.url + path.replace(/^\//, ''));
      return { page, errors };
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

export const statuses = (page: Page) => page.$$eval('[data-cell]', (cells) => cells.map((c) => (c as HTMLElement).dataset.status));

/** Waits until no cell is queued, running or stopping (after Run all, Stop, ...). */
export async function waitUntilSettled(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const busy = ['queued', 'running', 'stopping'];
      return [...document.querySelectorAll<HTMLElement>('[data-cell]')].every((cell) => !busy.includes(cell.dataset.status!));
    },
    null,
    { timeout, polling: 100 },
  );
}

/** A value from the lesson scope, through the page's test hook. */
export function scopeValue(page: Page, name: string): Promise<unknown> {
  return page.evaluate(async (key) => {
    const session = await (
      window as unknown as { lab: { loadSession(): Promise<{ kernel: { scope: Record<string, unknown> } }> } }
    ).lab.loadSession();
    return session.kernel.scope[key];
  }, name);
}

/** Clicks an action of the toolbar's "More" menu, opening the menu first, as a learner does. */
export async function menuAction(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.locator('.toolbar-menu').getByRole('button', { name, exact: true }).click();
}

/** Replaces a cell's code through its editor model, as typing would. */
export async function setCellCode(page: Page, index: number, code: string): Promise<void> {
  await page.locator(`[data-cell="${index}"] .cell-code`).click();
  await page.locator(`[data-cell="${index}"] .monaco-editor`).waitFor();
  await page.evaluate(
    async ({ index, code }) => {
      const kit = await (
        window as unknown as {
          lab: {
            editorKit(): Promise<{
              monaco: { editor: { getModel(uri: unknown): { setValue(v: string): void } }; Uri: { parse(s: string): unknown } };
            }>;
          };
        }
      ).lab.editorKit();
      kit.monaco.editor.getModel(kit.monaco.Uri.parse(`file:///lesson/cell-${index + 1}.ts`))!.setValue(code);
    },
    { index, code },
  );
}

/**
 * Clicks a cell's "Run cell" button and waits until that run has finished. The page shows a new
 * status on its next animation frame, so "nothing is busy" right after a click can still describe
 * the time before it: wait for the cell's run count (data-runs) to go up instead.
 */
export async function runCell(page: Page, index: number, timeout = 120_000): Promise<void> {
  const selector = `[data-cell="${index}"]`;
  const before = Number((await page.getAttribute(selector, 'data-runs')) ?? 0);
  await page.locator(selector).getByRole('button', { name: 'Run cell' }).click();
  await page.waitForFunction(
    ({ selector, before }) => {
      const cell = document.querySelector<HTMLElement>(selector)!;
      return Number(cell.dataset.runs ?? 0) > before && ['done', 'error', 'stale'].includes(cell.dataset.status!);
    },
    { selector, before },
    { timeout, polling: 50 },
  );
  await waitUntilSettled(page, timeout);
}

/**
 * Runs `action` and saves the `count` downloads it starts into a new temporary folder; returns
 * their paths (named as the page named them).
 */
export async function downloadsOf(page: Page, count: number, action: () => Promise<unknown>): Promise<string[]> {
  const downloads: import('playwright-core').Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await action();
  const deadline = Date.now() + 10_000;
  while (downloads.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (downloads.length !== count) throw new Error(`expected ${count} downloads, got ${downloads.length}`);
  const dir = mkdtempSync(join(tmpdir(), 'lab-download-'));
  return Promise.all(
    downloads.map(async (download) => {
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      return path;
    }),
  );
}

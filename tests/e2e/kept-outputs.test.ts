/**
 * Outputs that survive a reload, in Chromium: "Run to here", then a reload shows each unchanged
 * cell's outputs again (charts included) marked as from the last visit, not an edited cell's;
 * nothing kept can run script (a tampered record is sanitised); a run takes a cell back; Restart
 * forgets what was kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCell, setCellCode, startLab, statuses, waitUntilSettled, type Lab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const cell = (index: number) => `[data-cell="${index}"]`;
const restored = (page: Page) =>
  page.evaluate(() => (window as unknown as { lab: { outputsRestored: Promise<number> } }).lab.outputsRestored);
const outputTexts = (page: Page, upTo: number) =>
  page.$$eval('[data-cell] [data-output]', (outputs, n) => outputs.slice(0, n + 1).map((o) => o.textContent), upTo);

/** Replaces one cell's kept outputs straight in IndexedDB, as other code of the origin could. */
function tamper(page: Page, key: string, outputs: unknown[]): Promise<void> {
  return page.evaluate(
    ({ key, outputs }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('lab-outputs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('lessons', 'readwrite').objectStore('lessons');
          const get = store.get('ui-basics');
          get.onsuccess = () => {
            const entry = JSON.parse(get.result as string);
            entry[key].outputs = outputs;
            store.put(JSON.stringify(entry), 'ui-basics').onsuccess = () => resolve();
          };
        };
      }),
    { key, outputs },
  );
}

describe('outputs kept across a reload', () => {
  it('shows unchanged cells as they were, never an edited one, and nothing that runs script', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    const checks = Number(await page.getAttribute('[data-id="line-checks"]', 'data-cell'));
    const chart = Number(await page.getAttribute('[data-id="points"]', 'data-cell'));
    await page.locator(cell(checks)).getByRole('button', { name: 'Run to here' }).click();
    await page.waitForFunction((i) => document.querySelector(`[data-cell="${i}"]`)?.getAttribute('data-status') === 'done', checks, {
      timeout: 120_000,
    });
    await waitUntilSettled(page);
    expect((await statuses(page)).slice(0, checks + 1).every((s) => s === 'done')).toBe(true);
    const before = await outputTexts(page, checks);
    // An edit not run: that cell's old outputs must not come back as if they were its code's.
    await setCellCode(page, 1, 'const edited = true;');
    await page.waitForTimeout(2500); // the kept outputs are written 1.5 s after the last change

    await page.reload();
    expect(await restored(page)).toBe(checks);
    const after = await outputTexts(page, checks);
    expect(after.filter((_, i) => i !== 1)).toEqual(before.filter((_, i) => i !== 1));
    expect(after[1]).toBe('');
    expect(await page.getAttribute(cell(1), 'data-restored')).toBeNull();
    expect(await page.getAttribute(cell(0), 'data-restored')).toBe('done');
    expect(await page.textContent(`${cell(0)} .cell-state`)).toBe('from your last visit');
    expect(await page.locator(`${cell(chart)} [data-output] svg`).count()).toBeGreaterThan(0);
    expect(await page.isVisible('.restored-note')).toBe(true);
    // Nothing ran: TF.js is not even loaded, and the statuses are the page's first ones.
    expect((await statuses(page)).every((s) => s === 'idle' || s === 'skipped')).toBe(true);

    // Running a cell takes it back from the last visit.
    await runCell(page, 0);
    expect(await page.getAttribute(cell(0), 'data-restored')).toBeNull();
    expect(await page.getAttribute(cell(chart), 'data-restored')).toBe('done');

    // A record tampered with in storage shows, sanitised: no script runs, no handler is kept.
    await tamper(page, 'id:points', [
      {
        kind: 'chart',
        text: 'a chart',
        svg: '<svg onload="window.__pwned=1"><script>window.__pwned=2</script><circle r="5"></circle></svg>',
      },
      { kind: 'image', text: 'a picture', src: 'javascript:window.__pwned=3', width: 1, height: 1 },
      { kind: 'unknown', text: 'what' },
    ]);
    await page.reload();
    await restored(page);
    expect(await page.locator(`${cell(chart)} [data-output] circle`).count()).toBe(1);
    expect(await page.locator(`${cell(chart)} [data-output] script, ${cell(chart)} [data-output] img`).count()).toBe(0);
    expect(
      await page.$eval(`${cell(chart)} [data-output] svg`, (svg) => svg.getAttributeNames().filter((n) => n.startsWith('on'))),
    ).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Restart forgets the kept outputs: after a reload nothing comes back.
    await runCell(page, 0);
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell="0"]')?.getAttribute('data-status') === 'idle');
    await page.waitForTimeout(2500);
    await page.reload();
    expect(await restored(page)).toBe(0);
    expect(await page.isVisible('.restored-note')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});

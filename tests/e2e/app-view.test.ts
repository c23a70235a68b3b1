/**
 * App view: a lesson as an app for someone who does not read code. Prose and code are hidden,
 * the cells marked `app` show their outputs, the cells run by themselves, and the widgets work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, runCell, startLab, waitUntilSettled, type Lab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

describe('app view', () => {
  it('?view=app runs the lesson by itself and shows only the marked outputs', async () => {
    const { page, errors } = await lab.open('lessons/ui-model/?view=app');
    expect(await page.evaluate(() => document.body.dataset.view)).toBe('app');
    // Nobody pressed Run: the cells start by themselves, and the page says how far they are.
    await page.waitForFunction(() => document.querySelector('[data-cell="0"]')?.getAttribute('data-status') !== 'idle');
    await waitUntilSettled(page, 180_000);
    expect(await page.locator('.app-status').textContent()).toBe('');
    // Prose, headings and unmarked cells are hidden; the marked cells show outputs but no code.
    await expect(page.getByText('A model in a notebook helps nobody else').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-cell="0"]').isVisible()).resolves.toBe(false);
    const marked = page.locator('.cell[data-app]');
    expect(await marked.count()).toBe(2);
    for (const cell of await marked.all()) {
      expect(await cell.isVisible()).toBe(true);
      expect(await cell.locator('.cell-code').isVisible()).toBe(false);
    }
    // The drawing pad works as an app: draw a circle, update the answer.
    const padCell = marked.first();
    const answerCell = Number(await marked.nth(1).getAttribute('data-cell'));
    await padCell.getByRole('button', { name: /circle/i }).click();
    await runCell(page, answerCell);
    expect(await page.locator(`[data-cell="${answerCell}"] [data-output]`).textContent()).toMatch(/the model says circle/);
    await page.screenshot({ path: `${SCREENSHOTS}/app-view.png`, fullPage: true });
    // Back to the notebook: everything is there again, and the address says so.
    await page.getByRole('button', { name: 'Notebook view' }).click();
    await expect(page.getByText('A model in a notebook helps nobody else').isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a lesson with no marked cells says so instead of showing an empty page', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    await page.getByRole('button', { name: 'App view' }).click();
    expect(await page.locator('.app-status').textContent()).toContain('marks no cells for app view');
    expect(new URL(page.url()).searchParams.get('view')).toBe('app');
    await page.close();
  });
});

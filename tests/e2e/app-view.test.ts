/**
 * App view: a lesson as an app for someone who does not read code. Prose and code are hidden,
 * the cells marked `app` show their outputs, the cells run by themselves, and the widgets work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, menuAction, startLab, waitUntilSettled, type Lab } from './browser.ts';

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
      // No notebook chrome: no Run button, no "done in 5 ms".
      expect(await cell.locator('.cell-head').isVisible()).toBe(false);
    }
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    // The answer reacts: a new drawing is judged as soon as it is made, with no Run to press.
    const padCell = marked.first();
    const answerCell = Number(await marked.nth(1).getAttribute('data-cell'));
    const answer = page.locator(`[data-cell="${answerCell}"] [data-output]`);
    const runsOf = async () => Number(await page.getAttribute(`[data-cell="${answerCell}"]`, 'data-runs'));
    const before = await runsOf();
    await padCell.getByRole('button', { name: /circle/i }).click();
    await page.waitForFunction(
      (i) => /the model says circle/.test(document.querySelector(`[data-cell="${i}"] [data-output]`)!.textContent!),
      answerCell,
    );
    expect(await runsOf()).toBe(before + 1);
    // A stroke drawn by hand is judged when it ends (pointer up), not while it is drawn.
    const box = (await padCell.locator('canvas').boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 200, { steps: 8 });
    expect(await runsOf()).toBe(before + 1);
    await page.mouse.up();
    await page.waitForFunction(
      ([i, n]) => Number(document.querySelector(`[data-cell="${i}"]`)!.getAttribute('data-runs')) === n,
      [answerCell, before + 2],
    );
    expect(await answer.textContent()).toMatch(/the model says/);
    await page.screenshot({ path: `${SCREENSHOTS}/app-view.png`, fullPage: true });
    // Back to the notebook: everything is there again, and the address says so.
    await page.getByRole('button', { name: 'Back to the notebook' }).click();
    await expect(page.getByText('A model in a notebook helps nobody else').isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a lesson with no marked cells says so instead of showing an empty page', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    await menuAction(page, 'App view');
    expect(await page.locator('.app-status').textContent()).toContain('marks no cells for app view');
    expect(new URL(page.url()).searchParams.get('view')).toBe('app');
    await page.close();
  });
});

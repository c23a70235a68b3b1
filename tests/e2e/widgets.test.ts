/** The labelling and cleaning widgets with a real mouse and keyboard, in Chromium. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, waitUntilSettled, type Lab, runCell } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const cell = (index: number) => `[data-cell="${index}"]`;
/** The index of the first cell whose code contains `text` (lessons gain cells; indices move). */
const cellWith = (page: import('playwright-core').Page, text: string) =>
  page.$$eval(
    '[data-cell]',
    (cells, wanted) =>
      Number((cells as HTMLElement[]).find((c) => c.querySelector('.cell-code')?.textContent?.includes(wanted))?.dataset.cell ?? -1),
    text,
  );

describe('the labelling widget', () => {
  it('labels by click and by keys, undoes, moves, and exports', async () => {
    const { page, errors } = await lab.open('lessons/ui-widgets/');
    await page.locator(cell(0)).getByRole('button', { name: 'Run cell' }).click();
    const widget = page.locator('.lab-labeller');
    await widget.waitFor();
    const status = widget.locator('.labeller-status');
    expect(await status.textContent()).toBe('Image 1 of 300 · 0 labelled');
    await widget.getByRole('button', { name: '2 square' }).click();
    expect(await status.textContent()).toBe('Image 2 of 300 · 1 labelled');
    await widget.focus();
    await page.keyboard.press('3');
    expect(await status.textContent()).toBe('Image 3 of 300 · 2 labelled');
    await page.keyboard.press('Backspace');
    expect(await status.textContent()).toBe('Image 2 of 300 · 1 labelled');
    await page.keyboard.press('1');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await status.textContent()).toBe('Image 1 of 300 (labelled square) · 2 labelled');
    const [download] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: 'Download labels' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toEqual({
      classes: ['circle', 'square', 'triangle'],
      labels: [
        { index: 0, label: 1 },
        { index: 1, label: 0 },
      ],
    });
    await runCell(page, 1);
    expect(await page.locator(`${cell(1)} [data-output]`).textContent()).toMatch(/^you labelled 2 images; [0-2] agree with the truth$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the cleaning widget', () => {
  it('relabels and deletes by click and key; the next cell sees the decisions', async () => {
    const { page, errors } = await lab.open('lessons/ui-widgets/');
    const widgetCell = await cellWith(page, 'cleaner({');
    const nextCell = await cellWith(page, 'review.reviewWith');
    expect(widgetCell).toBeGreaterThan(0);
    expect(nextCell).toBeGreaterThan(widgetCell);
    await page.locator(cell(widgetCell)).getByRole('button', { name: 'Run cell' }).click();
    await page.getByRole('button', { name: /^Run cells .* first$/ }).click();
    await page.locator('.lab-cleaner').waitFor({ timeout: 60_000 });
    await waitUntilSettled(page);
    const items = page.locator('.cleaner-item');
    expect(await items.count()).toBe(30);
    await items.nth(0).getByRole('button', { name: 'Delete' }).click();
    expect(await items.nth(0).getAttribute('data-decision')).toBe('delete');
    await items.nth(1).focus();
    await page.keyboard.press('r');
    expect(await items.nth(1).getAttribute('data-decision')).toBe('relabel');
    expect(await items.nth(1).textContent()).toMatch(/relabelled/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    expect(await items.nth(2).getAttribute('data-decision')).toBe('keep');
    await items.nth(3).getByLabel('Relabel as').selectOption({ label: '3 triangle' });
    // A row relabelled to another class keeps the label its loss was measured on: "label square → triangle".
    expect(await items.nth(3).textContent()).toMatch(/^label ((circle|square) → )?triangle .* relabelled/);
    await items.nth(4).focus();
    await page.keyboard.press('1');
    expect(await items.nth(4).textContent()).toMatch(/^label (square|triangle) → circle .* relabelled/);
    expect(await page.locator('.cleaner-summary').textContent()).toBe('30 items with the highest loss · 3 relabelled, 1 deleted, 1 kept');
    await runCell(page, nextCell);
    expect(await page.locator(`${cell(nextCell)} [data-output]`).textContent()).toMatch(/wrong labels left in 299 items/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * The capstone's widgets in Chromium, on a fixture lesson: drawings added on the pad and labelled
 * with the labeller survive a reload (IndexedDB), a removed one is gone, and the clock per section
 * counts the learner's time where they worked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCell, startLab, type Lab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

describe("a project's own drawings", () => {
  it('keeps drawings and their labels across a reload, removes one, and times the sections', async () => {
    const { page, errors } = await lab.open('lessons/ui-project/');
    const cell = (id: string) => page.locator(`[data-id="${id}"]`);
    const status = cell('collect').locator('.collection-status');
    await runCell(page, 0);
    await cell('collect').getByRole('button', { name: 'Add to my drawings' }).click();
    await expect.poll(() => status.textContent()).toBe('The pad is empty: draw something first.');
    const pad = cell('collect').locator('.lab-drawing-pad canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 60);
    await page.mouse.down();
    for (const [x, y] of [
      [200, 60],
      [200, 200],
      [60, 200],
      [60, 60],
    ])
      await page.mouse.move(box.x + x!, box.y + y!, { steps: 6 });
    await page.mouse.up();
    await cell('collect').getByRole('button', { name: 'Add to my drawings' }).click();
    await expect.poll(() => status.textContent()).toBe('1 drawing: 0 circle, 0 square, 1 not labelled yet. Kept in this browser.');
    expect(await cell('collect').getByRole('img', { name: 'drawing 1, not labelled' }).count()).toBe(1);
    // Time at work in "Collect": a tick counts every 5 s while the learner did something there lately.
    await page.waitForTimeout(5500);

    await runCell(page, 1);
    await cell('label').locator('.lab-labeller').press('2');
    await expect.poll(() => cell('label').locator('.labeller-status').textContent()).toContain('1 labelled');
    await runCell(page, 2);
    const times = await cell('times').locator('[data-output]').textContent();
    expect(times).toMatch(/Collect: (\d+) s at work, ran/);
    expect(Number(/Collect: (\d+) s/.exec(times!)![1])).toBeGreaterThanOrEqual(5);
    expect(times).toMatch(/Time: \d+ s at work, did not run/); // its cell's run counts once it has finished

    await page.reload();
    await cell('label').getByRole('button', { name: 'Run to here' }).click();
    await expect.poll(() => cell('label').locator('.labeller-status').textContent(), { timeout: 60_000 }).toContain('1 labelled');
    expect(await status.textContent()).toBe('1 drawing: 0 circle, 1 square. Kept in this browser.');
    await cell('collect').getByRole('button', { name: 'Remove drawing 1' }).click();
    await expect.poll(() => status.textContent()).toBe('0 drawings: 0 circle, 0 square. Kept in this browser.');
    await page.reload();
    await runCell(page, 0);
    expect(await status.textContent()).toBe('0 drawings: 0 circle, 0 square. Kept in this browser.');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Every published lesson runs green in Chromium from "Run all", with no console error. */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugOf } from '../../src/notebook/lesson.ts';
import { axeBothSchemes } from './axe.ts';
import { SCREENSHOTS, startLab, statuses, waitUntilSettled, type Lab } from './browser.ts';

const slugs = readdirSync('lessons').filter((name) => /^\d+-.*\.md$/.test(name)).sort().map(slugOf);
let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

describe('every lesson in Chromium', () => {
  it.each(slugs)('%s: Run all ends with every cell done', async (slug) => {
    const { page, errors } = await lab.open(`lessons/${slug}/`);
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell="0"]')?.getAttribute('data-status') !== 'idle');
    // The longest lesson takes over a minute on a software GPU; a busy CI machine, longer.
    await waitUntilSettled(page, 280_000);
    const result = await statuses(page);
    expect(result.every((s) => s === 'done' || s === 'skipped'), `statuses: ${result.join(', ')}`).toBe(true);
    expect(errors).toEqual([]);
    // The backend the toolbar names is the one TF.js really uses.
    const shown = (await page.textContent('.backend-label'))!.split(' · ')[0];
    const used = await page.evaluate(async () => (await (window as unknown as { lab: { loadSession(): Promise<{ tf: { getBackend(): string } }> } }).lab.loadSession()).tf.getBackend());
    expect(shown).toBe(used);
    await page.screenshot({ path: `${SCREENSHOTS}/${slug}.png`, fullPage: true });
    // Accessibility after running, when charts, tables, widgets and checks are on the page.
    expect((await axeBothSchemes(page)).join('\n')).toBe('');
    await page.close();
  }, 300_000);
});

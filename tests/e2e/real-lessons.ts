/**
 * Each published lesson once in Chromium, from Run all: every cell done, no console error, the
 * backend shown is the one TF.js uses, a screenshot, axe (light and dark) on the page with its
 * charts, tables, widgets and checks, and its layout at laptop and phone width (layout.ts). One file per part of the lessons (tests/lesson-parts.ts).
 * The notebook's behaviours are tested on fixture lessons (the other files here), not on these.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugOf } from '../../src/notebook/lesson.ts';
import { BROWSER_BACKENDS, BROWSER_PARTS, lessonsOfPart } from '../lesson-parts.ts';
import { axeBothSchemes } from './axe.ts';
import { layoutProblems } from './layout.ts';
import { SCREENSHOTS, startLab, statuses, waitUntilSettled, type Lab } from './browser.ts';

export function realLessonTests(part: number): void {
  const files = lessonsOfPart(BROWSER_PARTS, part).filter((name) => /^\d+-.*\.md$/.test(name));
  const slugs = files.map(slugOf);
  const backendOf = (slug: string) => BROWSER_BACKENDS[files[slugs.indexOf(slug)]!] ?? 'webgl';
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(() => lab?.close());

  describe(`lessons, part ${part}, in Chromium`, () => {
    it.each(slugs)(
      '%s: Run all ends with every cell done',
      async (slug) => {
        const { page, errors } = await lab.open(`lessons/${slug}/?backend=${backendOf(slug)}`);
        await page.getByRole('button', { name: 'Run all' }).click();
        await page.waitForFunction(() => document.querySelector('[data-cell="0"]')?.getAttribute('data-status') !== 'idle');
        // The longest lesson takes a minute on a software GPU alone, two beside another browser
        // test, and longer on a busy machine: a timeout here would only hide where it is slow.
        await waitUntilSettled(page, 540_000);
        const result = await statuses(page);
        // On failure, say what the failing cells printed: a check that holds headless but not on
        // WebGL, or a cell that depends on an unsolved exercise, shows only here.
        const failed = await page.$$eval('[data-cell][data-status="error"] [data-output]', (outputs) =>
          outputs.map((output) => (output.textContent ?? '').replace(/\s+/g, ' ').trim().slice(-600)),
        );
        expect(
          result.every((s) => s === 'done' || s === 'skipped'),
          `statuses: ${result.join(', ')}\n${failed.join('\n')}`,
        ).toBe(true);
        expect(errors).toEqual([]);
        // The backend the toolbar names is the one TF.js really uses.
        const shown = (await page.textContent('.backend-label'))!.split(' · ')[0]!.toLowerCase();
        expect(shown).toBe(backendOf(slug));
        const used = await page.evaluate(async () =>
          (
            await (window as unknown as { lab: { loadSession(): Promise<{ tf: { getBackend(): string } }> } }).lab.loadSession()
          ).tf.getBackend(),
        );
        expect(shown).toBe(used);
        await page.screenshot({ path: `${SCREENSHOTS}/${slug}.png`, fullPage: true });
        // Accessibility after running, when charts, tables, widgets and checks are on the page.
        expect((await axeBothSchemes(page)).join('\n')).toBe('');
        // The same page, run, at a laptop's and a phone's width in both schemes.
        expect((await layoutProblems(page, (view) => `${SCREENSHOTS}/${slug}-${view}.png`)).join('\n')).toBe('');
        await page.close();
      },
      600_000,
    );
  });
}

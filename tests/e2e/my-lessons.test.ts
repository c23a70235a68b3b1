/**
 * Lessons that become the learner's own: "Open in my lab" from a shared link (after a warning), a
 * lesson kept in this browser that never runs by itself, with edits, outputs and progress that
 * survive a reload, listed and removable on the index; and "Edit lesson source" on one of the lab's
 * lessons (a copy) with a parse problem shown at its line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLesson } from '../../src/client/share-codec.ts';
import { axeBothSchemes } from './axe.ts';
import { menuAction, runCell, SCREENSHOTS, setCellCode, startLab, statuses, type Lab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const FENCE = '```';
const FRIEND = `---
title: A lesson from a friend
stage: intro
summary: Two cells, an exercise and an app cell.
---

Some <b>bold</b> words, a picture <img src="x.png" onerror="window.pwned = 1">, and [the training lesson](../ui-basics/).

## Greeting

${FENCE}ts id=greeting
const greeting = "hello";
greeting.toUpperCase()
${FENCE}

## An exercise

${FENCE}ts exercise id=double
const doubled = 0; // make it 2 * 21
${FENCE}

${FENCE}ts solution for=double
const doubled = 2 * 21;
${FENCE}

${FENCE}ts check for=double id=double-check
check(doubled === 42, { id: "doubled", pass: "42", fail: \`\${doubled} is not 42\` });
${FENCE}

${FENCE}ts app id=shout
\`\${greeting}!\`
${FENCE}
`;

/** What each cell offers, as the page contract names it: built in the browser for one's own lessons, by Astro for the lab's. */
const cellContract = (page: import('playwright-core').Page) =>
  page.$$eval('[data-cell]', (cells) =>
    cells.map((cell) => ({
      // Not its line: the copy is the lesson written out again, so its lines may move.
      data: Object.entries((cell as HTMLElement).dataset)
        .filter(([key]) => key !== 'line')
        .sort(),
      label: cell.getAttribute('aria-label'),
      actions: [...cell.querySelectorAll<HTMLElement>('[data-action]')].map(
        (b) => `${b.dataset.action}:${b.textContent?.trim()}:${b.hidden}`,
      ),
      tags: [...cell.querySelectorAll('.tag:not(.time-cue)')].map((t) => t.textContent),
      parts: ['.cell-head', '.cell-notice', '.cell-code', '.cell-output', '.cell-state'].map((part) => cell.querySelectorAll(part).length),
    })),
  );

const sourceModel = `(async () => {
  const kit = await window.lab.editorKit();
  return kit.monaco.editor.getModel(kit.monaco.Uri.parse('file:///lesson/source.md'));
})()`;

describe('my lessons', () => {
  it('opens a shared link in my lab after a warning; it runs only when asked, keeps edits and progress, and is removable', async () => {
    const { page, errors } = await lab.open(`open/#lesson=${await encodeLesson(FRIEND)}`);
    await page.getByRole('button', { name: 'Open in my lab' }).click();
    const warning = page.getByRole('dialog', { name: 'Open in your lab?' });
    await expect.poll(() => warning.textContent()).toContain('Its code will run with access to your saved work');
    expect(await warning.textContent()).toContain('A lesson from a friend');
    await warning.getByRole('button', { name: 'Open in my lab' }).click();
    await page.waitForURL(/\/mine\/\?id=[a-z0-9]+$/);
    const url = page.url();
    await page.locator('[data-cell]').first().waitFor();

    // Nothing ran; its HTML is text and its picture was never fetched; links to lessons lead to the lab's.
    expect(await page.locator('h1').textContent()).toBe('A lesson from a friend');
    expect(await statuses(page)).toEqual(['idle', 'idle', 'idle', 'idle']);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('article b, article img').count()).toBe(0);
    expect(await page.locator('article').textContent()).toContain('<b>bold</b>');
    expect(await page.getByRole('link', { name: 'the training lesson' }).getAttribute('href')).toBe('/lab/lessons/ui-basics/');
    expect(await page.locator('.mine-notice').textContent()).toContain('from a shared link');
    expect(await page.locator('.contents a').allTextContents()).toEqual(['Greeting', 'An exercise']);

    // App view of one's own lesson waits for a click, then runs.
    await page.goto(`${url}&view=app`);
    await page.getByRole('button', { name: 'Run the app' }).waitFor();
    expect(await page.locator('.app-status').textContent()).toContain('Nothing here has run yet');
    expect(await statuses(page)).toEqual(['idle', 'idle', 'idle', 'idle']);
    await page.getByRole('button', { name: 'Run the app' }).click();
    await expect.poll(() => page.locator('[data-cell="3"] [data-output]').textContent(), { timeout: 60_000 }).toContain('hello!');
    await page.goto(url);

    // Edited and run like any lesson; the exercise's check counts in its progress.
    await setCellCode(page, 0, 'const greeting = "edited";\ngreeting.toUpperCase()');
    await runCell(page, 0);
    expect(await page.locator('[data-cell="0"] [data-output]').textContent()).toContain('EDITED');
    await setCellCode(page, 1, 'const doubled = 2 * 21;');
    await runCell(page, 1);
    await runCell(page, 2);
    await expect.poll(() => page.locator('[data-cell="1"] .solved-tag').isVisible()).toBe(true);
    await page.waitForTimeout(2500); // kept outputs are written 1.5 s after the last change

    await page.reload();
    await page.locator('[data-cell]').first().waitFor();
    expect(await statuses(page)).toEqual(['idle', 'idle', 'idle', 'idle']);
    expect(await page.evaluate(() => (window as unknown as { lab: { sources: string[] } }).lab.sources[0])).toContain('"edited"');
    await expect.poll(() => page.locator('[data-cell="0"] [data-output]').textContent()).toContain('EDITED');
    expect(await page.locator('.restored-note').isVisible()).toBe(true);
    expect(await page.locator('.lesson-progress-text').textContent()).toBe('Lesson complete: 4 of 4 cells run · 1 of 1 exercise solved');
    expect(await axeBothSchemes(page)).toEqual([]);

    // The same link opened again is the same lesson, not a second copy.
    await page.goto(`${lab.site.url}open/#lesson=${await encodeLesson(FRIEND)}`);
    await page.getByRole('button', { name: 'Open in my lab' }).click();
    await page.getByRole('dialog', { name: 'Open in your lab?' }).getByRole('button', { name: 'Open in my lab' }).click();
    await page.waitForURL(url);

    // The index lists it with its progress; Remove takes it and everything kept under its slug.
    await page.goto(`${lab.site.url}#my-lessons`);
    const mine = page.locator('.my-lessons-list li');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.textContent()).toMatch(/A lesson from a friend.*From a shared link.*Complete · 4 of 4 cells run/);
    expect(await axeBothSchemes(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('#my-lessons').screenshot({ path: `${SCREENSHOTS}/my-lessons-index-phone-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1100, height: 900 });
    const slug = `mine-${new URL(url).searchParams.get('id')}`;
    const kept = () =>
      page.evaluate(
        (slug) => [
          localStorage.getItem(`lab:edits:${slug}`) !== null,
          slug in JSON.parse(localStorage.getItem('lab:progress') ?? '{"lessons":{}}').lessons,
        ],
        slug,
      );
    expect(await kept()).toEqual([true, true]);
    await page.getByRole('button', { name: 'Remove A lesson from a friend' }).click(); // the confirm is accepted
    await expect.poll(() => mine.textContent()).toBe('None yet.');
    expect(await kept()).toEqual([false, false]);
    await page.goto(url);
    expect(await page.locator('.mine-notice').textContent()).toContain('not among your lessons');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("edits a lab lesson's source as a copy: a problem is shown at its line and not saved, a good source is", async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    await menuAction(page, 'Edit lesson source');
    await page.waitForURL(/\/mine\/\?id=[a-z0-9]+&source$/);
    await page.locator('.source-panel .monaco-editor').waitFor();
    const text = (await page.evaluate(`${sourceModel}.then((m) => m.getValue())`)) as string;
    expect(text).toMatch(/^---\ntitle: "?Fixture: notebook basics \(my copy\)"?\n/);
    expect(await page.locator('.toolbar').isVisible()).toBe(false);

    // An unclosed fence: named at its line above the editor and marked there; Save refuses.
    const kept = text.replace(/\n*$/, '');
    const broken = `${kept}\n\n${'```'}ts id=unclosed\nconst never = "closed";\n`;
    await page.evaluate(`${sourceModel}.then((m) => m.setValue(${JSON.stringify(broken)}))`);
    const problem = page.locator('.source-problem');
    await expect.poll(() => problem.textContent()).toMatch(/^Line \d+: the code fence opened here is never closed/);
    const line = Number(/^Line (\d+)/.exec((await problem.textContent())!)![1]);
    expect(line).toBe(kept.split('\n').length + 2);
    expect(
      await page.evaluate(
        `${sourceModel}.then((m) => window.lab.editorKit().then((k) => k.monaco.editor.getModelMarkers({ resource: m.uri }).map((x) => x.startLineNumber)))`,
      ),
    ).toEqual([line]);
    await page.screenshot({ path: `${SCREENSHOTS}/my-lesson-source-problem.png` });
    expect(await axeBothSchemes(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save and show the lesson' }).click();
    await expect.poll(() => page.locator('.source-status').textContent()).toContain(`Not saved: the lesson has a problem at line ${line}`);

    // The draft survives a reload; a good source saves and shows the lesson anew.
    await page.reload();
    await page.locator('.source-panel .monaco-editor').waitFor();
    await expect.poll(() => page.locator('.source-status').textContent()).toContain('Your unsaved changes from');
    const good = text.replace('(my copy)', '(adapted)').replace('Each grey box', 'Each GREY box');
    await page.evaluate(`${sourceModel}.then((m) => m.setValue(${JSON.stringify(good)}))`);
    await expect.poll(() => problem.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Save and show the lesson' }).click();
    await page.waitForURL(/\/mine\/\?id=[a-z0-9]+$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Fixture: notebook basics (adapted)');
    expect(await page.locator('article').textContent()).toContain('Each GREY box');
    expect(await page.locator('.source-panel').isVisible()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/my-lesson-page.png` });
    const mine = await cellContract(page);

    // The lab's own lesson is as it was, and its cells offer what the copy's do.
    await page.goto(`${lab.site.url}lessons/ui-basics/`);
    expect(await cellContract(page)).toEqual(mine);
    expect(await page.locator('h1').textContent()).toBe('Fixture: notebook basics');
    expect(await page.locator('article').textContent()).toContain('Each grey box');
    expect(errors).toEqual([]);
    await page.close();
  });
});

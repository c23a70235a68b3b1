/**
 * Teaching features on lesson 00 in Chromium: an exercise from "not yet" through hints and the
 * solution to solved; questions checked and saved; progress on the lesson, on the index, handed in
 * as a file and reset; presenter mode; the keyboard; axe on the index and with dialogs open.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { downloadsOf, menuAction, runCell, SCREENSHOTS, setCellCode, startLab, waitUntilSettled, type Lab } from './browser.ts';
import { axeBothSchemes } from './axe.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const exerciseIndex = (page: Page) => page.$eval('.cell[data-id="predict"]', (el) => Number((el as HTMLElement).dataset.cell));
const progressLine = (page: Page) => page.textContent('article .lesson-progress-text');

describe('exercises and progress', () => {
  it('goes from "not yet" through hints and the solution to solved, and the progress shows and is handed in', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    const exercise = await exerciseIndex(page);
    const check = exercise + 1;
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell="0"]')?.getAttribute('data-status') !== 'idle');
    await waitUntilSettled(page, 120_000);
    // The starter runs; its check says "not yet" in words, and the cell is done, not an error.
    expect(await page.getAttribute(`[data-cell="${check}"]`, 'data-status')).toBe('done');
    const notYet = await page.textContent(`[data-cell="${check}"] [data-output]`);
    expect(notYet).toContain('Not yet');
    expect(await page.getAttribute(`[data-cell="${check}"] .out-check`, 'data-pass')).toBe('false');
    expect(notYet).toContain('your prediction is 0.000');
    // Backticks in a check's message show as code, not as backticks.
    expect(await page.textContent(`[data-cell="${check}"] .out-check code`)).toBe('model.predict');
    expect(notYet).not.toContain('`');
    await page.waitForFunction(() => document.querySelector('.announcer')?.textContent?.includes('Run all finished'));
    expect(await page.isVisible(`[data-cell="${exercise}"] .solved-tag`)).toBe(false);

    // Running the exercise runs its check again: the verdict follows without another click.
    const verdict = (text: string) =>
      page.waitForFunction(([i, t]) => document.querySelector(`[data-cell="${i}"] .out-check`)?.textContent?.includes(t as string), [
        check,
        text,
      ] as const);
    await setCellCode(page, exercise, 'const prediction = 1.5; // my guess\n`my guess: ${prediction}`');
    await runCell(page, exercise);
    await verdict('your prediction is 1.500');
    expect(await page.getAttribute(`[data-cell="${check}"]`, 'data-status')).toBe('done');
    expect(await page.getAttribute(`[data-cell="${check}"] .out-check`, 'data-pass')).toBe('false');

    // Hints open one at a time, each taking the focus.
    const hint = page.locator(`[data-cell="${exercise}"] [data-action="hint"]`);
    expect(await hint.textContent()).toBe('Show hint 1 of 2');
    expect(await page.locator('.hint[data-hint-for="predict"]:visible').count()).toBe(0);
    await hint.click();
    expect(await page.locator('.hint[data-hint-for="predict"]:visible').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('hint'))).toBe(true);
    expect(await hint.textContent()).toBe('Show hint 2 of 2');
    await hint.click();
    expect(await hint.textContent()).toBe('All 2 hints shown');
    expect(await hint.isDisabled()).toBe(true);

    // The solution goes into the exercise's editor and says the attempt is kept; running the
    // exercise alone solves it (its check follows), with no warning from the lab.
    await page.locator(`[data-cell="${exercise}"]`).getByRole('button', { name: 'Show solution' }).click();
    expect(await page.textContent(`[data-cell="${exercise}"] .cell-code`)).toContain('model.predict');
    const bringBack = page.locator(`[data-cell="${exercise}"]`).getByRole('button', { name: 'Bring back my attempt' });
    expect(await page.textContent(`[data-cell="${exercise}"] .cell-notice`)).toContain('Your attempt is kept');
    await runCell(page, exercise);
    await page.waitForFunction((i) => document.querySelector(`[data-cell="${i}"] .out-check`)?.getAttribute('data-pass') === 'true', check);
    expect(await page.textContent(`[data-cell="${check}"] [data-output]`)).not.toContain('Not yet');
    expect(await page.locator(`[data-cell="${exercise}"] .out-warn`).count()).toBe(0);
    await page.locator(`[data-cell="${exercise}"] .solved-tag`).waitFor();
    expect(await page.textContent(`[data-cell="${exercise}"] .solved-tag`)).toBe('solved (solution shown)');
    await page.waitForFunction(() => document.querySelector('.announcer')?.textContent?.includes('Exercise predict solved'));
    expect(await progressLine(page)).toContain('1 of 1 exercise solved');
    expect(await progressLine(page)).toMatch(/[1-9]\d* of \d+ cells run/);

    // A reload keeps the hints opened, the solved mark, the code and the kept attempt, which
    // one click brings back.
    await page.reload();
    expect(await page.locator('.hint[data-hint-for="predict"]:visible').count()).toBe(2);
    expect(await page.isVisible(`[data-cell="${exercise}"] .solved-tag`)).toBe(true);
    expect(await page.textContent(`[data-cell="${exercise}"] .cell-code`)).toContain('model.predict');
    await bringBack.click();
    expect(await page.textContent(`[data-cell="${exercise}"] .cell-code`)).toContain('my guess');
    expect(await bringBack.count()).toBe(0);

    // The index shows it; the hand-in file says it, with the learner's name; reset clears it.
    await page.goto(`${lab.site.url}`);
    const item = page.locator('[data-lesson-progress="ui-basics"]');
    await item.waitFor();
    // "Continue" leads back to the lesson, at the section of the cell run last (the exercise's check).
    const continueLink = page.locator('.continue-link');
    expect(await continueLink.textContent()).toMatch(/^Continue: lesson \d\d, Fixture: notebook basics · A tiny model →$/);
    expect(await continueLink.getAttribute('href')).toBe('/lab/lessons/ui-basics/#a-tiny-model');
    await continueLink.click();
    await page.waitForURL(/ui-basics\/#a-tiny-model$/);
    await page.goto(`${lab.site.url}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('1 of 1 exercise solved');
    expect(await page.textContent('.progress-overall')).toContain('started 1 of');
    await page.fill('input[name="learner"]', 'Ada Lovelace');
    await page.press('input[name="learner"]', 'Tab');
    const [file] = await downloadsOf(page, 1, () => page.getByRole('button', { name: 'Download my progress' }).click());
    expect(file).toMatch(/lab-progress-ada-lovelace-\d{4}-\d\d-\d\d\.json$/);
    const handIn = JSON.parse(readFileSync(file!, 'utf8'));
    expect(handIn.learner).toBe('Ada Lovelace');
    const welcome = handIn.lessons.find((l: { slug: string }) => l.slug === 'ui-basics');
    expect(welcome.exercises.predict).toMatchObject({ usedSolution: true, hints: 2, solved: expect.any(String) });
    expect(welcome.summary).toContain('1 of 1 exercise solved');
    expect((await axeBothSchemes(page)).join('\n')).toBe('');
    await page.screenshot({ path: `${SCREENSHOTS}/index-progress.png`, fullPage: true });

    // Reset exercise asks first; declined, nothing changes; accepted, the starter is back and the
    // exercise no longer counts as solved.
    await page.goto(`${lab.site.url}lessons/ui-basics/`);
    const asked: string[] = [];
    page.removeAllListeners('dialog');
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    const reset = page.locator(`[data-cell="${exercise}"]`).getByRole('button', { name: 'Reset exercise' });
    await reset.click();
    expect(asked[0]).toMatch(/no longer count as solved/);
    expect(await page.textContent(`[data-cell="${exercise}"] .cell-code`)).toContain('my guess');
    page.once('dialog', (dialog) => void dialog.accept());
    await reset.click();
    expect(await page.textContent(`[data-cell="${exercise}"] .cell-code`)).toContain('replace 0 with');
    expect(await page.isVisible(`[data-cell="${exercise}"] .solved-tag`)).toBe(false);
    expect(await progressLine(page)).toContain('0 of 1 exercise solved');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${lab.site.url}`);
    await item.waitFor();
    await page.getByRole('button', { name: 'Reset my progress' }).click(); // the confirm is accepted
    expect(await item.isVisible()).toBe(false);
    expect(await continueLink.isVisible()).toBe(false);
    expect(await page.textContent('.progress-message')).toContain('reset');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('checks choice and number answers, saves open ones, and restores them', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    const slope = page.locator('[data-question="learned-slope"]');
    await slope.locator('input').fill('3');
    await slope.getByRole('button', { name: 'Check answer' }).click();
    expect(await slope.getAttribute('data-verdict')).toBe('wrong');
    expect(await slope.locator('.question-feedback').textContent()).toContain('Not yet');
    await slope.locator('input').fill('2.05');
    await slope.locator('input').press('Enter');
    expect(await slope.getAttribute('data-verdict')).toBe('right');

    const names = page.locator('[data-question="shared-names"]');
    await names.getByLabel('Only that cell').check();
    await names.getByRole('button', { name: 'Check answer' }).click();
    expect(await names.getAttribute('data-verdict')).toBe('wrong');
    await names.getByLabel('That cell and the cells run after it').check();
    await names.getByRole('button', { name: 'Check answer' }).click();
    expect(await names.getAttribute('data-verdict')).toBe('right');
    expect(await names.locator('.question-explain').isVisible()).toBe(true);

    const open = page.locator('[data-question="why-validation"]');
    await open.locator('textarea').fill('Training accuracy rewards memorising.');
    await page.waitForFunction(
      () => document.querySelector('[data-question="why-validation"] .question-feedback')?.textContent === 'Saved with your progress.',
    );
    expect(await progressLine(page)).toContain('2 of 2 questions right');
    expect(await progressLine(page)).toContain('1 of 1 open answers written');

    await page.reload();
    expect(await page.locator('[data-question="why-validation"] textarea').inputValue()).toBe('Training accuracy rewards memorising.');
    expect(await page.locator('[data-question="learned-slope"] input').inputValue()).toBe('2.05');
    expect(await page.getAttribute('[data-question="shared-names"]', 'data-verdict')).toBe('right');
    expect(await page.locator('[data-question="shared-names"]').getByLabel('That cell and the cells run after it').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('presenter mode and the keyboard', () => {
  it('shows one section at a time in larger type, keeps outputs, and moves with the keys', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell="0"]')?.getAttribute('data-status') !== 'idle');
    await waitUntilSettled(page, 120_000);
    const trainingCell = await page.$eval('.cell[data-id="circle"]', (el) => (el as HTMLElement).dataset.cell);
    const normalSize = await page.$eval('main', (el) => parseFloat(getComputedStyle(el).fontSize));

    await menuAction(page, 'Present');
    expect(page.url()).toContain('view=present');
    expect(await page.isVisible('article h1')).toBe(true);
    expect(await page.isVisible(`[data-cell="${trainingCell}"]`)).toBe(false);
    expect(await page.$eval('main', (el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(normalSize * 1.2);
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('.presenter-where')).toMatch(/^2 \/ \d+/);
    expect(page.url()).toContain('slide=2');
    // Move on until the training section: its chart and panel are still there.
    for (let i = 0; i < 12 && !(await page.isVisible(`[data-cell="${trainingCell}"]`)); i++) await page.keyboard.press('ArrowRight');
    expect(await page.textContent('.presenter-where')).toContain('Watching training live');
    // The screen-reader announcer is never hidden with the other sections.
    expect(await page.$eval('.announcer', (el) => getComputedStyle(el).display)).not.toBe('none');
    await page.waitForFunction(() => document.querySelector('.announcer')?.textContent?.includes('Watching training live'));
    expect(await page.locator(`[data-cell="${trainingCell}"] .training-charts svg`).count()).toBeGreaterThan(0);
    expect(await page.isVisible(`[data-cell="${trainingCell}"] .training-charts svg >> nth=0`)).toBe(true);
    expect((await axeBothSchemes(page)).join('\n')).toBe('');
    await page.screenshot({ path: `${SCREENSHOTS}/presenter.png` });
    await page.keyboard.press('Home');
    expect(await page.textContent('.presenter-where')).toMatch(/^1 \//);
    // The contents (on the first section) lead to the section a link names.
    await page.locator('nav.contents').getByRole('link', { name: 'Questions' }).click();
    expect(await page.textContent('.presenter-where')).toContain('Questions');
    await page.keyboard.press('Home');
    await page.keyboard.press('Escape');
    expect(page.url()).not.toContain('view=present');
    expect(await page.isVisible(`[data-cell="${trainingCell}"]`)).toBe(true);

    // A link opens presenter mode at its section.
    await page.goto(`${lab.site.url}lessons/ui-basics/?view=present&slide=3`);
    await page.waitForFunction(() => document.querySelector('.presenter-where')?.textContent?.startsWith('3 /'));
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('opens the shortcut sheet with ?, leaves an editor with Escape, and moves between cells with Alt+arrows', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    await page.locator('body').press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('Shift+Enter');
    expect((await axeBothSchemes(page)).join('\n')).toBe('');
    await page.keyboard.press('Escape');
    expect(await sheet.isVisible()).toBe(false);

    // The toolbar's More menu: reached by keyboard, axe-clean open, closed by Escape.
    const more = page.getByRole('button', { name: 'More', exact: true });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.locator('.toolbar-menu');
    await menu.getByRole('button', { name: 'App view' }).waitFor();
    expect((await axeBothSchemes(page)).join('\n')).toBe('');
    await page.keyboard.press('Escape');
    expect(await menu.isVisible()).toBe(false);

    // Two editors open: keys act on the one that has the focus (Monaco binds keys page-wide).
    await page.locator('[data-cell="0"] .cell-code').click();
    await page.locator('[data-cell="0"] .monaco-editor').waitFor();
    await page.locator('[data-cell="1"] .cell-code').click();
    await page.locator('[data-cell="1"] .monaco-editor').waitFor();
    await page.locator('[data-cell="0"] .monaco-editor .view-lines').click();
    await page.waitForFunction(() => document.activeElement?.closest('[data-cell="0"] .monaco-editor') != null);
    await page.keyboard.press('Escape');
    expect(
      await page.evaluate(() => {
        const active = document.activeElement as HTMLElement;
        return `${active.closest<HTMLElement>('.cell')?.dataset.cell} ${active.dataset.action}`;
      }),
    ).toBe('0 run');
    await page.keyboard.press('Alt+ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest<HTMLElement>('.cell')?.dataset.cell)).toBe('1');
    await page.locator('[data-cell="1"] [data-action="run"]').focus();
    await page.keyboard.press('Alt+ArrowUp');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest<HTMLElement>('.cell')?.dataset.cell)).toBe('0');
    // Shift+Enter on a cell runs it and moves on.
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelector('[data-cell="0"]')?.getAttribute('data-status') === 'done', null, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest<HTMLElement>('.cell')?.dataset.cell)).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

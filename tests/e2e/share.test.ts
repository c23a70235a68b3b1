/**
 * Lessons that leave the lab and come back: "Download lesson" (with the learner's code), "Share"
 * (a link that carries it), and the page that opens either. Nothing from elsewhere runs by itself,
 * and when it runs it is in a sandboxed frame that cannot reach the learner's edits or models.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLesson } from '../../src/client/share-codec.ts';
import { menuAction, runCell, setCellCode, startLab, type Lab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const EDIT = 'const greeting = "a shared edit";\ngreeting.toUpperCase()';

describe('download, share, open', () => {
  it('downloads the lesson with the edit, and the lab opens that file again without running it', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    await setCellCode(page, 0, EDIT);
    const download = page.waitForEvent('download');
    await menuAction(page, 'Download lesson');
    const file = join(mkdtempSync(join(tmpdir(), 'lesson-')), (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect(file.endsWith('ui-basics.md')).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(EDIT);
    expect(readFileSync(file, 'utf8')).toMatch(/^---\ntitle: "Fixture: notebook basics"\n/);
    // A control is prose for the tests: the page hides it, the downloaded lesson keeps it as written.
    expect(readFileSync(file, 'utf8')).toContain(
      '```control cell=fit-line check=slope\nlever: a learning rate far too small\nreplace:\ntf.train.sgd(0.3)\nwith:\ntf.train.sgd(0.0001)\n```',
    );
    expect(await page.textContent('article')).not.toContain('far too small');

    const open = await lab.open('open/');
    await open.page.locator('input[name="lesson-file"]').setInputFiles(file);
    await expect
      .poll(() => open.page.locator('.open-notice').textContent())
      .toContain('came from the file ui-basics.md. None of its code has run');
    expect(await open.page.locator('.open-code').first().textContent()).toContain('a shared edit');
    expect(await open.page.textContent('body')).not.toContain('far too small');
    expect(await open.page.locator('iframe').count()).toBe(0);
    // A file that is not a lesson is refused, saying where it is wrong.
    const bad = join(mkdtempSync(join(tmpdir(), 'lesson-')), 'notes.md');
    writeFileSync(bad, '---\ntitle: Notes\nstage: intro\nsummary: Mine.\nsumary: oops\n---\n\nhello\n');
    await open.page.locator('input[name="lesson-file"]').setInputFiles(bad);
    await expect.poll(() => open.page.getByRole('alert').textContent()).toMatch(/not a lesson the lab can open: notes\.md:5: .*sumary/);
    expect(errors).toEqual([]);
    expect(open.errors).toEqual([]);
    await page.close();
    await open.page.close();
  });

  it('a shared link shows the code, runs nothing until asked, then runs it in a sandbox', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    await setCellCode(page, 0, EDIT);
    await menuAction(page, 'Share');
    const panel = page.getByRole('dialog', { name: 'Share this lesson' });
    await expect.poll(() => panel.locator('input[name="share-link"]').inputValue()).toContain('/open/#lesson=');
    const link = await panel.locator('input[name="share-link"]').inputValue();
    await page.close();

    const { page: shared, errors } = await lab.open(link.slice(link.indexOf('/open/') + 1));
    await expect.poll(() => shared.locator('.open-notice').textContent()).toContain('came from a shared link. None of its code has run');
    expect(await shared.locator('.open-code').first().textContent()).toContain('a shared edit');
    expect(await shared.locator('iframe').count()).toBe(0);
    await shared.getByRole('button', { name: 'Run in a sandbox' }).click();
    const frame = shared.frameLocator('iframe');
    await frame.locator('.sandbox-status').filter({ hasText: 'Ran in a sandbox' }).waitFor({ timeout: 120_000 });
    expect(await frame.locator('[data-cell="0"] [data-output]').textContent()).toContain('A SHARED EDIT');
    expect(
      await frame.locator('[data-cell]').evaluateAll((cells) => cells.every((c) => (c as HTMLElement).dataset.status === 'done')),
    ).toBe(true);
    // Another link opened in the same tab (only the fragment changes) shows, and would run, the other lesson.
    const second = await encodeLesson('---\ntitle: The second link\nstage: intro\nsummary: S\n---\n\n```ts id=a\n"second"\n```\n');
    await shared.evaluate((hash) => {
      location.hash = hash;
    }, `lesson=${second}`);
    await expect.poll(() => shared.locator('.open-notice').textContent()).toContain('“The second link” came from a shared link');
    expect(await shared.locator('iframe').count()).toBe(0);
    expect(await shared.locator('.open-code').first().textContent()).toBe('"second"');
    // A link that would unpack to hundreds of megabytes is refused, quickly, with a reason.
    await shared.evaluate(
      (hash) => {
        location.hash = hash;
      },
      `lesson=${await encodeLesson('x'.repeat(20 * 1024 * 1024))}`,
    );
    await expect.poll(() => shared.getByRole('alert').textContent()).toMatch(/this link is too large/);
    expect(errors).toEqual([]);
    await shared.close();
  });

  it("code from elsewhere cannot read or change the learner's edits or models, and its HTML is inert", async () => {
    // The learner's own state: an edit (localStorage) and a saved model (IndexedDB), in one profile.
    const context = await lab.browser.newContext({ viewport: { width: 1100, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${lab.site.url}lessons/ui-basics/`);
    await setCellCode(
      page,
      1,
      'import { saveModel } from "lab";\nawait saveModel(tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] }), "lab://mine", { classes: ["y"] });\n"saved"',
    );
    await runCell(page, 1);
    const editsBefore = await page.evaluate(() => localStorage.getItem('lab:edits:ui-basics'));
    expect(editsBefore).toContain('lab://mine');

    const hostile = join(mkdtempSync(join(tmpdir(), 'lesson-')), 'hostile.md');
    writeFileSync(
      hostile,
      `---
title: Hostile
stage: intro
summary: Tries to reach the learner's data.
---

Looks harmless. <img src="x" onerror="document.title='pwned'"> <script>document.title='pwned'</script>

\`\`\`ts
const attempt = async (what: () => unknown) => { try { return String(await what()); } catch (error) { return "blocked: " + (error as Error).name; } };
({
  read: await attempt(() => localStorage.getItem("lab:edits:ui-basics")),
  write: await attempt(() => { localStorage.setItem("lab:edits:ui-basics", "overwritten"); return "wrote"; }),
  models: await attempt(async () => JSON.stringify(await tf.io.listModels())),
  remove: await attempt(async () => tf.io.removeModel("indexeddb://lab/mine")),
  parent: await attempt(() => (window.parent as Window).localStorage.length),
  bridge: await new Promise((resolve) => {
    // Ask the shell for a file outside datasets/ and models/, with a path that is not a string.
    addEventListener("message", (event) => { if (event.data?.id === 999) resolve(event.data.ok ? "leaked" : "refused"); });
    parent.postMessage({ type: "file", id: 999, path: ["datasets/../../lessons/ui-basics/"] }, "*");
    setTimeout(() => resolve("no answer"), 3000);
  }),
})
\`\`\`

\`\`\`ts
// Downloads without a click: a program, and a data file.
for (const [name, text] of [["invoice-1.exe", "MZ"], ["labels.json", '{"labels": []}']]) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text]));
  link.download = name;
  link.click();
}
"tried to download"
\`\`\`
`,
    );
    // The same browser profile as the learner's page: its storage is what must stay out of reach.
    const open = await context.newPage();
    const errors: string[] = [];
    open.on('pageerror', (error) => errors.push(error.message));
    const downloads: string[] = [];
    open.on('download', (download) => downloads.push(download.suggestedFilename()));
    await open.goto(`${lab.site.url}open/`);
    await open.locator('input[name="lesson-file"]').setInputFiles(hostile);
    await expect.poll(() => open.locator('.open-notice').textContent()).toContain('None of its code has run');
    // The HTML in the prose is shown as text, not made into elements.
    expect(await open.locator('.open-preview img').count()).toBe(0);
    expect(await open.locator('.open-preview').textContent()).toContain('<img src="x"');
    await open.getByRole('button', { name: 'Run in a sandbox' }).click();
    const frame = open.frameLocator('iframe');
    await frame.locator('.sandbox-status').filter({ hasText: 'Ran in a sandbox' }).waitFor({ timeout: 120_000 });
    const output = await frame.locator('[data-cell="0"] [data-output]').textContent();
    expect(output).toMatch(/read: "blocked: SecurityError"/);
    expect(output).toMatch(/write: "blocked: SecurityError"/);
    expect(output).toMatch(/models: "blocked: /);
    expect(output).toMatch(/remove: "blocked: /);
    expect(output).toMatch(/parent: "blocked: SecurityError"/);
    expect(output).toMatch(/bridge: "refused"/);
    // Nothing was saved by itself: the page offers the data file with a button and refuses the program.
    expect(downloads).toEqual([]);
    const offers = open.getByRole('list', { name: 'Files the sandboxed lesson wants to save' });
    await expect.poll(() => offers.textContent()).toContain('The lesson wants to save “labels.json”');
    expect(await offers.textContent()).toMatch(/it was not saved: \.exe files are not saved from a sandbox/);
    const [saved] = await Promise.all([open.waitForEvent('download'), offers.getByRole('button', { name: 'Save labels.json' }).click()]);
    expect(saved.suggestedFilename()).toBe('labels.json');
    expect(await frame.locator('img').count()).toBe(0);
    expect(await open.title()).not.toBe('pwned');
    // And the learner's things are as they were.
    expect(await open.evaluate(() => localStorage.getItem('lab:edits:ui-basics'))).toBe(editsBefore);
    const models = await page.evaluate(async () =>
      (
        await (
          window as unknown as { lab: { loadSession(): Promise<{ lab: { listModels(): Promise<{ name: string }[]> } }> } }
        ).lab.loadSession()
      ).lab.listModels(),
    );
    expect(models.map((m) => m.name)).toContain('lab://mine');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the sandbox page refuses to run a lesson when framed without the sandbox', async () => {
    const { page } = await lab.open('open/');
    const status = await page.evaluate(async (base) => {
      const frame = document.createElement('iframe'); // no sandbox attribute: the lab's own origin
      frame.src = `${base}sandbox/`;
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve));
      frame.contentWindow!.postMessage(
        { type: 'lesson', text: '---\ntitle: T\nstage: intro\nsummary: S\n---\n\n```ts\ndocument.title = "ran"\n```\n', file: 'x.md' },
        '*',
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { text: frame.contentDocument!.querySelector('.sandbox-status')!.textContent, title: frame.contentDocument!.title };
    }, new URL(lab.site.url).pathname);
    expect(status.text).toContain('runs lessons only inside the lab’s sandbox');
    expect(status.title).not.toBe('ran');
    await page.close();
  });
});

/**
 * The notebook as a learner uses it in Chromium: Stop, the loop guard, keyboard running, inputs
 * offered first, edits that survive a reload, the author-changed flow, types in the editor,
 * the training panel's Stop button, Restart, and WebGPU (SwiftShader here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, scopeValue, setCellCode, startLab, statuses, waitUntilSettled, type Lab, runCell } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const cell = (index: number) => `[data-cell="${index}"]`;

describe('running and stopping', () => {
  it('Stop ends an async runaway loop; the counter stops and the page goes on', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    await setCellCode(page, 0, 'let ticks = 0;\nwhile (true) {\n  ticks++;\n  await new Promise((resolve) => setTimeout(resolve, 5));\n}');
    await page.locator(cell(0)).getByRole('button', { name: 'Run cell' }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell="0"]')!.getAttribute('data-status') === 'running');
    await page.waitForFunction(async () => ((await (window as any).lab.loadSession()).kernel.scope.ticks ?? 0) > 10);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await waitUntilSettled(page);
    expect(await page.getAttribute(cell(0), 'data-status')).toBe('stopped');
    await expect(page.locator(`${cell(0)} [data-output]`).textContent()).resolves.toBe('Stopped by you.');
    const stoppedAt = await scopeValue(page, 'ticks');
    await page.waitForTimeout(300);
    expect(await scopeValue(page, 'ticks')).toBe(stoppedAt);
    await runCell(page, 1);
    expect(await page.getAttribute(cell(1), 'data-status')).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the loop guard asks, OK stops a while(true) loop, and the page stays usable', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => dialogs.push(dialog.message()));
    await setCellCode(page, 0, 'let spins = 0;\nwhile (true) { spins++; }');
    await runCell(page, 0);
    expect(dialogs[0]).toMatch(/has run for \d+\.\d s without letting the page update/);
    expect(await page.getAttribute(cell(0), 'data-status')).toBe('error');
    const spins = await scopeValue(page, 'spins');
    expect(spins).toBeGreaterThan(0);
    await page.waitForTimeout(200);
    expect(await scopeValue(page, 'spins')).toBe(spins);
    await runCell(page, 1);
    expect(await page.getAttribute(cell(1), 'data-status')).toBe('done');
    await page.close();
  });

  it('Shift+Enter runs a cell and moves to the next; Ctrl+Enter runs in place', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    await page.locator(`${cell(0)} .cell-code`).focus();
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelector('[data-cell="0"]')?.getAttribute('data-runs') === '1');
    await waitUntilSettled(page);
    expect(await page.getAttribute(cell(0), 'data-status')).toBe('done');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell'))).toBe('1');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('[data-cell="1"]')?.getAttribute('data-runs') === '1');
    await waitUntilSettled(page);
    expect(await page.getAttribute(cell(1), 'data-status')).toBe('done');
    expect(await page.locator(`${cell(1)} [data-output]`).textContent()).toContain('10');
    await page.close();
  });

  it('offers to run the cells a cell needs first', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    await page.locator(cell(2)).getByRole('button', { name: 'Run cell' }).click();
    const offer = page.getByRole('button', { name: 'Run cell 2 first' });
    await offer.waitFor();
    expect(await page.locator(`${cell(2)} .cell-notice`).textContent()).toContain('“xs”');
    await offer.click();
    await page.waitForFunction(() => document.querySelector('[data-cell="2"]')?.getAttribute('data-runs') === '1');
    await waitUntilSettled(page);
    expect((await statuses(page)).slice(0, 3)).toEqual(['idle', 'done', 'done']);
    await page.close();
  });

  it('shows an error at its Markdown line and jumps to it in the editor', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    await setCellCode(page, 0, 'const ok = 1;\nconst broken = (null as unknown as { x: number }).x;');
    await runCell(page, 0);
    const line = Number(await page.getAttribute(cell(0), 'data-line')) + 1;
    const location = page.locator(`${cell(0)} .out-location`);
    expect(await location.textContent()).toMatch(new RegExp(`^tests/fixtures/site/ui-basics\\.md:${line}:\\d+$`));
    expect(await page.locator(`${cell(0)} .out-error pre`).textContent()).toMatch(/^TypeError: Cannot read properties of null/);
    await location.click();
    await page.waitForFunction(() => document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell') === '0');
    await page.close();
  });

  it('a cell re-run alone draws what Run all gave it (seeded per cell); Restart clears outputs, statuses and the scope', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell="1"]')?.getAttribute('data-status') === 'done');
    await waitUntilSettled(page);
    const draws = Number(await page.getAttribute('[data-id="draws"]', 'data-cell'));
    const fromRunAll = await page.textContent(`${cell(draws)} [data-output]`);
    expect(fromRunAll).toMatch(/^draws 0\.\d{6} -?\d\.\d{6}/);
    await runCell(page, 3); // another cell that draws random numbers runs in between
    await runCell(page, draws);
    expect(await page.textContent(`${cell(draws)} [data-output]`)).toBe(fromRunAll);
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-cell]')].every((c) => c.getAttribute('data-status') === 'idle'));
    expect(await page.locator('[data-output]:not(:empty)').count()).toBe(0);
    expect(await scopeValue(page, 'xs')).toBeUndefined();
    expect(await page.textContent('.tensor-count')).toBe('0 tensors');
    await page.close();
  });
});

describe('the training panel', () => {
  it('draws live curves and "Stop training" ends training cleanly', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    const index = Number(await page.getAttribute('[data-id="circle"]', 'data-cell'));
    const source = await page.evaluate((i) => (window as any).lab.sources[i], index);
    await setCellCode(page, index, source.replace('epochs: 12', 'epochs: 2000'));
    await page.locator(cell(index)).getByRole('button', { name: 'Run cell' }).click();
    const stop = page.getByRole('button', { name: 'Stop training' });
    await stop.waitFor();
    await page.waitForFunction((i) => document.querySelectorAll(`[data-cell="${i}"] .training-charts svg`).length >= 2, index);
    await page.waitForFunction(
      (i) => /epoch [3-9]\//.test(document.querySelector(`[data-cell="${i}"] .training-info`)!.textContent!),
      index,
      { timeout: 60_000 },
    );
    await stop.click();
    await waitUntilSettled(page);
    expect(await page.getAttribute(cell(index), 'data-status')).toBe('done');
    expect(await page.locator(`${cell(index)} .training-info`).textContent()).toMatch(/stopped after .* tensors in memory/);
    expect(await stop.isDisabled()).toBe(true);
    await page.locator(cell(index)).screenshot({ path: `${SCREENSHOTS}/training-panel.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the toolbar's Stop during Run all ends the fit and the cell as stopped, and cancels the queue", async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    const index = Number(await page.getAttribute('[data-id="circle"]', 'data-cell'));
    const source = await page.evaluate((i) => (window as any).lab.sources[i], index);
    await setCellCode(page, index, source.replace('epochs: 12', 'epochs: 2000'));
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.getByRole('button', { name: 'Stop training' }).waitFor();
    await page.waitForFunction(
      (i) => /epoch [2-9]\//.test(document.querySelector(`[data-cell="${i}"] .training-info`)!.textContent!),
      index,
    );
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await waitUntilSettled(page);
    expect(await page.getAttribute(cell(index), 'data-status')).toBe('stopped');
    expect(await page.locator(`${cell(index)} .cell-state`).textContent()).toMatch(/^stopped by you after \d+\.\d s$/);
    expect(await page.locator(`${cell(index)} .training-info`).textContent()).toMatch(/stopped after/);
    const said = await page.locator(`${cell(index)} [data-output]`).textContent();
    expect(said).toContain('Stopped by you. Training ended at the end of its batch.');
    expect(said).not.toMatch(/StopError|nextFrame/);
    const after = await page.$$eval(
      '[data-cell]',
      (cells, i) => cells.slice(i + 1).map((c) => c.getAttribute('data-status') ?? 'idle'),
      index,
    );
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((status) => status === 'idle' || status === 'skipped')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('edits', () => {
  it('a typed edit survives a reload, runs, and Reset cell restores the original', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    await page.locator(`${cell(0)} .cell-code`).click();
    await page.locator(`${cell(0)} .monaco-editor`).waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' + "!"');
    await page.waitForTimeout(300);
    await page.reload();
    await expect(page.locator(`${cell(0)} .cell-code`).textContent()).resolves.toContain('greeting.toUpperCase() + "!"');
    expect(await page.locator(`${cell(0)} .edited-badge`).isVisible()).toBe(true);
    await runCell(page, 0);
    expect(await page.locator(`${cell(0)} [data-output]`).textContent()).toBe('HELLO, DEEP LEARNING!');
    await page.locator(cell(0)).getByRole('button', { name: 'Reset cell' }).click();
    await page.reload();
    expect(await page.locator(`${cell(0)} .edited-badge`).isVisible()).toBe(false);
    await expect(page.locator(`${cell(0)} .cell-code`).textContent()).resolves.not.toContain('"!"');
    await page.close();
  });

  it('when the author changed a cell, the old edit is offered, not applied', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    const mine = 'const greeting = "my old version";\ngreeting';
    await page.evaluate((source) => {
      localStorage.setItem('lab:edits:ui-basics', JSON.stringify({ 'cell:0': { base: '00000000', source, savedAt: 1 } }));
    }, mine);
    await page.reload();
    const notice = page.locator(`${cell(0)} .cell-notice`);
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('changed in the lesson after you edited it');
    await expect(page.locator(`${cell(0)} .cell-code`).textContent()).resolves.toContain('Hello, deep learning');
    await page.getByRole('button', { name: 'Use my version' }).click();
    await expect(page.locator(`${cell(0)} .cell-code`).textContent()).resolves.toContain('my old version');
    await page.reload();
    expect(await notice.isVisible()).toBe(false);
    await expect(page.locator(`${cell(0)} .cell-code`).textContent()).resolves.toContain('my old version');
    // Keeping the new version drops the old edit for good.
    await page.evaluate((source) => {
      localStorage.setItem('lab:edits:ui-basics', JSON.stringify({ 'cell:0': { base: '00000000', source, savedAt: 1 } }));
    }, mine);
    await page.reload();
    await page.getByRole('button', { name: 'Keep the new version' }).click();
    await page.reload();
    expect(await notice.isVisible()).toBe(false);
    await expect(page.locator(`${cell(0)} .cell-code`).textContent()).resolves.toContain('Hello, deep learning');
    await page.close();
  });
});

describe('the editor', () => {
  it('knows the type of a tensor made three cells up', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    const source = await page.evaluate(() => (window as any).lab.sources[4]);
    await setCellCode(page, 4, `xs\n${source}`);
    await page.waitForTimeout(1500);
    const word = page
      .locator(`${cell(4)} .view-line`)
      .first()
      .locator('span span', { hasText: 'xs' })
      .first();
    const box = (await word.boundingBox())!;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover-content', { hasText: 'Tensor2D' });
    await hover.waitFor({ timeout: 20_000 });
    expect(await hover.first().textContent()).toMatch(/const xs: tf\.Tensor2D/);
    await page.close();
  });
});

describe('backends', () => {
  it('runs tensors, a fit and checks on WebGPU when asked (SwiftShader here)', async () => {
    // SwiftShader's WebGPU is a CPU emulation, too slow for the whole lesson: run the tiny
    // model and its checks, with the cells they need.
    const { page, errors } = await lab.open('lessons/ui-basics/?backend=webgpu');
    await page.locator(cell(5)).getByRole('button', { name: 'Run cell' }).click();
    await page.getByRole('button', { name: 'Run cells 4, 5 first' }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell="5"]')?.getAttribute('data-status') !== 'idle');
    await waitUntilSettled(page, 120_000);
    expect((await statuses(page)).slice(3, 6)).toEqual(['done', 'done', 'done']);
    expect(await page.locator(`${cell(5)} .out-check[data-pass="true"]`).count()).toBe(3);
    expect(await page.getAttribute(`${cell(5)} .out-check >> nth=1`, 'data-check')).toBe('slope');
    // A short badge; what runs it on hover and focus.
    expect(await page.textContent('.backend-label')).toBe('WebGPU · software');
    await page.focus('.backend-badge');
    expect(await page.isVisible('.backend-details')).toBe(true);
    expect(await page.textContent('.backend-details')).toMatch(/^WebGPU on .*swiftshader.*\(software\)/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switching the backend restarts on it and remembers the choice', async () => {
    const { page } = await lab.open('lessons/ui-basics/');
    await runCell(page, 1);
    await page.getByRole('button', { name: 'More', exact: true }).click();
    await page.getByLabel('Backend').selectOption('cpu');
    await page.waitForFunction(() => document.querySelector('.backend-label')!.textContent === 'CPU');
    // The page paints cell statuses on the next animation frame, after the backend label.
    await page.waitForFunction((selector) => document.querySelector<HTMLElement>(selector)!.dataset.status === 'idle', cell(1), {
      timeout: 5000,
    });
    expect(await scopeValue(page, 'xs')).toBeUndefined();
    await page.reload();
    await runCell(page, 0);
    expect(await page.textContent('.backend-label')).toBe('CPU');
    await page.evaluate(() => localStorage.removeItem('lab:backend'));
    await page.close();
  });

  it('chooses by measuring, never a software WebGPU adapter, and measures once per device', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/', { measure: true });
    await runCell(page, 0);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('lab:backend-rates')!));
    const rates = stored.rates as Record<string, { dense: number; conv: number }>;
    expect(Object.keys(rates).sort()).toEqual(['cpu', 'webgl']);
    for (const r of Object.values(rates)) expect(Math.min(r.dense, r.conv)).toBeGreaterThan(0);
    // A fixture lesson has no measured work: half dense, half convolutional decides.
    const timeOf = (r: { dense: number; conv: number }) => 500 / r.dense + 500 / r.conv;
    const fastest = Object.entries(rates).sort((a, b) => timeOf(a[1]) - timeOf(b[1]))[0]![0];
    expect(await page.evaluate(() => document.body.dataset.backend)).toBe(fastest);
    expect(await page.textContent('.backend-details')).toMatch(
      /× faster than .* here for this lesson's work \(measured\)\. WebGPU runs in software here/,
    );
    // A lesson with measured work shows its long cells' time cues in this device's time, and the
    // index its Run-all estimates.
    await page.goto(`${lab.site.url}lessons/training/`);
    const cue = page.locator('.time-cue').first();
    expect(await cue.textContent()).toMatch(/^about (\d+ s|\d+ min \d+ s) here$/);
    await page.goto(lab.site.url);
    expect(await page.locator('.run-estimate').first().textContent()).toMatch(/Run all: about .* on this device/);
    // Measured once: a reload of a lesson reads the rates back instead of measuring again.
    await page.goto(`${lab.site.url}lessons/ui-basics/`);
    await runCell(page, 0);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('lab:backend-rates')!).at)).toBe(stored.at);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Run all of a measured lesson says how long is left; an asked-for backend is not measured', async () => {
    const { page } = await lab.open('lessons/welcome/', { measure: true });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statesSeen: string[] }).statesSeen = seen;
      new MutationObserver(() => seen.push(document.querySelector('.kernel-state')!.textContent!)).observe(
        document.querySelector('.kernel-state')!,
        { childList: true, characterData: true, subtree: true },
      );
    });
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.waitForFunction(() => document.querySelector('.announcer')?.textContent?.includes('Run all finished'), null, {
      timeout: 60_000,
    });
    const states = await page.evaluate(() => (window as unknown as { statesSeen: string[] }).statesSeen);
    expect(states.some((s) => /^Running cell \d+(, \d+ queued)? · about \d+ s left$/.test(s))).toBe(true);
    await page.close();

    const asked = await lab.open('lessons/ui-basics/?backend=cpu', { measure: true });
    await runCell(asked.page, 0);
    expect(await asked.page.textContent('.backend-label')).toBe('CPU');
    expect(await asked.page.evaluate(() => localStorage.getItem('lab:backend-rates'))).toBeNull();
    await asked.page.close();
  });
});

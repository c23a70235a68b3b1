/**
 * /check/, the workshop check: it names the backend the lab chose, finishes the training
 * self-test with a real rate and an accuracy far above chance, puts both in the report it copies,
 * and gives the WebGPU advice when the browser has no WebGPU (or the page is not secure).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, startLab, type Lab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

/**
 * Opens /check/ with `init` run before any page script; records errors as lab.open does. Service
 * workers are blocked unless asked for: the lab's worker precaches the whole site (~25 MB) on a
 * first visit, which only slows the self-test on this 2-core machine.
 */
async function openCheck(init?: () => void, { serviceWorkers = false } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await lab.browser.newContext({
    viewport: { width: 1100, height: 900 },
    serviceWorkers: serviceWorkers ? 'allow' : 'block',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(lab.site.url).origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  if (init) await page.addInitScript(init);
  await page.goto(`${lab.site.url}check/`);
  return { page, errors };
}

async function selfTestFinished(page: Page): Promise<void> {
  await page.waitForFunction(
    () => ['done', 'error'].includes(document.querySelector<HTMLElement>('[data-check]')!.dataset.selfTest!),
    null,
    { timeout: 60_000, polling: 100 },
  );
}

const text = (page: Page, fact: string) => page.locator(`[data-fact="${fact}"]`).innerText();

/** "1,234" → 1234, from the results row of `backend`. */
async function resultRow(page: Page, backend: string): Promise<{ rate: number; accuracy: number }> {
  const cells = await page.locator(`.check-results tr[data-backend="${backend}"] td`).allInnerTexts();
  return { rate: Number(cells[0]!.replace(/,/g, '')), accuracy: Number(cells[1]!.replace('%', '')) / 100 };
}

describe('workshop check page', () => {
  it('reports the backend, runs the self-test, and copies a report with both', async () => {
    const { page, errors } = await openCheck(undefined, { serviceWorkers: true });
    await selfTestFinished(page);
    expect(await page.locator('[data-check]').getAttribute('data-self-test')).toBe('done');
    expect(await page.locator('h1').innerText()).toBe('Workshop check');

    const backend = await text(page, 'backend');
    expect(backend).toMatch(/^(WebGPU|WebGL|CPU)$/);
    const name = { WebGPU: 'webgpu', WebGL: 'webgl', CPU: 'cpu' }[backend]!;
    expect(await text(page, 'device')).not.toBe('—');
    expect(await text(page, 'secure')).toMatch(/^Yes: http:\/\/localhost:\d+ is a secure context/);
    // Headless Chromium here offers WebGPU only on SwiftShader: the lab says so and uses WebGL.
    const webgpu = await text(page, 'webgpu');
    if (/software/.test(webgpu)) expect(backend).not.toBe('WebGPU');
    // The probe's rates, the lessons' own (one measurement per device), name every backend tried.
    expect(await text(page, 'rates')).toMatch(
      /^WebGL \(software\): dense [\d,]+, convolutional [\d,]+ samples\/s · CPU: dense [\d,]+, convolutional [\d,]+ samples\/s$/,
    );
    expect(await page.textContent('[data-fact="backend-note"]')).toMatch(/faster than .* \(measured\)/);

    const { rate, accuracy } = await resultRow(page, name);
    expect(rate).toBeGreaterThan(0);
    expect(accuracy).toBeGreaterThan(0.5); // chance is 0.1
    const summary = await text(page, 'summary');
    expect(summary).toMatch(new RegExp(`^Ready(, but slow)?: ${backend}, [\\d,]+ samples/s`));
    expect(await page.locator('[data-fact="summary"]').getAttribute('role')).toBe('status');
    console.log(`check page: ${summary}; accuracy ${accuracy}; ${await text(page, 'self-test-status')}`);

    expect(await text(page, 'local-storage')).toMatch(/^Usable/);
    expect(await text(page, 'indexeddb')).toMatch(/^Usable/);
    expect(await text(page, 'service-worker')).toBe('Supported');
    expect(await text(page, 'offline')).toMatch(/^(Ready for offline use|Not yet)/);

    const report = await page.locator('[data-fact="report"]').textContent();
    expect(report).toContain(`Summary: ${summary}`);
    expect(report).toMatch(
      new RegExp(`Self-test: ${backend}, ${rate.toLocaleString('en-US')} samples/s, accuracy ${(accuracy * 100).toFixed(1)}%`),
    );
    expect(report).toContain('Secure context: yes');

    await page.getByRole('button', { name: 'Copy report' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);

    await page.screenshot({ path: `${SCREENSHOTS}/check-page.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SCREENSHOTS}/check-page-dark.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('re-runs the self-test on another backend the learner picks', async () => {
    const { page, errors } = await openCheck();
    await selfTestFinished(page);
    const options = await page
      .getByLabel('Run again on')
      .locator('option')
      .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain('cpu');
    await page.getByLabel('Run again on').selectOption('cpu');
    await page.getByRole('button', { name: 'Run the self-test' }).click();
    await page.locator('.check-results tr[data-backend="cpu"]').waitFor({ timeout: 60_000 });
    await selfTestFinished(page);
    const cpu = await resultRow(page, 'cpu');
    expect(cpu.rate).toBeGreaterThan(0);
    expect(cpu.accuracy).toBeGreaterThan(0.5);
    // The summary still speaks for the lab's own choice; the report lists the extra run too.
    const chosen = (await page.textContent('[data-fact="backend"]'))!.trim().split(/\s/)[0]!;
    const summary = await page.textContent('[data-fact="summary"]');
    expect(summary).toContain(chosen);
    expect(summary).not.toMatch(/failed/);
    expect(await page.locator('[data-fact="report"]').textContent()).toMatch(
      chosen === 'CPU' ? /Self-test: CPU/ : /Self-test on CPU: [\d,]+ samples\/s/,
    );
    console.log(`check page rates: ${(await page.locator('.check-results tbody tr').allInnerTexts()).join(' | ')}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without WebGPU, says WebGPU is missing and gives the advice', async () => {
    const { page, errors } = await openCheck(() => {
      delete (Navigator.prototype as { gpu?: unknown }).gpu;
    });
    await selfTestFinished(page);
    expect(await page.evaluate(() => 'gpu' in navigator)).toBe(false);
    expect(await text(page, 'webgpu')).toMatch(/^Missing: this browser does not offer WebGPU/);
    expect(await text(page, 'backend')).not.toBe('WebGPU');
    const browserAdvice = page.locator('[data-advice="browser"]');
    expect(await browserAdvice.innerText()).toMatch(/current Chrome and Edge \(version 113 or later\)/);
    expect(await browserAdvice.innerText()).toMatch(/Firefox.*Safari/);
    // The lab measures which backend runs the self-test's dense network soonest: WebGL, or (on
    // software WebGL, as here) most often the CPU; either way the page says why it is fine.
    if ((await text(page, 'backend')) === 'WebGL') {
      expect(await page.locator('[data-advice="webgl-is-fine"]').innerText()).toMatch(/WebGL works for every lesson/);
    } else {
      expect(await text(page, 'backend')).toBe('CPU');
      expect(await page.locator('[data-advice="cpu-measured"]').innerText()).toMatch(
        /faster than this machine's GPU backends \(measured here/,
      );
    }
    expect(await page.locator('[data-fact="report"]').textContent()).toContain('WebGPU: missing');
    expect(await text(page, 'summary')).toMatch(/Ready.*things? to check below|Ready, but slow/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('on a page that is not a secure context, says what to do instead', async () => {
    // Only loopback serves this test, and loopback is secure; the page reads isSecureContext, so say no.
    const { page } = await openCheck(() => {
      Object.defineProperty(window, 'isSecureContext', { value: false });
      delete (Navigator.prototype as { gpu?: unknown }).gpu;
    });
    await selfTestFinished(page);
    expect(await text(page, 'secure')).toMatch(/^No: .* is not a secure context/);
    expect(await text(page, 'webgpu')).toMatch(/^Unavailable: this page is not a secure context/);
    const advice = await page.locator('[data-advice="secure-context"]').innerText();
    expect(advice).toMatch(/HTTPS address your teacher gives you/);
    expect(advice).toMatch(/localhost/);
    expect(await page.locator('[data-advice="browser"]').count()).toBe(0);
    await page.context().close();
  });
});

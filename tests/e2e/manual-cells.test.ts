/**
 * The cells of a real lesson that Run all never reaches (`run=false`): lesson 06's download and
 * file-picker cells, and its API cells against a real `npm run serve-model` process (the page is
 * one origin, the server another port, so CORS must allow it). The lesson's model is trained once,
 * by its first cell.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, downloadsOf, runCell, setCellCode, startLab, waitUntilSettled, type Lab } from './browser.ts';

let lab: Lab;
let server: ChildProcess;
let api: string;

beforeAll(async () => {
  server = spawn(process.execPath, ['src/cli/serve-model.ts', 'models/shapes-features', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  api = await new Promise<string>((resolve, reject) => {
    let text = '';
    server.stdout!.on('data', (chunk) => {
      text += chunk;
      const url = /at (http:\/\/\S+)\//.exec(text)?.[1];
      if (url) resolve(url);
    });
    server.on('exit', (code) => reject(new Error(`serve-model exited with ${code}: ${text}`)));
  });
  lab = await startLab();
});
afterAll(async () => {
  server?.kill();
  await lab?.close();
});

const indexOf = async (page: Page, id: string) => Number(await page.getAttribute(`[data-id="${id}"]`, 'data-cell'));

describe("lesson 06's run=false cells", () => {
  it('downloads the trained model, loads the files back through the picker, and calls the API, whose burst is batched', async () => {
    const { page, errors } = await lab.open('lessons/using-the-model/');
    const train = await indexOf(page, 'train-cnn');
    const save = await indexOf(page, 'save-model');
    const download = await indexOf(page, 'download-model');
    const pick = await indexOf(page, 'pick-model-files');
    const callApi = await indexOf(page, 'call-api');
    const latency = await indexOf(page, 'api-latency');
    // The model, and the cell that imports saveModel, which the download cell uses.
    await runCell(page, train);
    await runCell(page, save);
    expect([
      await page.getAttribute(`[data-cell="${train}"]`, 'data-status'),
      await page.getAttribute(`[data-cell="${save}"]`, 'data-status'),
    ]).toEqual(['done', 'done']);

    // Download: the two files a server or another browser loads.
    const files = await downloadsOf(page, 2, () => runCell(page, download));
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(['shapes-classifier.json', 'shapes-classifier.weights.bin']);
    // The picker: one file is not enough, and it says so; both files load the model.
    await page.locator(`[data-cell="${pick}"]`).getByRole('button', { name: 'Run cell' }).click();
    const picker = page.getByLabel('Model files (model.json and its weights)');
    await picker.waitFor();
    await picker.setInputFiles(files.filter((f) => f.endsWith('.bin')));
    await expect
      .poll(() => page.locator('.picker-status').textContent())
      .toMatch(/pick the model\.json file and its weights file.*Pick again/);
    await picker.setInputFiles(files);
    await waitUntilSettled(page);
    expect(await page.getAttribute(`[data-cell="${pick}"]`, 'data-status')).toBe('done');
    expect(await page.locator(`[data-cell="${pick}"] [data-output]`).textContent()).toContain('classes: ["circle", "square", "triangle"]');

    // The API: the cell's code with this test's server address, as a learner would edit the port.
    const code = await page.evaluate((index) => (window as unknown as { lab: { sources: string[] } }).lab.sources[index]!, callApi);
    expect(code).toContain('http://127.0.0.1:8008');
    await setCellCode(page, callApi, code.replace('http://127.0.0.1:8008', api));
    await runCell(page, callApi);
    const answer = await page.textContent(`[data-cell="${callApi}"] [data-output]`);
    expect(answer).toMatch(/the API serves shapes-features: circle, square, triangle/);
    expect(answer).toMatch(/the API says (circle|square|triangle) \(\d+%\), in [\d.]+ ms/);
    await runCell(page, latency);
    const latencyText = await page.textContent(`[data-cell="${latency}"] [data-output]`);
    const match = /largest batch (\d+); the server made (\d+) model calls for 80 requests/.exec(latencyText ?? '');
    expect(match, latencyText ?? '').not.toBeNull();
    expect(Number(match![1])).toBeGreaterThan(1);
    expect(Number(match![2])).toBeLessThan(80);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/serve-api.png`, fullPage: false });
    await page.close();
  }, 240_000);
});

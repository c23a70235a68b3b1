/**
 * The lesson's API cells against a real `npm run serve-model` process: the page (one origin)
 * calls the server (another port, so CORS must allow it), gets answers and measures latency.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, runCell, setCellCode, startLab, type Lab } from './browser.ts';

let lab: Lab;
let server: ChildProcess;
let api: string;

beforeAll(async () => {
  server = spawn(process.execPath, ['src/cli/serve-model.ts', 'models/shapes-features', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
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

describe('calling the model API from a lesson cell', () => {
  it('answers, and a burst of requests is batched', async () => {
    const { page, errors } = await lab.open('lessons/using-the-model/');
    const cells = await page.$$eval('[data-cell]', (all) => all.map((cell) => cell.textContent ?? ''));
    const first = cells.findIndex((text) => text.includes('const API = "http://127.0.0.1:8008"'));
    const latency = cells.findIndex((text) => text.includes('const oneByOne = []'));
    expect(first).toBeGreaterThan(0);
    expect(latency).toBeGreaterThan(first);
    // The cell's code with this test's server address, as a learner would edit the port.
    const code = await page.evaluate((index) => (window as unknown as { lab: { sources: string[] } }).lab.sources[index]!, first);
    await setCellCode(page, first, code.replace('http://127.0.0.1:8008', api));
    await runCell(page, first);
    const answer = await page.textContent(`[data-cell="${first}"] [data-output]`);
    expect(answer).toMatch(/the API serves shapes-features: circle, square, triangle/);
    expect(answer).toMatch(/the API says (circle|square|triangle) \(\d+%\), in [\d.]+ ms/);
    // The latency cell uses generateShapes from the first cell of the lesson.
    await runCell(page, 0);
    await runCell(page, latency);
    const latencyText = await page.textContent(`[data-cell="${latency}"] [data-output]`);
    const match = /largest batch (\d+); the server made (\d+) model calls for 80 requests/.exec(latencyText ?? '');
    expect(match, latencyText ?? '').not.toBeNull();
    expect(Number(match![1])).toBeGreaterThan(1);
    expect(Number(match![2])).toBeLessThan(80);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/serve-api.png`, fullPage: false });
    await page.close();
  });
});

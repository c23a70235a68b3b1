/** Trying a model on your own input in Chromium: drawing with the pointer, and uploading a picture. */
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeValue, startLab, waitUntilSettled, type Lab, runCell } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const cell = (index: number) => `[data-cell="${index}"]`;
/** The fixture's cell that asks the model about the pad (data-id="predict"). */
const predictCell = 4;

async function inkTotal(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(async () => {
    const session = await (window as any).lab.loadSession();
    return (session.kernel.scope.pad.ink as Float32Array).reduce((a: number, b: number) => a + b, 0);
  });
}

describe('the drawing pad', () => {
  it('draws with the pointer, clears, takes an uploaded picture, and the model answers on it', async () => {
    const { page, errors } = await lab.open('lessons/ui-model/');
    expect(await page.getAttribute(cell(predictCell), 'data-id')).toBe('predict');
    await page.locator(cell(predictCell)).getByRole('button', { name: 'Run cell' }).click();
    // Loading the saved model depends on the cell that saved it, which no name shows: run everything above.
    await page.getByRole('button', { name: 'Run every cell above first' }).click();
    await page.locator('.lab-drawing-pad').waitFor({ timeout: 90_000 });
    await waitUntilSettled(page, 120_000);
    expect(await page.locator(`${cell(predictCell)} [data-output]`).textContent()).toMatch(/the model says triangle/);

    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await inkTotal(page)).toBe(0);
    const canvas = page.locator('.lab-drawing-pad canvas');
    const box = (await canvas.boundingBox())!;
    // A filled square, drawn as a person would colour it in: back-and-forth strokes.
    await page.mouse.move(box.x + 70, box.y + 70);
    await page.mouse.down();
    for (let y = 70; y <= 186; y += 8) {
      await page.mouse.move(box.x + 186, box.y + y, { steps: 4 });
      await page.mouse.move(box.x + 70, box.y + y + 4, { steps: 4 });
    }
    await page.mouse.up();
    expect(await inkTotal(page)).toBeGreaterThan(500);

    // An uploaded photo: a dark triangle on white paper, which the pad inverts.
    const picture = createCanvas(200, 200);
    const context = picture.getContext('2d');
    context.fillStyle = 'white';
    context.fillRect(0, 0, 200, 200);
    context.fillStyle = 'black';
    context.beginPath();
    context.moveTo(100, 35);
    context.lineTo(170, 150);
    context.lineTo(30, 150);
    context.closePath();
    context.fill();
    const file = join(mkdtempSync(join(tmpdir(), 'lab-upload-')), 'triangle.png');
    await writeFile(file, picture.toBuffer('image/png'));
    await page.getByLabel('Upload an image').setInputFiles(file);
    await page.waitForFunction(async () => {
      const session = await (window as any).lab.loadSession();
      const ink = session.kernel.scope.pad.ink as Float32Array;
      return ink[0] === 0 && ink[32 * 64 + 32]! > 0.9; // corners dark (inverted paper), centre inked
    });
    await runCell(page, predictCell);
    expect(await page.locator(`${cell(predictCell)} [data-output]`).textContent()).toMatch(/the model says triangle/);
    expect(await scopeValue(page, 'best')).toMatchObject({ class: 'triangle' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

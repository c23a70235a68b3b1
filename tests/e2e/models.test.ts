/**
 * Saving and loading models in the lab's format inside the browser (IndexedDB), and the Models
 * panel. (Model files downloaded and picked: tests/e2e/manual-cells.test.ts, on lesson 06.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, downloadsOf, menuAction, setCellCode, startLab, type Lab, runCell } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

describe('models in the browser', () => {
  it('saves a model to IndexedDB, lists it, loads it back with the same predictions', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    await setCellCode(
      page,
      0,
      `
import { saveModel, loadModel, listModels, deleteModel } from "lab";
const net = tf.sequential({ layers: [tf.layers.dense({ units: 2, activation: "softmax", inputShape: [3] })] });
await saveModel(net, "indexeddb://e2e-model", { classes: ["no", "yes"], description: "test" });
const saved = (await listModels()).map((m) => m.name);
const { model: back, info } = await loadModel("indexeddb://e2e-model", { expectInputShape: [3] });
const x = tf.tensor2d([[1, -2, 0.5]]);
const same = (await (net.predict(x) as tf.Tensor).data()).join() === (await (back.predict(x) as tf.Tensor).data()).join();
let refused = "";
try { await loadModel("indexeddb://e2e-model", { expectInputShape: [8] }); } catch (error) { refused = (error as Error).message; }
await deleteModel("e2e-model");
const after = (await listModels()).map((m) => m.name);
({ saved: saved.includes("e2e-model"), classes: info.classes.join(), same, refused, gone: !after.includes("e2e-model") })`,
    );
    await runCell(page, 0);
    const output = await page.locator('[data-cell="0"] [data-output]').textContent();
    expect(await page.getAttribute('[data-cell="0"]', 'data-status'), output ?? '').toBe('done');
    expect(output).toContain('saved: true');
    expect(output).toContain('classes: "no,yes"');
    expect(output).toContain('same: true');
    expect(output).toContain('takes inputs of shape [3], not [8]');
    expect(output).toContain('gone: true');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the Models panel', () => {
  it('lists a saved model, downloads it, refuses a file that is not a model, uploads one, deletes', async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    await setCellCode(
      page,
      0,
      `
import { saveModel } from "lab";
const net = tf.sequential({ layers: [tf.layers.dense({ units: 2, activation: "softmax", inputShape: [3] })] });
await saveModel(net, "lab://panel-test", { classes: ["no", "yes"] });
"saved"`,
    );
    await runCell(page, 0);
    await menuAction(page, 'Models');
    const panel = page.getByRole('dialog', { name: 'Models in this browser' });
    await panel.getByRole('cell', { name: 'lab://panel-test', exact: true }).waitFor();
    // Download gives the two files a server or another browser can load.
    const files = await downloadsOf(page, 2, () => panel.getByRole('button', { name: 'Download lab://panel-test' }).click());
    const dir = files[0]!.slice(0, files[0]!.lastIndexOf('/'));
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(['panel-test.json', 'panel-test.weights.bin']);
    // A JSON file that is not a model is refused, with the reason.
    const notModel = join(dir, 'notes.json');
    writeFileSync(notModel, '{"hello": "world"}');
    const input = panel.locator('input[name="model-files"]');
    await input.setInputFiles([notModel]);
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/Not saved: .*notes/);
    // Delete, then upload the downloaded files: the model is back under its file name.
    await panel.getByRole('button', { name: 'Delete lab://panel-test' }).click();
    await expect.poll(() => panel.getByRole('cell', { name: 'lab://panel-test', exact: true }).count()).toBe(0);
    await input.setInputFiles(files);
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Saved lab://panel-test: no, yes, input [3]');
    await panel.getByRole('cell', { name: 'lab://panel-test', exact: true }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/models-panel.png` });
    await panel.getByRole('button', { name: 'Close' }).click();
    expect(await panel.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

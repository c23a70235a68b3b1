import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, saveModel } from '../../../src/lab/model-io/save-load.ts';
import { nodeHost } from '../../helpers/lesson.ts';

beforeAll(() => nodeHost());

function tinyModel() {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });
  model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
  return model;
}

describe('the lab model format', () => {
  it('round-trips a model and its metadata through a folder, predicting the same', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lab-model-')), 'penguins');
    const model = tinyModel();
    const info = await saveModel(model, dir, {
      classes: ['a', 'b', 'c'],
      normalization: { mean: [1, 2, 3, 4], std: [1, 1, 1, 1] },
      dataset: 'penguins',
      seed: 2,
    });
    expect(info).toMatchObject({ format: 'lab-model/1', inputShape: [4], backend: 'cpu', versions: { tfjs: tf.version.tfjs } });
    expect(JSON.parse(readFileSync(join(dir, 'lab-model.json'), 'utf8'))).toEqual(info);
    const { model: loaded, info: read } = await loadModel(dir, { expectInputShape: [4] });
    expect(read).toEqual(info);
    const x = tf.tensor2d([[0.1, -2, 3, 0.5]]);
    expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
  });

  it('says when the class names do not fit the outputs', async () => {
    await expect(saveModel(tinyModel(), join(tmpdir(), 'never'), { classes: ['a', 'b'] })).rejects.toThrow(
      'the model has 3 outputs but 2 class names were given',
    );
  });

  it('refuses a model whose input shape does not fit, naming both shapes', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lab-model-')), 'm');
    await saveModel(tinyModel(), dir, { classes: ['a', 'b', 'c'] });
    await expect(loadModel(dir, { expectInputShape: [16, 16, 1] })).rejects.toThrow(`${dir} takes inputs of shape [4], not [16, 16, 1]`);
  });

  it('refuses folders that are not models, and TF.js models without lab metadata', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'lab-empty-'));
    await expect(loadModel(empty)).rejects.toThrow(`no model.json in ${empty}: not a TF.js model folder`);
    const bad = mkdtempSync(join(tmpdir(), 'lab-bad-'));
    writeFileSync(join(bad, 'model.json'), '{"hello": 1}');
    await expect(loadModel(bad)).rejects.toThrow(/is not a TF\.js layers model/);
    const plain = join(mkdtempSync(join(tmpdir(), 'lab-plain-')), 'm');
    mkdirSync(plain);
    const { folderHandler } = await import('../../../src/node/folder-handler.ts');
    await tinyModel().save(folderHandler(plain));
    await expect(loadModel(plain)).rejects.toThrow(`${plain} is a TF.js model but not a lab model`);
  });
});

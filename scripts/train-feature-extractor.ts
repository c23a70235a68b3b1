/**
 * Trains the small convolutional network that lesson 04 reuses for transfer learning, and saves
 * it in the lab's model format to models/shapes-features/. Run from the repository root:
 *   node scripts/train-feature-extractor.ts
 * (about two minutes on a 2-core CPU). Seeded: the same weights come out every time on the same
 * TF.js version and backend.
 */
import * as tf from '@tensorflow/tfjs';
import { createNodeHost } from '../src/node/node-host.ts';
import { generateShapes } from '../src/lab/data/shapes.ts';
import { toTensors } from '../src/lab/data/image-dataset.ts';
import { saveModel } from '../src/lab/model-io/save-load.ts';
import { seedRandom } from '../src/notebook/random.ts';

await createNodeHost();
seedRandom(1001);
const options = {
  classes: ['circle', 'square', 'triangle'] as ('circle' | 'square' | 'triangle')[],
  offset: 0.2,
  rotation: [-30, 30] as [number, number],
  scale: [0.35, 0.8] as [number, number],
  brightness: [0.6, 1] as [number, number],
  background: 'random' as const,
  noise: 0.05,
};
const train = generateShapes({ ...options, count: 2400, seed: 1001 });
const valid = generateShapes({ ...options, count: 300, seed: 1002 });
const t = toTensors(train);
const v = toTensors(valid);

const model = tf.sequential({
  layers: [
    tf.layers.conv2d({ name: 'features_conv', filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [16, 16, 1] }),
    tf.layers.globalMaxPooling2d({ name: 'features' }),
    tf.layers.dense({ name: 'classifier', units: 3, activation: 'softmax' }),
  ],
});
model.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const started = Date.now();
const history = await model.fit(t.xs, t.ys, {
  epochs: 6,
  batchSize: 32,
  validationData: [v.xs, v.ys],
  verbose: 0,
  callbacks: {
    onEpochEnd: async (epoch, logs) =>
      console.log(`epoch ${epoch + 1}: loss ${logs!.loss!.toFixed(3)} val_acc ${logs!.val_acc!.toFixed(3)}`),
  },
});
const accuracy = (history.history.val_acc as number[]).at(-1)!;
console.log(`trained in ${((Date.now() - started) / 1000).toFixed(0)} s, validation accuracy ${accuracy.toFixed(3)}`);
await saveModel(model, 'models/shapes-features', {
  classes: train.classes,
  inputShape: [16, 16, 1],
  pixelRange: [0, 1],
  dataset: 'shapes',
  seed: 1001,
  description: `A 16-filter 3×3 convolution, global max pooling, and a 3-class head, trained by scripts/train-feature-extractor.ts on 2,400 generated shapes (shifted, rotated ±30°, varied brightness and background); validation accuracy ${accuracy.toFixed(3)}.`,
});
console.log('saved models/shapes-features');

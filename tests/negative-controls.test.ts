/**
 * Negative controls: for each claim a lesson checks, flip the lever the claim is about and the
 * same check must fail. A check that passes either way proves nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../src/notebook/parse.ts';
import { runLessonFile } from '../src/cli/run-file.ts';

interface Control {
  lesson: string;
  lever: string;
  /** Exact text in the lesson, replaced once. */
  replace: [string, string];
  /** A check message (or part of it) that must now fail. */
  failing: string;
}

const CONTROLS: Control[] = [
  {
    lesson: 'lessons/00-welcome.md', lever: 'a learning rate far too small',
    replace: ['tf.train.sgd(0.3)', 'tf.train.sgd(0.0001)'], failing: 'the slope is',
  },
  {
    lesson: 'lessons/00-welcome.md', lever: 'one epoch instead of forty',
    replace: ['  epochs: 40,\n  batchSize: 32,', '  epochs: 1,\n  batchSize: 32,'], failing: 'validation accuracy reached',
  },
  {
    lesson: 'lessons/01-drivetrain.md', lever: 'barely trained',
    replace: ['  epochs: 15,', '  epochs: 1,'], failing: 'of unseen digits correctly',
  },
  {
    lesson: 'lessons/01-drivetrain.md', lever: 'inverted digits in the training data',
    replace: [
      'const trainData = toTensors(trainSet, { flat: true });',
      'const plain = toTensors(trainSet, { flat: true });\nconst trainData = { xs: tf.concat([plain.xs, tf.scalar(1).sub(plain.xs)]), ys: tf.concat([plain.ys, plain.ys]) };',
    ],
    failing: 'on inverted digits the model is right only',
  },
  {
    lesson: 'lessons/01-drivetrain.md', lever: 'a threshold on a random number instead of the confidence',
    replace: ['valid.probabilities[i]! >= threshold', 'Math.random() >= threshold'], failing: 'at a 0.9 threshold the machine still sorts',
  },
  {
    lesson: 'lessons/02-data-preparation.md', lever: 'a split that ignores the classes',
    replace: [
      'const split = splitIndices(labels, { valid: 0.2, test: 0.2, seed: 2 });',
      'const order = [...labels.keys()].sort((a, b) => labels[a]! - labels[b]!);\nconst split = { train: order.slice(68, 274), valid: order.slice(0, 68), test: order.slice(274) };',
    ],
    failing: 'the rare Chinstraps keep their share',
  },
  {
    lesson: 'lessons/02-data-preparation.md', lever: 'one candidate model instead of 300',
    replace: ['Array.from({ length: 300 }, () => species.map', 'Array.from({ length: 1 }, () => species.map'], failing: 'inflated a worthless model',
  },
  {
    lesson: 'lessons/02-data-preparation.md', lever: 'unscaled features in place of standardised ones',
    replace: ['const scaledAccuracy = await trainOn(normalizer.apply(features));', 'const scaledAccuracy = await trainOn(features);'], failing: 'standardised features:',
  },
  {
    lesson: 'lessons/02-data-preparation.md', lever: 'centred shapes',
    replace: ['size: 32, offset: 0.35,', 'size: 32, offset: 0,'], failing: 'crop threw away',
  },
  {
    lesson: 'lessons/02-data-preparation.md', lever: 'no augmentation at all',
    replace: ['{ flip: true, rotate: 25, brightness: 0.15, noise: 0.05, crop: [0.75, 1] as [number, number] }', '{}'], failing: 'each epoch would see a different version',
  },
  {
    lesson: 'lessons/04-training.md', lever: 'the same learning rate three times',
    replace: ['const rates = [0.0005, 0.1, 3];', 'const rates = [0.1, 0.1, 0.1];'], failing: '0.0005 is far too slow',
  },
  {
    lesson: 'lessons/04-training.md', lever: 'a CNN that flattens instead of pooling',
    replace: ['    tf.layers.globalMaxPooling2d({}),\n    tf.layers.dense({ units: 3', '    tf.layers.flatten(),\n    tf.layers.dense({ units: 3'], failing: 'the CNN still recognises',
  },
  {
    lesson: 'lessons/04-training.md', lever: 'no label noise',
    replace: ['labelNoise: 0.1, seed: 9', 'labelNoise: 0, seed: 9'], failing: 'of the 20 highest-loss items carry a wrong label',
  },
  {
    lesson: 'lessons/04-training.md', lever: 'an untrained feature extractor',
    replace: [
      'const extractor = tf.model({ inputs: pretrained.inputs, outputs: pretrained.getLayer("features").output as tf.SymbolicTensor });',
      'const extractor = tf.sequential({ layers: [tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: "same", activation: "relu", inputShape: [16, 16, 1] }), tf.layers.globalMaxPooling2d({})] });',
    ],
    failing: 'transfer reaches',
  },
  {
    lesson: 'lessons/03-labelling-and-cleaning.md', lever: 'an annotator who makes no mistakes',
    replace: ['{ errorRate: 0.15, seed: 5 }', '{ errorRate: 0, seed: 5 }'], failing: "the annotator's errors cost",
  },
  {
    lesson: 'lessons/03-labelling-and-cleaning.md', lever: 'reviewing the lowest losses instead of the highest',
    replace: ['const ranked = await lossesByItem(noisy.model, noisy.labelled, { flat: true });', 'const ranked = (await lossesByItem(noisy.model, noisy.labelled, { flat: true })).reverse();'],
    failing: 'more than three times the base rate',
  },
  {
    lesson: 'lessons/03-labelling-and-cleaning.md', lever: 'a review that keeps every label',
    replace: ['review.reviewWith((index) => truth[index]!);', 'review.reviewWith((index) => labels[index]!);'], failing: 'reviewing a tenth of the data removed',
  },
  {
    lesson: 'lessons/05-using-the-model.md', lever: 'loading a different model',
    replace: ['const loaded = await loadModel("lab://shapes-classifier", { expectInputShape: [16, 16, 1] });', 'import { loadShippedModel } from "lab";\nconst loaded = await loadShippedModel("shapes-features", { expectInputShape: [16, 16, 1] });'],
    failing: 'the loaded model answers exactly as the trained one',
  },
  {
    lesson: 'lessons/05-using-the-model.md', lever: 'asking for the shape the model has',
    replace: ['expectInputShape: [28, 28, 1] });', 'expectInputShape: [16, 16, 1] });'], failing: 'loading for 28 × 28 images is refused',
  },
  {
    lesson: 'lessons/05-using-the-model.md', lever: 'an untrained model',
    replace: ['{ epochs: 8, batchSize: 32, validationData', '{ epochs: 0, batchSize: 32, validationData'], failing: 'a drawn circle, square and triangle are each recognised',
  },
  {
    lesson: 'lessons/10-deploying-safely.md', lever: 'serving scales bytes as training did',
    replace: ['bytes.sub(127.5).div(127.5)', 'bytes.div(255)'], failing: 'shadow mode exposes the mismatched scaling',
  },
  {
    lesson: 'lessons/10-deploying-safely.md', lever: 'a staged rollout that starts at 100%',
    replace: ['let step = staged ? 0 : STEPS.length - 1;', 'let step = STEPS.length - 1;'], failing: 'the staged rollout stops v2 after',
  },
  {
    lesson: 'lessons/10-deploying-safely.md', lever: 'a lamp that never changes',
    replace: ['(day < 5 ? 0 : 0.15 * (day - 4))', '0'], failing: 'the alarm fires on the darker stream',
  },
  {
    lesson: 'lessons/10-deploying-safely.md', lever: 'an alarm bar far too low',
    replace: ['1.95 * Math.sqrt', '0.5 * Math.sqrt'], failing: 'the alarm stays quiet on the steady stream',
  },
  {
    lesson: 'lessons/10-deploying-safely.md', lever: 'no exploration',
    replace: ['const exploring = simulateInspections({ explore: 0.2 });', 'const exploring = simulateInspections({ explore: 0 });'], failing: 'with 20% random inspections the model finds',
  },
  {
    lesson: 'lessons/10-deploying-safely.md', lever: 'people who err more than the model',
    replace: ['humansDecide(scopeParts.labels, 100)', 'simulatedAnnotator(scopeParts.labels, 3, { errorRate: 0.12, seed: 100 })'], failing: 'is worse than the people',
  },
  {
    lesson: 'lessons/11-testing-model-behaviour.md', lever: 'one epoch of training',
    replace: ['await train(model, xs, ys, { epochs: 15,', 'await train(model, xs, ys, { epochs: 1,'], failing: 'by the usual measure the quick model is good',
  },
  {
    lesson: 'lessons/11-testing-model-behaviour.md', lever: 'varied data that is still centred',
    replace: ['count: 1500, offset: 0.2,', 'count: 1500, offset: 0.03,'], failing: 'off-centre parts keep their answer',
  },
  {
    lesson: 'lessons/11-testing-model-behaviour.md', lever: 'an off-centre test that does not move the part',
    replace: ['{ offset: 0.2 }),', '{ offset: 0.03 }),'], failing: 'the quick model changes its answer when a part is off-centre',
  },
  {
    lesson: 'lessons/11-testing-model-behaviour.md', lever: 'a test set as narrow as the training week',
    replace: ['brightness: [0.3, 1], scale: [0.3, 0.8], seed: 600', 'brightness: [0.8, 1], scale: [0.45, 0.75], seed: 600'], failing: 'the slice report shows a gap',
  },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'reviewing the lowest losses instead of the highest', replace: ['const ranked = await lossesByItem(noisyModel, noisy, { flat: true });', 'const ranked = (await lossesByItem(noisyModel, noisy, { flat: true })).reverse();'], failing: 'of the flipped labels, more than twice' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'reviewing the lowest-loss items', replace: ['for (const item of ranked.slice(0, reviewCount))', 'for (const item of ranked.slice(-reviewCount))'], failing: 'reviewing the highest losses raised clean-test accuracy' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'a balanced test set', replace: ['count: 4000, seed: 9 }), 100)', 'count: 4000, seed: 9 }), 2000)'], failing: 'no better than always answering' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'as many squares as circles in training', replace: ['count: 1300, seed: 8 }), 32)', 'count: 1300, seed: 8 }), 650)'], failing: 'yet the model finds only' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'no class weights', replace: ['classWeight: { 0: 1, 1: squareWeight }', 'classWeight: { 0: 1, 1: 1 }'], failing: 'class weights raised the recall of squares' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'the item split replaced by the source split', replace: ['[["by item", byItem],', '[["by item", bySource],'], failing: 'split by item, validation says' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'the source split replaced by the item split', replace: ['["by source", bySource]]', '["by source", byItem]]'], failing: 'split by source, validation' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'validation rows that differ from training', replace: ['const shiftAlike = meanShift(rowsOf(withCopies, bySource.valid));', 'const shiftAlike = meanShift(rowsOf(brighter, [...brighter.labels.keys()]));'], failing: 'move the pixel means by at most' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'held-out images drawn like the training ones', replace: ['count: 180, brightness: [0.9, 1], background: 0.5, seed: 12', 'count: 180, seed: 12'], failing: 'brighter held-out images move them' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'no shortcut in the training colours', replace: ['spurious: 1, seed: 71', 'spurious: 0, channels: 3, seed: 71'], failing: 'the shortcut model scores' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'the fair model trained with the shortcut too', replace: ['spurious: 0, channels: 3, seed: 72', 'spurious: 1, seed: 72'], failing: 'the model trained on random colours still gets' },
  { lesson: 'lessons/07-when-the-data-lies.md', lever: 'the shortcut model explained twice', replace: ['const fairSaliency = await saliencyMaps(fairModel, probe', 'const fairSaliency = await saliencyMaps(shortcutModel, probe'], failing: 'of its saliency on the shape' },
  { lesson: 'lessons/08-out-of-domain-data.md', lever: 'an untrained model', replace: ['epochs: 15, batchSize: 32, validationData', 'epochs: 0, batchSize: 32, validationData'], failing: 'on new images like its training data the model is right' },
  { lesson: 'lessons/08-out-of-domain-data.md', lever: 'noise images in training with the target "no idea"', replace: ['const trainData = toTensors(shapes, { flat: true });', 'const plainData = toTensors(shapes, { flat: true });\nconst trainData = { xs: tf.concat([plainData.xs, tf.randomUniform([300, 256], 0, 1, "float32", 1)]), ys: tf.concat([plainData.ys, tf.fill([300, 3], 1 / 3)]) as tf.Tensor2D };'], failing: 'of noise images get a confidence of 90% or more' },
  { lesson: 'lessons/08-out-of-domain-data.md', lever: 'inverted shapes in training with the target "no idea"', replace: ['const trainData = toTensors(shapes, { flat: true });', 'const plainData = toTensors(shapes, { flat: true });\nconst trainData = { xs: tf.concat([plainData.xs, tf.scalar(1).sub(plainData.xs)]), ys: tf.concat([plainData.ys, tf.fill([600, 3], 1 / 3)]) as tf.Tensor2D };'], failing: 'of inverted shapes get a confidence of 90% or more' },
  { lesson: 'lessons/08-out-of-domain-data.md', lever: 'high confidence as the alarm instead of low', replace: ['answers[kind]!.confidence.map((c) => 1 - c)', 'answers[kind]!.confidence.map((c) => c)'], failing: 'worse than a coin' },
  { lesson: 'lessons/08-out-of-domain-data.md', lever: 'low entropy as the alarm instead of high', replace: ['const highEntropy = (kind: string) => answers[kind]!.entropy;', 'const highEntropy = (kind: string) => answers[kind]!.entropy.map((e) => -e);'], failing: 'high entropy does no better' },
  { lesson: 'lessons/08-out-of-domain-data.md', lever: 'distances between output probabilities instead of hidden features', replace: ['model.getLayer("features")', 'model.getLayer("probabilities")'], failing: 'feature distance separates every kind' },
  { lesson: 'lessons/08-out-of-domain-data.md', lever: 'no false alarms allowed', replace: ['tprAtFpr(distanceAll, 0.05)', 'tprAtFpr(distanceAll, 0)'], failing: 'catches more than 85% of every' },
  { lesson: 'lessons/08-out-of-domain-data.md', lever: 'the drawing not mapped onto the training levels', replace: ['const asTrainingImage = (ink: Float32Array) => ink.map((v) => 0.1 + 0.8 * v);', 'const asTrainingImage = (ink: Float32Array) => ink;'], failing: 'are recognised and not flagged' },
  { lesson: 'lessons/08-out-of-domain-data.md', lever: 'a drawn shape the model knows instead of a cross', replace: ['const cross = await drawn("cross");', 'const cross = await drawn("square");'], failing: 'a drawn cross is flagged' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'an "in-domain" test set drawn from another setting', replace: ['const inDomain = generateShapes({ ...narrow, count: 300, seed: 90 });', 'const inDomain = generateShapes({ ...narrow, background: 0.5, count: 300, seed: 90 });'], failing: 'in its own setting the model is right on' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'no brightness shift', replace: ['brightness: [0.8 - 0.15 * s, 1 - 0.15 * s]', 'brightness: [0.8, 1]'], failing: 'dim objects (brightness, severity 4) cost' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'no background shift', replace: ['background: 0.1 + 0.12 * s', 'background: 0.1'], failing: 'a light background (severity 4) leaves the model near chance' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'no size shift', replace: ['scale: [0.5 - 0.07 * s, 0.75 - 0.1 * s]', 'scale: [0.5, 0.75]'], failing: 'small shapes (severity 4) leave the model near chance' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'no noise shift', replace: ['noise: 0.03 + 0.1 * s', 'noise: 0.03'], failing: 'noise and rotation hurt too' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'no brightness augmentation', replace: ['["brightness", { brightness: 0.4 }]', '["brightness", { brightness: 0 }]'], failing: 'brightness augmentation recovers dim objects' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'no noise augmentation', replace: ['["noise", { noise: 0.3 }]', '["noise", { noise: 0 }]'], failing: 'noise augmentation recovers some of the noise' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'augmented models trained on shapes of every size', replace: ['async function trainAugmented(augment: AugmentOptions) {\n', 'async function trainAugmented(augment: AugmentOptions) {\n  const trainData = toTensors(generateShapes({ ...narrow, scale: [0.2, 0.75], count: 600, seed: 9 }));\n'], failing: 'no augmentation recovers small shapes' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'no rotation augmentation', replace: ['["rotation", { rotate: 45 }]', '["rotation", { rotate: 0 }]'], failing: 'rotation augmentation costs the dense net' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'every site model trained on all three sites', replace: ['for (const site of sites) siteModels.set(site, await trainSentiment(bySite.get(site)!.train));', 'for (const site of sites) siteModels.set(site, await trainSentiment(sites.flatMap((s) => bySite.get(s)!.train)));'], failing: 'moving to another site costs' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'vocabularies fitted on all three sites', replace: ['const vocabulary = fitVocabulary(rows.map((row) => row.text), { maxSize: 1000 });', 'const vocabulary = fitVocabulary(sentiment.rows.map((row) => row.text), { maxSize: 1000 });'], failing: 'of its own test words and only' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'the weakest words instead of the strongest', replace: ['.sort((a, b) => Math.abs(weights[b]!) - Math.abs(weights[a]!))', '.sort((a, b) => Math.abs(weights[a]!) - Math.abs(weights[b]!))'], failing: "carry sentiment in one site's model only" },
  { lesson: 'lessons/09-domain-shift.md', lever: "IMDB's labels reversed, in training and test", replace: ['const rows = sentiment.rows.filter((row) => row.site === site);', 'const rows = sentiment.rows.filter((row) => row.site === site).map((row) => (site === "imdb" ? { ...row, label: (1 - row.label) as 0 | 1 } : row));'], failing: 'strong words keep their sign in all three models' },
  { lesson: 'lessons/09-domain-shift.md', lever: 'pooled model trained on one site only', replace: ['const pooled = await trainSentiment(sites.flatMap((site) => bySite.get(site)!.train));', 'const pooled = await trainSentiment(bySite.get("imdb")!.train);'], failing: 'trained on all three sites, the model reaches' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'the far-too-high run trained at a good rate', replace: ['tf.train.adam(rate)', 'tf.train.adam(rate === 1 ? 0.01 : rate)'], failing: 'with a learning rate of 1 the best validation accuracy' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'the good rate replaced by 1', replace: ['tf.train.adam(rate)', 'tf.train.adam(rate === 0.01 ? 1 : rate)'], failing: 'with a learning rate of 0.01 the network reaches' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'the too-low rate replaced by a good one', replace: ['tf.train.adam(rate)', 'tf.train.adam(rate === 0.0001 ? 0.01 : rate)'], failing: 'still far behind after the same 10 epochs' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'a rate too low to move at all', replace: ['tf.train.adam(rate)', 'tf.train.adam(rate === 0.0001 ? 0.0000001 : rate)'], failing: 'yet 0.0001 is learning' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'two epochs on the tiny set', replace: ['const TINY_EPOCHS = 60;', 'const TINY_EPOCHS = 2;'], failing: 'the network fits its 30 training images' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'sixty images per class instead of three', replace: ['const tiny = firstPerClass(trainSet, 3);', 'const tiny = firstPerClass(trainSet, 60);'], failing: 'a gap of' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'no more data than the baseline', replace: ['const more = firstPerClass(trainSet, 30);', 'const more = firstPerClass(trainSet, 3);'], failing: 'ten times more data lifts' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'patience that never runs out', replace: ['const patience = 10;', 'const patience = 100;'], failing: 'early stopping ended training after' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'almost no patience', replace: ['const patience = 10;', 'const patience = 2;'], failing: 'and lost next to nothing' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'the smaller model trained on more data', replace: ['await small.fit(tinyData.xs, tinyData.ys', 'await small.fit(moreData.xs, moreData.ys'], failing: 'neither augmentation nor a smaller model beat' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'the smaller model trained on more data (against more data)', replace: ['await small.fit(tinyData.xs, tinyData.ys', 'await small.fit(moreData.xs, moreData.ys'], failing: 'well ahead of the best other remedy' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'a network too small to memorise', replace: ['const model = digitNet(256);', 'const model = digitNet(4);'], failing: 'with shuffled labels the network still gets' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'labels left unshuffled', replace: ['Int32Array.from(shuffled([...sample.labels], 66))', 'Int32Array.from(sample.labels)'], failing: 'of the validation digits: chance' },
  { lesson: 'lessons/06-when-training-goes-wrong.md', lever: 'shuffled labels in the true-label run', replace: ['["true labels", sample.labels]', '["true labels", randomLabels]'], failing: 'the same network on the true labels reaches' },
];

describe('negative controls: flip the lever and the check fails', () => {
  it.concurrent.each(CONTROLS.map((c) => [c.lesson, c.lever, c] as const))('%s: %s', async (file, _lever, control) => {
    const text = readFileSync(file, 'utf8');
    const [from, to] = control.replace;
    expect(text.split(from).length - 1, `the lever text must appear exactly once in ${file}`).toBe(1);
    const report = await runLessonFile(parseLesson(text.replace(from, to), file), { guardMs: 3000, timeoutMs: 60_000 });
    expect(report.ok).toBe(false);
    const failed = report.cells.flatMap((cell) => cell.outputs).filter((o) => o.kind === 'check' && o.pass === false);
    expect(failed.map((o) => o.text).join('\n')).toContain(control.failing);
  });
});

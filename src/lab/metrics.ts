/**
 * How good a classifier is, and where it goes wrong: accuracy, the confusion matrix (as numbers
 * and as a chart), and precision and recall per class. Accuracy alone hides a class the model
 * never gets right when that class is rare.
 */
import * as tf from '@tensorflow/tfjs';
import * as Plot from '@observablehq/plot';
import { plot } from './plot.ts';

/** The class with the highest score for each row of the model's output, and that score. */
export async function predictClasses(model: tf.LayersModel, xs: tf.Tensor): Promise<{ classes: Int32Array; probabilities: Float32Array }> {
  const output = model.predict(xs) as tf.Tensor2D;
  const best = output.argMax(1);
  const top = output.max(1);
  const [classes, probabilities] = await Promise.all([best.data(), top.data()]);
  tf.dispose([output, best, top]);
  return { classes: Int32Array.from(classes), probabilities: Float32Array.from(probabilities) };
}

export function accuracy(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (predicted.length !== actual.length) throw new Error(`accuracy: ${predicted.length} predictions for ${actual.length} labels`);
  let right = 0;
  for (let i = 0; i < actual.length; i++) if (predicted[i] === actual[i]) right++;
  return actual.length ? right / actual.length : 0;
}

/** matrix[actual][predicted] = count. */
export function confusionMatrix(predicted: ArrayLike<number>, actual: ArrayLike<number>, classCount: number): number[][] {
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) matrix[actual[i]!]![predicted[i]!]!++;
  return matrix;
}

export interface ClassReport {
  class: string;
  precision: number;
  recall: number;
  support: number;
}

/** Precision: of the items predicted as this class, how many are. Recall: of this class's items, how many were found. */
export function perClass(matrix: number[][], classes: readonly string[]): ClassReport[] {
  return classes.map((name, c) => {
    const support = matrix[c]!.reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((sum, row) => sum + row[c]!, 0);
    const right = matrix[c]![c]!;
    return { class: name, precision: predicted ? right / predicted : 0, recall: support ? right / support : 0, support };
  });
}

export function confusionChart(matrix: number[][], classes: readonly string[]): Element {
  const cells = matrix.flatMap((row, actual) =>
    row.map((count, predicted) => ({ actual: classes[actual], predicted: classes[predicted], count })),
  );
  const darkFrom = Math.max(...matrix.flat()) / 2;
  return plot({
    width: 120 + 60 * classes.length,
    height: 80 + 50 * classes.length,
    marginLeft: 90,
    x: { label: 'predicted', domain: classes as string[], axis: 'top' },
    y: { label: 'actual', domain: classes as string[] },
    color: { scheme: 'blues', legend: false },
    marks: [
      Plot.cell(cells, { x: 'predicted', y: 'actual', fill: 'count', inset: 0.5 }),
      Plot.text(cells, {
        x: 'predicted',
        y: 'actual',
        text: 'count',
        fill: (d: { count: number }) => (d.count > darkFrom ? 'white' : 'black'),
      }),
    ],
  });
}

/**
 * Rows of class probabilities ([n, classes]), given as a tensor (read, not disposed) or as an
 * array of rows, flattened into one array: what uncertainty and calibration helpers read.
 */
import * as tf from '@tensorflow/tfjs';

export type ProbabilityRows = tf.Tensor | readonly ArrayLike<number>[];

export interface FlatRows {
  values: ArrayLike<number>;
  rows: number;
  classes: number;
}

/** `probabilities` as one flat array; errors name `caller` and what was wrong. */
export function flatRows(probabilities: ProbabilityRows, caller: string): FlatRows {
  if (probabilities instanceof tf.Tensor) {
    if (probabilities.rank !== 2)
      throw new Error(`${caller}: expected probabilities [n, classes], got shape [${probabilities.shape.join(', ')}]`);
    const [rows, classes] = probabilities.shape as [number, number];
    return { values: probabilities.dataSync(), rows, classes };
  }
  const rows = probabilities.length;
  const classes = rows ? probabilities[0]!.length : 0;
  // Float64, so that 0.7 stays 0.7 (as float32 it is 0.69999…, and lands in another bin).
  const values = new Float64Array(rows * classes);
  probabilities.forEach((row, r) => {
    if (row.length !== classes) throw new Error(`${caller}: row ${r} has ${row.length} values, row 0 has ${classes}`);
    values.set(Array.from(row), r * classes);
  });
  return { values, rows, classes };
}

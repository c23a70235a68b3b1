/**
 * Standardising features (mean 0, standard deviation 1) with statistics fitted on the training
 * rows only. Fitting them on all the data lets the validation set leak into training.
 */
export interface Normalizer {
  mean: number[];
  std: number[];
  apply(rows: readonly (readonly number[])[]): number[][];
}

export function fitNormalizer(rows: readonly (readonly number[])[]): Normalizer {
  if (rows.length === 0) throw new Error('fitNormalizer: no rows to fit on');
  const width = rows[0]!.length;
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / rows.length);
  const std = mean.map((m, j) => Math.sqrt(rows.reduce((sum, row) => sum + (row[j]! - m) ** 2, 0) / rows.length) || 1);
  return {
    mean,
    std,
    apply: (input) =>
      input.map((row) => {
        if (row.length !== width) throw new Error(`normalizer: a row has ${row.length} features, the normalizer was fitted on ${width}`);
        return row.map((value, j) => (value - mean[j]!) / std[j]!);
      }),
  };
}

/**
 * A tensor's values as text, from values read asynchronously (`tensor.data()`), because a
 * synchronous read stalls a GPU backend and, on some WebGPU set-ups, returns zeros. Long
 * dimensions show their first and last three entries, as TF.js's own printing does.
 */
const EDGE = 3;
const LIMIT = 20;

type Values = ArrayLike<number | string | boolean> | readonly (number | string | boolean)[];

function formatScalar(value: number | string | boolean, dtype: string): string {
  if (dtype === 'string') return JSON.stringify(value);
  if (dtype === 'bool') return value ? 'true' : 'false';
  const number = Number(value);
  if (dtype === 'int32' || Number.isInteger(number)) return String(number);
  if (!Number.isFinite(number)) return String(number);
  const abs = Math.abs(number);
  return abs !== 0 && (abs < 1e-4 || abs >= 1e7) ? number.toExponential(4) : String(Number(number.toFixed(4)));
}

/** Indices shown along a dimension of `size`, with -1 where "..." stands. */
function shownIndices(size: number): number[] {
  if (size <= LIMIT) return Array.from({ length: size }, (_, i) => i);
  return [...Array.from({ length: EDGE }, (_, i) => i), -1, ...Array.from({ length: EDGE }, (_, i) => size - EDGE + i)];
}

export function formatTensorValues(values: Values, shape: readonly number[], dtype: string): string {
  if (shape.length === 0) return formatScalar(values[0]!, dtype);
  const strides = shape.map((_, axis) => shape.slice(axis + 1).reduce((a, b) => a * b, 1));
  const texts: string[] = [];
  const collect = (axis: number, offset: number) => {
    for (const i of shownIndices(shape[axis]!)) {
      if (i < 0) continue;
      if (axis === shape.length - 1) texts.push(formatScalar(values[offset + i]!, dtype));
      else collect(axis + 1, offset + i * strides[axis]!);
    }
  };
  collect(0, 0);
  const width = Math.max(...texts.map((t) => t.length), 1);
  const build = (axis: number, offset: number, indent: string): string => {
    const parts = shownIndices(shape[axis]!).map((i) => {
      if (i < 0) return '...';
      if (axis === shape.length - 1) return formatScalar(values[offset + i]!, dtype).padStart(width);
      return build(axis + 1, offset + i * strides[axis]!, `${indent} `);
    });
    if (axis === shape.length - 1) return `[${parts.join(', ')}]`;
    const separator = `,${'\n'.repeat(shape.length - axis - 1)}${indent} `;
    return `[${parts.join(separator)}]`;
  };
  return build(0, 0, '');
}

import { describe, expect, it } from 'vitest';
import { formatTensorValues } from '../../../src/notebook/format-tensor.ts';
import { formatValue, formatNumber } from '../../../src/notebook/format.ts';

describe('formatTensorValues', () => {
  it('prints scalars, vectors and matrices with aligned columns', () => {
    expect(formatTensorValues([10], [], 'float32')).toBe('10');
    expect(formatTensorValues([1, 2.5, -3], [3], 'float32')).toBe('[  1, 2.5,  -3]');
    expect(formatTensorValues([7, 10, 15, 22], [2, 2], 'int32')).toBe('[[ 7, 10],\n [15, 22]]');
  });

  it('separates the blocks of a 3-D tensor with a blank line', () => {
    expect(formatTensorValues([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], 'int32')).toBe('[[[1, 2],\n  [3, 4]],\n\n [[5, 6],\n  [7, 8]]]');
  });

  it('shortens long dimensions to their first and last three entries', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    expect(formatTensorValues(values, [100], 'int32')).toBe('[ 0,  1,  2, ..., 97, 98, 99]');
  });

  it('prints booleans, strings, tiny and huge floats readably', () => {
    expect(formatTensorValues([1, 0], [2], 'bool')).toBe('[ true, false]');
    expect(formatTensorValues(['a', 'b'], [2], 'string')).toBe('["a", "b"]');
    expect(formatTensorValues([0.000012345, 123456789.5], [2], 'float32')).toBe('[1.2345e-5, 1.2346e+8]');
  });
});

describe('formatValue', () => {
  it('prints nested values, class names, cycles and limits', () => {
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
    }
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(formatValue({ p: new Point(1, 2), list: [1, 'two', null] })).toBe('{ p: Point { x: 1, y: 2 }, list: [1, "two", null] }');
    expect(formatValue(cyclic)).toBe('{ a: 1, self: [Circular] }');
    expect(formatValue(Array.from({ length: 60 }, (_, i) => i))).toMatch(/, 49, … 10 more\]$/);
    expect(formatValue(new Float32Array([0.5, 1]))).toBe('Float32Array(2) [0.5, 1]');
    expect(formatValue(() => 1)).toBe('[Function anonymous]');
  });

  it('rounds floats to six significant digits', () => {
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(2e-7)).toBe('2.0000e-7');
  });
});

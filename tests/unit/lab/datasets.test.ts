import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lab/data/load.ts';
import { type DatasetReader, labEnvironment, setLabEnvironment } from '../../../src/lab/environment.ts';
import { generateShapes } from '../../../src/lab/data/shapes.ts';
import { imageAt } from '../../../src/lab/data/image-dataset.ts';
import { nodeHost } from '../../helpers/lesson.ts';

/** Swaps only the dataset reader of the host's environment. */
const setDatasetReader = (read: DatasetReader) => setLabEnvironment({ ...labEnvironment(), readDataset: read });

const realReader = async (path: string) => {
  const bytes = await readFile(`datasets/${path}`);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};
beforeAll(() => nodeHost());
afterEach(() => setDatasetReader(realReader));

describe('loadDataset', () => {
  it('loads the penguins with typed, cleaned fields', async () => {
    setDatasetReader(realReader);
    const { rows, species } = await loadDataset('penguins');
    expect(rows).toHaveLength(344);
    expect(species).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(rows[0]).toEqual({
      species: 'Adelie',
      island: 'Torgersen',
      beakLength: 39.1,
      beakDepth: 18.7,
      flipperLength: 181,
      bodyMass: 3750,
      sex: 'male',
    });
    expect(rows.filter((r) => r.bodyMass === null).length).toBe(2);
  });

  it('loads the 1,797 digits as 8×8 images in [0, 1]', async () => {
    setDatasetReader(realReader);
    const digits = await loadDataset('digits');
    expect(digits).toMatchObject({ count: 1797, height: 8, width: 8, channels: 1 });
    expect(digits.images.length).toBe(1797 * 64);
    expect(Math.max(...digits.images)).toBe(1);
    expect(new Set(digits.labels).size).toBe(10);
  });

  it('names an unknown dataset and lists the real ones', async () => {
    await expect(loadDataset('pengiuns' as 'penguins')).rejects.toThrow(
      'unknown dataset "pengiuns"; the lab has: penguins, digits, shapes, sentiment',
    );
  });

  it('says which file is corrupt and how', async () => {
    setDatasetReader(async () => new TextEncoder().encode('DIGITS01 truncated').buffer as ArrayBuffer);
    await expect(loadDataset('digits')).rejects.toThrow(
      /dataset "digits": datasets\/digits\/digits\.bin is corrupt \(expected the header DIGITS01 and 116813 bytes, got "DIGITS01" and 18 bytes\)/,
    );
    setDatasetReader(async () => new TextEncoder().encode('{not json').buffer as ArrayBuffer);
    await expect(loadDataset('penguins')).rejects.toThrow('dataset "penguins": datasets/penguins/penguins.json is not valid JSON');
    setDatasetReader(async () => {
      throw new Error('ENOENT');
    });
    await expect(loadDataset('penguins')).rejects.toThrow('dataset "penguins": cannot read datasets/penguins/penguins.json (ENOENT)');
  });
});

describe('the shapes generator', () => {
  it('is deterministic for a seed and different for another', () => {
    const a = generateShapes({ count: 30, seed: 4 });
    const b = generateShapes({ count: 30, seed: 4 });
    const c = generateShapes({ count: 30, seed: 5 });
    expect(Array.from(a.images)).toEqual(Array.from(b.images));
    expect(Array.from(a.images)).not.toEqual(Array.from(c.images));
  });

  it('balances classes and keeps pixels in [0, 1]', () => {
    const data = generateShapes({ count: 90, classes: ['circle', 'square', 'triangle'] });
    expect([0, 1, 2].map((c) => data.labels.filter((l) => l === c).length)).toEqual([30, 30, 30]);
    expect(Math.min(...data.images)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...data.images)).toBeLessThanOrEqual(1);
  });

  it('draws bigger objects with a bigger scale, brighter images with more brightness', () => {
    const mean = (values: Float32Array) => values.reduce((a, b) => a + b, 0) / values.length;
    const small = generateShapes({ count: 60, scale: [0.3, 0.35], noise: 0 });
    const big = generateShapes({ count: 60, scale: [0.8, 0.85], noise: 0 });
    expect(mean(big.images)).toBeGreaterThan(mean(small.images) + 0.1);
    const dim = generateShapes({ count: 60, brightness: [0.3, 0.3], noise: 0 });
    expect(mean(dim.images)).toBeLessThan(mean(small.images));
  });

  it('flips the asked fraction of labels, and records which', () => {
    const data = generateShapes({ count: 1000, labelNoise: 0.2 });
    const flipped = data.flipped.reduce((a, b) => a + b, 0);
    expect(flipped).toBeGreaterThan(160);
    expect(flipped).toBeLessThan(240);
    for (let i = 0; i < data.count; i++) expect(data.labels[i] !== data.trueLabels[i]).toBe(data.flipped[i] === 1);
  });

  it('ties the background colour to the class with `spurious`, and can reverse it', () => {
    const tied = generateShapes({ count: 300, spurious: 1 });
    expect(tied.channels).toBe(3);
    expect(Array.from(tied.meta.tint).every((tint, i) => tint === tied.labels[i])).toBe(true);
    const shifted = generateShapes({ count: 300, spurious: 1, spuriousShift: 1 });
    expect(Array.from(shifted.meta.tint).every((tint, i) => tint === (shifted.labels[i]! + 1) % 3)).toBe(true);
    const random = generateShapes({ count: 300, spurious: 0, channels: 3 });
    const matches = Array.from(random.meta.tint).filter((tint, i) => tint === random.labels[i]).length;
    expect(matches / 300).toBeLessThan(0.5);
  });

  it('draws the shape it names: a square fills the corner of its box, a circle does not', () => {
    const data = generateShapes({
      count: 2,
      size: 32,
      classes: ['circle', 'square'],
      scale: [0.7, 0.7],
      offset: 0,
      noise: 0,
      background: 0,
      brightness: [1, 1],
    });
    // Pixel (24, 24) lies on the diagonal at 0.76 of the radius from the centre along each axis.
    const corner = (i: number) => imageAt(data, i)[24 * 32 + 24]!;
    expect(corner(1)).toBeGreaterThan(0.9);
    expect(corner(0)).toBeLessThan(0.1);
  });

  it('rejects options that cannot work, with a clear message', () => {
    expect(() => generateShapes({ classes: ['circle'] })).toThrow('at least two classes');
    expect(() => generateShapes({ classes: ['circle', 'hexagon' as 'circle'] })).toThrow('unknown shape "hexagon"');
    expect(() => generateShapes({ spurious: 0.5, channels: 1 })).toThrow('needs channels: 3');
  });
});

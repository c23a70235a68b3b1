import { describe, expect, it } from 'vitest';
import { concatDatasets, subset } from '../../../src/lab/data/image-dataset.ts';
import { generateShapes } from '../../../src/lab/data/shapes.ts';
import { datasheet } from '../../../src/lab/documents/datasheet.ts';
import { markdownTable } from '../../../src/lab/documents/markdown.ts';
import { modelCard } from '../../../src/lab/documents/model-card.ts';
import { LAB_MODEL_FORMAT, type LabModelInfo } from '../../../src/lab/model-io/info.ts';
import { sliceReport } from '../../../src/lab/slices.ts';

const info: LabModelInfo = {
  format: LAB_MODEL_FORMAT,
  classes: ['circle', 'square'],
  inputShape: [256],
  dataset: 'test shapes',
  seed: 3,
  backend: 'cpu',
  versions: { tfjs: '4.22.0', lab: '0.1.0' },
  createdAt: '2026-11-30T00:00:00.000Z',
};

describe('concatDatasets', () => {
  it('joins items in order and refuses mismatched classes or shapes', () => {
    const a = generateShapes({ count: 3, seed: 1 });
    const b = generateShapes({ count: 2, seed: 2 });
    const joined = concatDatasets(a, b);
    expect(joined.count).toBe(5);
    expect(Array.from(joined.labels)).toEqual([...a.labels, ...b.labels]);
    expect(Array.from(joined.images.subarray(3 * 256, 4 * 256))).toEqual(Array.from(b.images.subarray(0, 256)));
    expect(() => concatDatasets(a, generateShapes({ count: 2, classes: ['circle', 'cross'] }))).toThrow(
      'dataset 1 has classes [circle, cross], dataset 0 has [circle, square, triangle]',
    );
    expect(() => concatDatasets(a, generateShapes({ count: 2, size: 8 }))).toThrow('dataset 1 has 8×8×1 images, dataset 0 has 16×16×1');
    expect(() => concatDatasets()).toThrow('give at least one dataset');
    expect(concatDatasets(subset(a, [])).count).toBe(0);
  });
});

describe('sliceReport', () => {
  it('gives each group its accuracy and interval, in first-seen order, skipping items with no group', () => {
    const rows = sliceReport([0, 1, 1, 0, 1], [0, 1, 0, 0, 1], ['b', 'a', 'a', undefined, 'b']);
    expect(rows.map((row) => [row.slice, row.count, row.right, row.accuracy])).toEqual([
      ['b', 2, 2, 1],
      ['a', 2, 1, 0.5],
    ]);
    expect(rows[1]!.low).toBeLessThan(0.5);
    expect(rows[1]!.high).toBeGreaterThan(0.5);
    expect(() => sliceReport([0], [0, 1], ['a', 'b'])).toThrow('1 predictions and 2 groups for 2 labels');
  });
});

describe('datasheet', () => {
  const options = {
    title: 'Parts',
    motivation: 'To sort parts.',
    collection: 'Two cameras.',
    classes: ['circle', 'square'],
    labels: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
    sources: ['A', 'A', 'B', 'B', 'B', 'A', 'A', 'A', 'A', 'B'],
    licence: 'CC0',
  };

  it('counts the composition from the data and names pairs under half their source’s usual share', () => {
    const sheet = datasheet({ ...options, thinBelow: 0.6 });
    expect(sheet.counts).toEqual({ circle: { A: 2, B: 3 }, square: { A: 4, B: 1 } });
    // B holds 40% of all items; 1 of 5 squares (20%) is under 0.6 of that (24%); A's 40% of circles is not under 36%
    expect(sheet.thin).toEqual([{ class: 'square', source: 'B', count: 1, share: 0.2, sourceShare: 0.4 }]);
    expect(sheet.text).toContain('| square | 4 (80%) | 1 (20%) | 5 |');
    expect(sheet.text).toContain('- square from B: 1 items, 20% of the square items, where B supplies 40% of all items (counted)');
    expect(sheet.text).toContain('Licence: CC0');
    expect(sheet.text).not.toContain('## Uses');
    // at the default (half the usual share, 20% for B) a 20% share is not under it
    expect(datasheet(options).text).toContain('## Known gaps\n\nNone known.');
  });

  it('holds each source to its own share, so many even sources are not all thin', () => {
    const sources = ['A', 'B', 'C', 'D', 'E', 'F'];
    const even = datasheet({
      ...options,
      labels: Array.from({ length: 60 }, (_, i) => i % 2),
      sources: Array.from({ length: 60 }, (_, i) => sources[Math.floor(i / 10)]!),
    });
    expect(even.thin).toEqual([]);
    const missing = datasheet({ ...options, labels: [0, 0, 1, 1], sources: ['A', 'B', 'A', 'A'] });
    expect(missing.thin).toEqual([{ class: 'square', source: 'B', count: 0, share: 0, sourceShare: 0.25 }]);
    expect(() => datasheet({ ...options, labels: [0, 2], sources: ['A', 'B'] })).toThrow(
      'item 1 has label 2, not a class index from 0 to 1',
    );
    expect(() => datasheet({ ...options, labels: [0], sources: ['A', 'B'] })).toThrow('1 labels and 2 sources');
  });
});

describe('modelCard', () => {
  it('writes the saved metadata and the measurements, and names slices whose interval lies under the overall accuracy', () => {
    const predicted = [...Array(100).fill(0), ...Array(100).fill(1)];
    const labels = [...Array(100).fill(0), ...Array(60).fill(1), ...Array(40).fill(0)];
    const groups = [...Array(100).fill('circle'), ...Array(100).fill('square')];
    const slices = sliceReport(predicted, labels, groups);
    const card = modelCard({
      name: 'sorter',
      info,
      intendedUse: 'Sorting.',
      evaluation: '200 test items.',
      overall: { right: 160, count: 200 },
      slices,
      outOfDomain: [{ inputs: 'crosses', count: 50, confidentShare: 0.4, threshold: 0.9 }],
    });
    expect(card.weakSlices.map((slice) => slice.slice)).toEqual(['square']);
    expect(card.text).toContain('# Model card: sorter');
    expect(card.text).toContain('| classes | circle, square |');
    expect(card.text).toContain('| training data | test shapes |');
    expect(card.text).toContain('Accuracy 80% (95% interval 74%–85%) on 200 items.');
    expect(card.text).toContain('| square | 100 | 60% | 50%–69% (95%) |');
    expect(card.text).not.toContain('## Calibration');
    expect(card.text).toContain('| crosses | 50 | 40% (≥ 90%) |');
    expect(card.text).toContain('- Weak slice: square, 60% (95% interval 50%–69%) against 80% overall (measured)');
    const noSlices = modelCard({ name: 'sorter', info, intendedUse: 'Sorting.', evaluation: '…', overall: { right: 160, count: 200 } });
    expect(noSlices.weakSlices).toEqual([]);
    expect(noSlices.text).toContain('## Caveats\n\nNone measured.');
    expect(() => modelCard({ name: 'x', info, intendedUse: '', evaluation: '', overall: { right: 0, count: 0 } })).toThrow(
      'overall.count must be above 0',
    );
  });
});

describe('markdownTable', () => {
  it('escapes pipes and folds line breaks inside cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 'one\ntwo']])).toBe('| a | b |\n| --- | --- |\n| x\\|y | one two |');
  });
});

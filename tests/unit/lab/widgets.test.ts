import { describe, expect, it } from 'vitest';
import { labeller, simulatedAnnotator } from '../../../src/lab/widgets/labeller.ts';
import { cleaner } from '../../../src/lab/widgets/cleaner.ts';
import { generateShapes } from '../../../src/lab/data/shapes.ts';

describe('the labeller, headless', () => {
  it('assigns, moves to the next unlabelled image, undoes, and exports', () => {
    const tool = labeller(generateShapes({ count: 5 }), ['circle', 'square', 'triangle']);
    expect(tool.element).toBeUndefined();
    tool.assign(0, 2);
    tool.assign(1, 0);
    expect(tool.current).toBe(2);
    expect(tool.undo()).toBe(true);
    expect(tool.current).toBe(1);
    expect(Array.from(tool.labels)).toEqual([2, -1, -1, -1, -1]);
    expect(JSON.parse(tool.exportLabels())).toEqual({ classes: ['circle', 'square', 'triangle'], labels: [{ index: 0, label: 2 }] });
    expect(() => tool.assign(9, 0)).toThrow('there is no image 9 (0–4)');
    expect(() => tool.assign(0, 3)).toThrow('there is no class 3 (0–2)');
  });
});

describe('the simulated annotator', () => {
  it('gets about the asked share wrong, repeatably', () => {
    const truth = Int32Array.from({ length: 2000 }, (_, i) => i % 3);
    const labels = simulatedAnnotator(truth, 3, { errorRate: 0.2, seed: 4 });
    const wrong = labels.filter((l, i) => l !== truth[i]).length / 2000;
    expect(wrong).toBeGreaterThan(0.17);
    expect(wrong).toBeLessThan(0.23);
    expect(Array.from(simulatedAnnotator(truth, 3, { errorRate: 0.2, seed: 4 }))).toEqual(Array.from(labels));
  });
});

describe('the cleaner, headless', () => {
  it('relabels, deletes and reviews only the items under review', () => {
    const data = generateShapes({ count: 6 });
    const ranked = [5, 3, 1, 0].map((index) => ({ index, label: data.labels[index]!, predicted: 0, loss: 1, confidence: 0.5 }));
    const review = cleaner(data, ranked, { count: 3 });
    review.remove(5);
    review.relabel(3, 2);
    expect(data.labels[3]).toBe(2);
    expect(() => review.keep(0)).toThrow('item 0 is not among the 3 under review');
    review.reviewWith(() => 1);
    expect(review.decisions.get(1)).toBe(data.labels[1] === 1 ? 'keep' : 'relabel');
    expect(data.labels[1]).toBe(1);
    expect(review.cleaned().count).toBe(5);
  });

  it("a review run again replaces its own decisions from the labels items had, never the learner's", () => {
    const data = generateShapes({ count: 6 });
    const ranked = [0, 1, 2].map((index) => ({ index, label: data.labels[index]!, predicted: 0, loss: 1, confidence: 0.5 }));
    const original = Array.from(data.labels);
    const review = cleaner(data, ranked, { count: 3 });
    review.relabel(2, (original[2]! + 1) % 3); // the learner's own decision
    review.reviewWith((index) => (original[index]! + 1) % 3); // a reviewer who relabels everything
    expect([data.labels[0], data.labels[1]]).toEqual([(original[0]! + 1) % 3, (original[1]! + 1) % 3]);
    review.reviewWith((index) => original[index]!); // run again with a reviewer who agrees with the old labels
    expect(Array.from(data.labels.slice(0, 3))).toEqual([original[0], original[1], (original[2]! + 1) % 3]);
    expect([review.decisions.get(0), review.decisions.get(1), review.decisions.get(2)]).toEqual(['keep', 'keep', 'relabel']);
  });
});

describe('markdownFile, headless', () => {
  it('prints the document into the cell that wrote it, and refuses a name that is not a plain .md file', async () => {
    const { markdownFile } = await import('../../../src/lab/widgets/markdown-file.ts');
    const { setActiveSink } = await import('../../../src/notebook/current.ts');
    const outputs: unknown[] = [];
    setActiveSink({ push: (output) => outputs.push(output), changed: () => {} });
    try {
      const file = markdownFile('card.md', '# Card\n\nText.');
      expect(file.text).toBe('# Card\n\nText.');
      expect(outputs).toEqual([{ kind: 'text', stream: 'log', text: 'card.md:\n# Card\n\nText.' }]);
      expect(() => markdownFile('../card.md', 'x')).toThrow('"../card.md" is not a plain file name ending in .md');
      expect(() => markdownFile('card.txt', 'x')).toThrow('is not a plain file name ending in .md');
    } finally {
      setActiveSink(undefined);
    }
  });
});

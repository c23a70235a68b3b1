/** The capstone's helpers headless: hand-drawn-looking shapes, a drawing collection with and without a store, the labeller going on where it stopped, and stage times. */
import { afterEach, describe, expect, it } from 'vitest';
import { sketchShapes } from '../../../src/lab/data/sketches.ts';
import { drawingCollection } from '../../../src/lab/widgets/drawing-collection.ts';
import { labeller } from '../../../src/lab/widgets/labeller.ts';
import { stageTimes } from '../../../src/lab/stage-times.ts';
import { labEnvironment, setLabEnvironment, type StoredDrawing } from '../../../src/lab/environment.ts';

const before = labEnvironment();
afterEach(() => setLabEnvironment(before));

const ink = (images: Float32Array) => images.reduce((sum, v) => sum + v, 0);

describe('sketchShapes', () => {
  it('draws the same sketches from the same seed, others from another, cycling the classes', () => {
    const a = sketchShapes({ count: 8, seed: 3 });
    expect(a.count).toBe(8);
    expect([...a.labels]).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    expect(a.images.length).toBe(8 * 256);
    expect(sketchShapes({ count: 8, seed: 3 }).images).toEqual(a.images);
    expect(sketchShapes({ count: 8, seed: 4 }).images).not.toEqual(a.images);
    expect(Math.max(...a.images)).toBeLessThanOrEqual(1);
    expect(Math.min(...a.images)).toBeGreaterThanOrEqual(0);
  });

  it('colours shapes in when asked, and keeps each sketch inside the scale it was given', () => {
    const outline = sketchShapes({ count: 40, seed: 5, classes: ['circle', 'square', 'triangle'] });
    const filled = sketchShapes({ count: 40, seed: 5, classes: ['circle', 'square', 'triangle'], filled: true });
    expect(ink(filled.images)).toBeGreaterThan(1.5 * ink(outline.images));
    const small = sketchShapes({ count: 40, seed: 5, scale: [0.25, 0.3], filled: true });
    expect(ink(small.images)).toBeLessThan(0.5 * ink(sketchShapes({ count: 40, seed: 5, scale: [0.7, 0.8], filled: true }).images));
    expect([...small.scales].every((s) => s >= 0.25 && s <= 0.3)).toBe(true);
  });

  it('refuses classes it cannot draw', () => {
    expect(() => sketchShapes({ classes: ['circle', 'star' as never] })).toThrow('unknown class "star"');
    expect(() => sketchShapes({ classes: ['circle'] })).toThrow('at least two classes');
  });
});

describe('drawingCollection', () => {
  const pixels = (value: number) => new Float32Array(256).fill(value);

  it('headless, without a store: starts empty, adds, labels, removes, and keeps nothing', async () => {
    setLabEnvironment({});
    const collection = await drawingCollection('test-shapes', { classes: ['circle', 'square'] });
    expect(collection.count).toBe(0);
    expect(collection.kept).toBe(false);
    await collection.add(pixels(0.5));
    await collection.add(pixels(1), 1);
    expect(collection.perClass()).toEqual([0, 1]);
    await collection.setLabels([0, 1]);
    expect(collection.labelled().count).toBe(2);
    expect([...collection.labelled().labels]).toEqual([0, 1]);
    // Labels given to a snapshot reach the drawings they were given to, after a removal and an addition.
    const snapshot = collection.all();
    await collection.remove(0);
    expect(collection.all().images[0]).toBe(1);
    await collection.add(pixels(0.2));
    await collection.setLabels([1, 0], snapshot.ids);
    expect([...collection.all().labels]).toEqual([0, -1]);
    await expect(collection.setLabels([0, 1, 1])).rejects.toThrow('3 labels for 2 drawings');
    await collection.remove(1);
    await expect(collection.add(new Float32Array(10))).rejects.toThrow('a drawing has 256 pixels, not 10');
    await expect(drawingCollection('Bad Name', { classes: ['a', 'b'] })).rejects.toThrow('lower-case letters');
  });

  it('with a store: reads the drawings back, drops malformed ones, and says when the store refuses', async () => {
    const saved = new Map<string, StoredDrawing[]>();
    let refuse = false;
    setLabEnvironment({
      collections: {
        load: async (name) => saved.get(name) ?? [],
        save: async (name, drawings) => {
          if (refuse) throw new Error('quota exceeded');
          saved.set(name, structuredClone([...drawings]));
        },
      },
    });
    const first = await drawingCollection('kept', { classes: ['circle', 'square'] });
    await first.add(pixels(0.25), 1);
    saved.get('kept')!.push({ pixels: [1, 2], label: 0, at: 'x' }, { pixels: [...pixels(0)], label: 7, at: 'x' });
    const again = await drawingCollection('kept', { classes: ['circle', 'square'] });
    expect(again.count).toBe(1);
    expect(again.kept).toBe(true);
    expect(again.perClass()).toEqual([0, 1]);
    refuse = true;
    await again.add(pixels(0.5));
    expect(again.count).toBe(2); // still there for this run
    expect(again.kept).toBe(false);
    expect(saved.get('kept')).toHaveLength(3); // the refused save wrote nothing
  });
});

describe('the labeller with labels given', () => {
  it('starts from them, goes on at the first unlabelled image, and tells every change', () => {
    const data = sketchShapes({ count: 4, classes: ['circle', 'square'] });
    const heard: number[][] = [];
    const tool = labeller(data, ['circle', 'square'], { labels: [1, 0, -1, 9], onChange: (labels) => heard.push([...labels]) });
    expect([...tool.labels]).toEqual([1, 0, -1, -1]); // 9 is no class: not labelled
    expect(tool.current).toBe(2);
    tool.assign(2, 1);
    tool.undo();
    expect(heard).toEqual([
      [1, 0, 1, -1],
      [1, 0, -1, -1],
    ]);
    expect(() => labeller(data, ['circle', 'square'], { labels: [0] })).toThrow('1 labels given for 4 images');
  });
});

describe('stageTimes', () => {
  it('is empty headless and reads the page’s clock where there is one', () => {
    setLabEnvironment({});
    expect(stageTimes()).toEqual([]);
    const times = [{ id: 'collect', title: 'Collect', activeMs: 60_000, runMs: 500 }];
    setLabEnvironment({ stageTimes: () => times });
    expect(stageTimes()).toEqual(times);
  });
});

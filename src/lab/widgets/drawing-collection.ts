/**
 * A collection of the learner's own drawings for a project: a drawing pad and "Add to my drawings",
 * the drawings so far (each removable), their count per class, and their labels (set by the
 * labeller, see its `labels` and `onChange` options). In a page the drawings are kept in this browser
 * (the environment's `collections`, IndexedDB), so they survive a reload; headless, and in the
 * sandbox, there is no store and the collection starts empty, so a lesson falls back on a default set.
 */
import type { ImageDataset } from '../data/image-dataset.ts';
import { labEnvironment, type StoredDrawing } from '../environment.ts';
import { activeSink } from '../../notebook/current.ts';
import { drawingPad } from './drawing-pad.ts';
import { el, hasDom, imageCanvas } from './dom.ts';

export interface DrawingCollection {
  readonly name: string;
  readonly classes: readonly string[];
  readonly count: number;
  /** Every drawing kept, in the order added; labels -1 where none is given yet; `ids` name them. */
  all(): ImageDataset & { ids: string[] };
  /** The labelled drawings only. */
  labelled(): ImageDataset;
  /** Labelled drawings per class, in the order of `classes`. */
  perClass(): number[];
  /** Adds a drawing (size × size pixels in [0, 1]), unlabelled unless `label` is given. */
  add(pixels: ArrayLike<number>, label?: number): Promise<void>;
  remove(index: number): Promise<void>;
  /**
   * Labels (-1: none), e.g. from the labeller's onChange: with `ids` (a snapshot's, from `all()`),
   * each goes to the drawing it was given to, even after others were added or removed; without,
   * one per drawing now kept.
   */
  setLabels(labels: ArrayLike<number>, ids?: readonly string[]): Promise<void>;
  /** Whether the drawings are kept beyond this run (false headless, or when the browser refused). */
  readonly kept: boolean;
  readonly element?: HTMLElement;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

export async function drawingCollection(
  name: string,
  { classes, size = 16, max = 400 }: { classes: readonly string[]; size?: number; max?: number },
): Promise<DrawingCollection> {
  if (!NAME.test(name))
    throw new Error(`drawingCollection: name it with lower-case letters, digits and -, up to 40 (not ${JSON.stringify(name)})`);
  if (classes.length < 2 || classes.length > 9) throw new Error('drawingCollection: give between 2 and 9 classes');
  const store = labEnvironment().collections;
  let drawings: StoredDrawing[] = [];
  let kept = !!store;
  let problem = '';
  if (store) {
    try {
      drawings = (await store.load(name)).filter(
        (d) =>
          Array.isArray(d.pixels) &&
          d.pixels.length === size * size &&
          Number.isInteger(d.label) &&
          d.label >= -1 &&
          d.label < classes.length,
      );
    } catch (error) {
      kept = false;
      problem = `Your drawings could not be read from this browser (${(error as Error).message}); new ones are kept only until the page closes.`;
    }
  }
  let nextId = 0;
  const newId = () => `d${Date.now().toString(36)}${(nextId++).toString(36)}`;
  for (const d of drawings) d.id ??= newId(); // kept before drawings had ids
  const sink = activeSink();
  let render = () => {};

  const save = async () => {
    render();
    if (!store || !kept) return;
    try {
      await store.save(name, drawings);
    } catch (error) {
      kept = false;
      problem = `This browser refused to keep your drawings (${(error as Error).message}): they last until the page closes.`;
      render();
    }
  };
  const dataset = (items: readonly StoredDrawing[]): ImageDataset => {
    const images = new Float32Array(items.length * size * size);
    items.forEach((d, i) => images.set(d.pixels, i * size * size));
    return {
      images,
      labels: Int32Array.from(items, (d) => d.label),
      classes: [...classes],
      height: size,
      width: size,
      channels: 1,
      count: items.length,
    };
  };

  const collection: DrawingCollection = {
    name,
    classes,
    get count() {
      return drawings.length;
    },
    get kept() {
      return kept;
    },
    all: () => ({ ...dataset(drawings), ids: drawings.map((d) => d.id!) }),
    labelled: () => dataset(drawings.filter((d) => d.label >= 0)),
    perClass: () => classes.map((_, k) => drawings.filter((d) => d.label === k).length),
    async add(pixels, label = -1) {
      if (pixels.length !== size * size)
        throw new RangeError(`drawingCollection: a drawing has ${size * size} pixels, not ${pixels.length}`);
      if (drawings.length >= max)
        throw new RangeError(`drawingCollection: ${max} drawings is the most one collection keeps; remove some first`);
      drawings.push({
        id: newId(),
        pixels: Array.from(pixels, (v) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000),
        label,
        at: new Date().toISOString(),
      });
      await save();
    },
    async remove(index) {
      if (!drawings[index]) throw new RangeError(`drawingCollection: there is no drawing ${index}`);
      drawings.splice(index, 1);
      await save();
    },
    async setLabels(labels, ids) {
      const valid = (label: number) => (Number.isInteger(label) && label >= 0 && label < classes.length ? label : -1);
      if (ids) {
        if (ids.length !== labels.length) throw new RangeError(`drawingCollection: ${labels.length} labels for ${ids.length} ids`);
        const byId = new Map(ids.map((id, i) => [id, valid(labels[i]!)]));
        for (const d of drawings) if (byId.has(d.id!)) d.label = byId.get(d.id!)!; // removed drawings' labels are dropped
      } else {
        if (labels.length !== drawings.length)
          throw new RangeError(
            `drawingCollection: ${labels.length} labels for ${drawings.length} drawings (run the labelling cell again after adding)`,
          );
        drawings.forEach((d, i) => (d.label = valid(labels[i]!)));
      }
      await save();
    },
  };

  if (hasDom()) {
    const pad = drawingPad();
    const root = el('div', { class: 'lab-collection' });
    const addButton = el('button', { type: 'button' }, 'Add to my drawings');
    const status = el('p', { class: 'collection-status', 'aria-live': 'polite' });
    const grid = el('ul', { class: 'collection-grid', 'aria-label': 'Your drawings' });
    addButton.addEventListener('click', async () => {
      const pixels = pad.image(size);
      if (pixels.every((v) => v === 0)) {
        status.textContent = 'The pad is empty: draw something first.';
        return;
      }
      try {
        await collection.add(pixels);
        pad.clear();
      } catch (error) {
        status.textContent = (error as Error).message;
      }
    });
    root.append(addButton, status, grid);
    render = () => {
      const counts = collection.perClass();
      const unlabelled = drawings.filter((d) => d.label < 0).length;
      status.textContent = [
        `${drawings.length} drawing${drawings.length === 1 ? '' : 's'}: ${classes.map((c, k) => `${counts[k]} ${c}`).join(', ')}${unlabelled ? `, ${unlabelled} not labelled yet` : ''}.`,
        kept ? 'Kept in this browser.' : problem || 'Not kept: this run has no store.',
      ].join(' ');
      const all = collection.all();
      grid.replaceChildren(
        ...drawings.map((d, i) => {
          const item = el('li');
          const caption = d.label >= 0 ? classes[d.label]! : 'not labelled';
          item.append(imageCanvas(all, i, 3, `drawing ${i + 1}, ${caption}`), el('span', {}, caption));
          const remove = el('button', { type: 'button', 'aria-label': `Remove drawing ${i + 1}` }, '×');
          remove.addEventListener('click', () => void collection.remove(i));
          item.append(remove);
          return item;
        }),
      );
      sink?.changed();
    };
    (collection as { element?: HTMLElement }).element = root;
    render();
  }
  sink?.push(
    collection.element
      ? { kind: 'html', node: collection.element, text: `drawing collection "${name}": ${drawings.length} drawings` }
      : { kind: 'text', stream: 'log', text: `drawing collection "${name}": ${drawings.length} drawings (no page here, none kept)` },
  );
  return collection;
}

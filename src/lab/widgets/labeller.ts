/**
 * A labelling widget: one image at a time, a button per class (or keys 1–9), Undo (Backspace),
 * arrows to move, progress, and "Download labels". In a cell it shows itself in the page;
 * headless it has no DOM and is driven through its methods, so lessons that use it still run.
 */
import type { ImageDataset } from '../data/image-dataset.ts';
import { activeSink } from '../../notebook/current.ts';
import { download, el, hasDom, imageCanvas } from './dom.ts';
import { mulberry32 } from '../random.ts';

export interface Labeller {
  readonly classes: readonly string[];
  /** One entry per image: the class index, or -1 when not labelled yet. */
  readonly labels: Int32Array;
  /** The image shown now. */
  readonly current: number;
  assign(index: number, label: number): void;
  undo(): boolean;
  go(index: number): void;
  labelledCount(): number;
  /** The labels as JSON: `{ classes, labels: [{ index, label }] }`, labelled items only. */
  exportLabels(): string;
  /** The widget's element in the page; undefined headless. */
  readonly element?: HTMLElement;
}

export interface LabellerOptions {
  /** Labels given before (one per image, -1 for none): a collection's, so labelling goes on where it stopped. */
  labels?: ArrayLike<number>;
  /** Told every change (assign, undo), e.g. to keep the labels with the drawings (drawingCollection). */
  onChange?: (labels: Int32Array) => void;
}

export function labeller(data: ImageDataset, classes: readonly string[], options: LabellerOptions = {}): Labeller {
  if (classes.length < 2 || classes.length > 9) throw new Error('labeller: give between 2 and 9 classes (keys 1–9 assign them)');
  const labels = new Int32Array(data.count).fill(-1);
  if (options.labels) {
    if (options.labels.length !== data.count)
      throw new RangeError(`labeller: ${options.labels.length} labels given for ${data.count} images; give one per image (-1 for none)`);
    labels.forEach((_, i) => {
      const given = options.labels![i]!;
      labels[i] = Number.isInteger(given) && given >= 0 && given < classes.length ? given : -1;
    });
  }
  const history: { index: number; previous: number }[] = [];
  let current = 0;
  const sink = activeSink();
  let render = () => {};

  const nextUnlabelled = (from: number) => {
    for (let step = 1; step <= data.count; step++) {
      const i = (from + step) % data.count;
      if (labels[i] === -1) return i;
    }
    return from;
  };

  const tool: Labeller = {
    classes,
    labels,
    get current() {
      return current;
    },
    assign(index, label) {
      if (!Number.isInteger(index) || index < 0 || index >= data.count)
        throw new RangeError(`labeller: there is no image ${index} (0–${data.count - 1})`);
      if (!Number.isInteger(label) || label < 0 || label >= classes.length)
        throw new RangeError(`labeller: there is no class ${label} (0–${classes.length - 1})`);
      history.push({ index, previous: labels[index]! });
      labels[index] = label;
      current = nextUnlabelled(index);
      options.onChange?.(labels);
      render();
    },
    undo() {
      const last = history.pop();
      if (!last) return false;
      labels[last.index] = last.previous;
      current = last.index;
      options.onChange?.(labels);
      render();
      return true;
    },
    go(index) {
      current = Math.max(0, Math.min(data.count - 1, index));
      render();
    },
    labelledCount: () => labels.reduce((n, l) => n + (l >= 0 ? 1 : 0), 0),
    exportLabels: () =>
      JSON.stringify({
        classes,
        labels: [...labels.entries()].filter(([, l]) => l >= 0).map(([index, label]) => ({ index, label })),
      }),
  };

  if (data.count > 0 && labels[0] !== -1) current = nextUnlabelled(0); // go on where labelling stopped

  if (hasDom()) {
    const root = el('div', {
      class: 'lab-labeller',
      tabindex: '0',
      role: 'application',
      'aria-label': `Labelling: keys 1 to ${classes.length} assign a class, Backspace undoes, arrows move`,
    });
    const view = el('div', { class: 'labeller-view' });
    const status = el('div', { class: 'labeller-status', 'aria-live': 'polite' });
    const bar = el('progress', { max: String(data.count), 'aria-label': 'Labelling progress' });
    const buttons = el('div', { class: 'labeller-buttons' });
    classes.forEach((name, c) => {
      const button = el('button', { type: 'button', 'data-class': String(c) }, `${c + 1} ${name}`);
      button.addEventListener('click', () => tool.assign(current, c));
      buttons.append(button);
    });
    const undo = el('button', { type: 'button' }, 'Undo');
    undo.addEventListener('click', () => tool.undo());
    const save = el('button', { type: 'button' }, 'Download labels');
    save.addEventListener('click', () => download('labels.json', tool.exportLabels()));
    buttons.append(undo, save);
    root.append(view, buttons, bar, status);
    root.addEventListener('keydown', (event) => {
      const digit = Number(event.key);
      if (Number.isInteger(digit) && digit >= 1 && digit <= classes.length) tool.assign(current, digit - 1);
      else if (event.key === 'Backspace' || ((event.ctrlKey || event.metaKey) && event.key === 'z')) tool.undo();
      else if (event.key === 'ArrowRight') tool.go(current + 1);
      else if (event.key === 'ArrowLeft') tool.go(current - 1);
      else return;
      event.preventDefault();
    });
    render = () => {
      buttons.hidden = bar.hidden = data.count === 0;
      if (data.count === 0) {
        view.replaceChildren('Nothing to label yet: add some images, then run this cell again.');
        status.textContent = '';
        return;
      }
      const label = labels[current]!;
      view.replaceChildren(
        imageCanvas(data, current, 12, `image ${current + 1}${label >= 0 ? `, labelled ${classes[label]}` : ', not labelled'}`),
      );
      const done = tool.labelledCount();
      bar.value = done;
      status.textContent = `Image ${current + 1} of ${data.count}${label >= 0 ? ` (labelled ${classes[label]})` : ''} · ${done} labelled`;
      for (const button of buttons.querySelectorAll<HTMLButtonElement>('[data-class]'))
        button.setAttribute('aria-pressed', String(Number(button.dataset.class) === label));
      undo.disabled = history.length === 0;
      sink?.changed();
    };
    (tool as { element?: HTMLElement }).element = root;
    render();
  }
  sink?.push(
    tool.element
      ? { kind: 'html', node: tool.element, text: `labeller: ${data.count} images, ${classes.length} classes` }
      : {
          kind: 'text',
          stream: 'log',
          text: `labeller: ${data.count} images, ${classes.length} classes (no page here: label through the labeller's methods)`,
        },
  );
  return tool;
}

/** A stand-in annotator: the true label, except a fraction `errorRate` of items get another class. */
export function simulatedAnnotator(truth: ArrayLike<number>, classCount: number, { errorRate = 0.1, seed = 1 } = {}): Int32Array {
  const random = mulberry32(seed);
  return Int32Array.from(truth as ArrayLike<number>, (label) =>
    random() < errorRate ? (label + 1 + Math.floor(random() * (classCount - 1))) % classCount : label,
  );
}

/**
 * A cleaning widget over the items a model is most wrong about: for each, keep it, relabel it
 * (R: as the model's prediction, or a class button), or delete it (D). Decisions change the
 * dataset's labels at once and `cleaned()` leaves the deleted items out, so the next training run
 * sees them. Headless it has no DOM and is driven through its methods.
 */
import { subset, type ImageDataset } from '../data/image-dataset.ts';
import type { LossItem } from '../top-losses.ts';
import { activeSink } from '../../notebook/current.ts';
import { el, hasDom, imageCanvas } from './dom.ts';

export type Decision = 'keep' | 'relabel' | 'delete';

export interface Cleaner {
  /** The items under review, highest loss first. */
  readonly items: readonly LossItem[];
  readonly decisions: Map<number, Decision>;
  relabel(index: number, label: number): void;
  remove(index: number): void;
  keep(index: number): void;
  /**
   * For each item the learner has not decided, ask `oracle` for the right label (a person looking
   * at it). Running it again (the cell re-run, another oracle) replaces its own earlier decisions,
   * starting from the labels the items had, so a review gives the same result however often it runs.
   */
  reviewWith(oracle: (index: number) => number): void;
  /** The dataset without the deleted items; labels as decided. */
  cleaned(): ImageDataset;
  readonly element?: HTMLElement;
}

export function cleaner(data: ImageDataset, ranked: readonly LossItem[], { count = 24 } = {}): Cleaner {
  const items = ranked.slice(0, count);
  const decisions = new Map<number, Decision>();
  /** Items the last reviewWith decided (not the learner), with the label each had before. */
  const reviewed = new Map<number, number>();
  const sink = activeSink();
  let render = () => {};
  const known = (index: number) => {
    if (!items.some((item) => item.index === index))
      throw new RangeError(`cleaner: item ${index} is not among the ${items.length} under review`);
  };
  const tool: Cleaner = {
    items,
    decisions,
    relabel(index, label) {
      known(index);
      reviewed.delete(index);
      if (!Number.isInteger(label) || label < 0 || label >= data.classes.length)
        throw new RangeError(`cleaner: there is no class ${label}`);
      data.labels[index] = label;
      decisions.set(index, 'relabel');
      render();
    },
    remove(index) {
      known(index);
      reviewed.delete(index);
      decisions.set(index, 'delete');
      render();
    },
    keep(index) {
      known(index);
      reviewed.delete(index);
      decisions.set(index, 'keep');
      render();
    },
    reviewWith(oracle) {
      for (const item of items) {
        const before = reviewed.get(item.index);
        if (before !== undefined)
          data.labels[item.index] = before; // undo this review's last decision
        else if (decisions.has(item.index)) continue; // the learner decided: theirs stands
        const label = data.labels[item.index]!;
        const right = oracle(item.index);
        if (right === label) tool.keep(item.index);
        else tool.relabel(item.index, right);
        reviewed.set(item.index, label);
      }
    },
    cleaned() {
      const kept = [...Array(data.count).keys()].filter((i) => decisions.get(i) !== 'delete');
      return subset(data, kept);
    },
  };

  if (hasDom()) {
    // The summary line sits beside the list, not in it: a list may hold only list items.
    const root = el('div', { class: 'lab-cleaner' });
    const list = el('div', {
      class: 'cleaner-list',
      role: 'list',
      'aria-label':
        'Items with the highest loss. On an item: R relabels as the prediction, 1 to 9 relabel as that class, D deletes, K keeps, arrows move.',
    });
    const rows = items.map((item) => {
      const row = el('div', { class: 'cleaner-item', role: 'listitem', tabindex: '0', 'data-index': String(item.index) });
      const info = el('div', { class: 'cleaner-info' });
      const actions = el('div', { class: 'cleaner-actions' });
      const relabelAs = el('button', { type: 'button', 'data-action': 'relabel' }, `Relabel as ${data.classes[item.predicted]}`);
      relabelAs.addEventListener('click', () => tool.relabel(item.index, item.predicted));
      const remove = el('button', { type: 'button', 'data-action': 'delete' }, 'Delete');
      remove.addEventListener('click', () => tool.remove(item.index));
      const keep = el('button', { type: 'button', 'data-action': 'keep' }, 'Keep');
      keep.addEventListener('click', () => tool.keep(item.index));
      // The model's guess may be wrong too: any class can be chosen (or keys 1–9 on the item).
      const choose = el('select', { 'aria-label': 'Relabel as' });
      choose.append(
        el('option', { value: '' }, 'Relabel as…'),
        ...data.classes.map((name, c) => el('option', { value: String(c) }, `${c + 1} ${name}`)),
      );
      choose.addEventListener('change', () => {
        if (choose.value !== '') tool.relabel(item.index, Number(choose.value));
        choose.value = '';
      });
      actions.append(relabelAs, choose, remove, keep);
      row.append(imageCanvas(data, item.index, 5, `item ${item.index}`), info, actions);
      row.addEventListener('keydown', (event) => {
        const key = event.key.toLowerCase();
        const sibling = event.key === 'ArrowDown' ? row.nextElementSibling : event.key === 'ArrowUp' ? row.previousElementSibling : null;
        const digit = Number(event.key);
        if (Number.isInteger(digit) && digit >= 1 && digit <= data.classes.length) tool.relabel(item.index, digit - 1);
        else if (key === 'r') tool.relabel(item.index, item.predicted);
        else if (key === 'd') tool.remove(item.index);
        else if (key === 'k') tool.keep(item.index);
        else if (sibling instanceof HTMLElement) sibling.focus();
        else return;
        event.preventDefault();
      });
      return { row, info, item };
    });
    const summary = el('p', { class: 'cleaner-summary', 'aria-live': 'polite' });
    list.append(...rows.map((r) => r.row));
    root.append(summary, list);
    render = () => {
      for (const { row, info, item } of rows) {
        const decision = decisions.get(item.index);
        row.dataset.decision = decision ?? 'none';
        // The loss was measured on the label the item had then: a relabelled row says which.
        const now = data.labels[item.index]!;
        const label = now === item.label ? `label ${data.classes[now]}` : `label ${data.classes[item.label]} → ${data.classes[now]}`;
        info.textContent = `${label} · model says ${data.classes[item.predicted]} (${(item.confidence * 100).toFixed(0)}%) · loss ${item.loss.toFixed(2)}${decision ? ` · ${decision === 'delete' ? 'deleted' : decision === 'relabel' ? 'relabelled' : 'kept'}` : ''}`;
      }
      const count = (d: Decision) => [...decisions.values()].filter((v) => v === d).length;
      summary.textContent = `${items.length} items with the highest loss · ${count('relabel')} relabelled, ${count('delete')} deleted, ${count('keep')} kept`;
      sink?.changed();
    };
    (tool as { element?: HTMLElement }).element = root;
    render();
  }
  sink?.push(
    tool.element
      ? { kind: 'html', node: tool.element, text: `cleaner: ${items.length} items` }
      : {
          kind: 'text',
          stream: 'log',
          text: `cleaner: the ${items.length} items with the highest loss (no page here: decide through the cleaner's methods)`,
        },
  );
  return tool;
}

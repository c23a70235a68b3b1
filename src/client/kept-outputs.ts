/**
 * Outputs that survive a reload, on the page: each cell's outputs are kept (output-store.ts) when
 * it finishes, and on load the kept outputs of cells whose code is unchanged are shown again,
 * marked `data-restored` and "from your last visit", with a note that variables are not restored.
 * A cell that runs in this session takes its own outputs back and loses the mark.
 */
import type { CellState } from '../notebook/kernel.ts';
import type { CellBlock } from '../notebook/lesson.ts';
import { isBusy } from '../notebook/status.ts';
import { hashSource } from './hash.ts';
import { loadKeptOutputs, saveKeptOutputs, type KeptCell, type KeptLesson } from './output-store.ts';
import { cellKey } from './storage.ts';

const SAVE_AFTER_MS = 1500;
/** A run just ended in these: the cell's code is the code that ran. */
const KEPT_STATUSES = new Set(['done', 'error', 'stopped']);

export interface KeptOutputs {
  /** Every cell state the page shows, with all cells' states: kept when finished, forgotten when reset. */
  onCell(cell: CellState, all: readonly CellState[]): void;
  /** Resolves once kept outputs are on the page (for tests). */
  readonly restored: Promise<number>;
}

export function keptOutputs(options: {
  slug: string;
  cells: readonly CellBlock[];
  /** The learner's code per cell now (edits included). */
  sources: readonly string[];
  elements: readonly HTMLElement[];
  note: HTMLElement | null;
}): KeptOutputs {
  const { slug, cells, elements, note } = options;
  const keys = cells.map((cell) => cellKey(cell.index, cell.options.id));
  const shownByKernel = new Set<number>();
  let lesson: KeptLesson = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Runs ended since the last write: the code that ran (its hash, taken when the run ended) and its
   * outputs, made into records only when written (outerHTML of a big chart is not free).
   */
  const ended = new Map<string, { base: Omit<KeptCell, 'outputs'>; outputs: CellState['outputs'] }>();
  let dirty = false;

  const save = async () => {
    clearTimeout(timer);
    timer = undefined;
    dirty = false;
    if (ended.size > 0) {
      // Loaded only once something is kept: it brings DOMPurify.
      const { toRecord } = await import('./output-records.ts');
      for (const [key, { base, outputs }] of ended)
        lesson[key] = { ...base, outputs: outputs.map(toRecord).filter((o) => o !== undefined) };
      ended.clear();
    }
    await saveKeptOutputs(slug, lesson);
  };
  // Written once nothing runs and the changes pause: a Run all writes once, at its end, not after
  // every cell (each write serialises the whole lesson, big image grids included).
  const later = (busy: boolean) => {
    clearTimeout(timer);
    timer = busy ? undefined : setTimeout(() => void save(), SAVE_AFTER_MS);
  };
  addEventListener('pagehide', () => {
    if (dirty) void save();
  });
  const updateNote = () => {
    if (note) note.hidden = !elements.some((element) => element.dataset.restored !== undefined);
  };

  const restored = (async () => {
    lesson = await loadKeptOutputs(slug);
    const show = cells.filter((cell) => {
      const kept = lesson[keys[cell.index]!];
      return kept && kept.hash === hashSource(options.sources[cell.index]!) && !shownByKernel.has(cell.index);
    });
    if (show.length === 0) return 0;
    const { renderOutputs } = await import('./render.ts');
    for (const cell of show) {
      const kept = lesson[keys[cell.index]!]!;
      const element = elements[cell.index]!;
      if (shownByKernel.has(cell.index)) continue;
      try {
        renderOutputs(element.querySelector<HTMLElement>('[data-output]')!, kept.outputs);
      } catch {
        continue; // a record this version cannot draw: the cell simply shows nothing, as before
      }
      element.dataset.restored = kept.status;
      element.querySelector<HTMLElement>('.cell-state')!.textContent =
        kept.status === 'done' ? 'from your last visit' : `from your last visit (${kept.status === 'stale' ? 'out of date' : kept.status})`;
    }
    updateNote();
    return show.length;
  })();

  return {
    restored,
    onCell(cell, all) {
      shownByKernel.add(cell.index);
      const element = elements[cell.index]!;
      if (element.dataset.restored !== undefined) {
        delete element.dataset.restored;
        updateNote();
      }
      const key = keys[cell.index]!;
      if (cell.status === 'stale') {
        // Its code or an input changed since it ran: the outputs stay those of the code that ran.
        const pending = ended.get(key);
        if (pending) pending.base.status = 'stale';
        else if (lesson[key] && lesson[key].status !== 'stale') lesson[key] = { ...lesson[key], status: 'stale' };
        else return;
      } else if (KEPT_STATUSES.has(cell.status)) {
        // The code that ran is the cell's code now, when its run has just ended.
        const base = { hash: hashSource(cell.source), status: cell.status as KeptCell['status'], ms: cell.ms, savedAt: Date.now() };
        ended.set(key, { base, outputs: [...cell.outputs] });
      } else if (cell.runs === 0 && (key in lesson || ended.has(key))) {
        ended.delete(key);
        delete lesson[key]; // Restart, or a run forgotten
      } else {
        if (timer !== undefined && all.some((c) => isBusy(c.status))) later(true);
        return;
      }
      dirty = true;
      later(all.some((c) => isBusy(c.status)));
    },
  };
}

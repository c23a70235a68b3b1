/**
 * Outputs that survive a reload, on the page: each cell's outputs are kept (output-store.ts) when
 * it finishes, and on load the kept outputs of cells whose code is unchanged are shown again,
 * marked `data-restored` and "from your last visit", with a note that variables are not restored.
 * A cell that runs in this session takes its own outputs back and loses the mark.
 */
import type { CellState } from '../notebook/kernel.ts';
import type { CellBlock } from '../notebook/lesson.ts';
import { hashSource } from './hash.ts';
import { loadKeptOutputs, saveKeptOutputs, type KeptCell, type KeptLesson } from './output-store.ts';
import { cellKey } from './storage.ts';

const SAVE_AFTER_MS = 1500;
/** A run just ended in these: the cell's code is the code that ran. */
const KEPT_STATUSES = new Set(['done', 'error', 'stopped']);

export interface KeptOutputs {
  /** Every cell state the page shows: kept when finished, forgotten when reset. */
  onCell(cell: CellState): void;
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
  const versions = new Map<string, number>();
  const bump = (key: string) => {
    const version = (versions.get(key) ?? 0) + 1;
    versions.set(key, version);
    return version;
  };

  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    void saveKeptOutputs(slug, lesson);
  };
  // Written once the changes pause: a Run all writes at its end, not after every cell (each write
  // serialises the whole lesson, big image grids included).
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  };
  addEventListener('pagehide', () => {
    if (timer !== undefined) save();
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
    onCell(cell) {
      shownByKernel.add(cell.index);
      const element = elements[cell.index]!;
      if (element.dataset.restored !== undefined) {
        delete element.dataset.restored;
        updateNote();
      }
      const key = keys[cell.index]!;
      if (cell.status === 'stale') {
        // Its code or an input changed since it ran: the outputs stay those of the code that ran.
        const kept = lesson[key];
        if (kept && kept.status !== 'stale') {
          lesson[key] = { ...kept, status: 'stale' };
          later();
        }
      } else if (KEPT_STATUSES.has(cell.status)) {
        // Taken now (this is the code that ran), written when the records module is loaded (it
        // brings DOMPurify): as stale if the cell went stale meanwhile, not at all if it ran again.
        const base = { hash: hashSource(cell.source), status: cell.status as KeptCell['status'], ms: cell.ms, savedAt: Date.now() };
        const outputs = [...cell.outputs];
        const version = bump(key);
        void import('./output-records.ts').then(({ toRecord }) => {
          if (versions.get(key) !== version) return;
          const status = cell.status === 'stale' ? 'stale' : base.status;
          lesson[key] = { ...base, status, outputs: outputs.map(toRecord).filter((o) => o !== undefined) };
          later();
        });
      } else if (cell.runs === 0 && key in lesson) {
        bump(key);
        delete lesson[key]; // Restart, or a run forgotten
        later();
      }
    },
  };
}

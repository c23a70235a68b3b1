/**
 * The one owner of the learner's code on a lesson page: one source per cell, restored from what
 * was saved, saved as it changes, and announced to whoever shows or runs it (the cell view, the
 * editors, the kernel), so the three never disagree. No DOM: the page decides how to show it.
 */
import { cellKey, clearEdit, clearLesson, editState, migrateLessonEdits, saveEdit } from './storage.ts';

interface StoreCell {
  index: number;
  source: string;
  options: { id?: string };
}

export type EditsListener = (index: number, source: string) => void;

export interface EditsStore {
  /** The current source of every cell, by index: the same array for the page's lifetime. */
  readonly sources: readonly string[];
  isEdited(index: number): boolean;
  /** A new source for a cell (the learner typed, chose a solution, took a saved edit back). */
  set(index: number, source: string, options?: { save?: boolean }): void;
  /** Back to the author's source, forgetting the saved edit. */
  reset(index: number): void;
  resetAll(): void;
  /** Forgets a saved edit the learner declined (made on an older version of the cell). */
  dismissSaved(index: number): void;
  /** Saved edits made on an older version of the author's cell: the page offers them, never applies them. */
  readonly authorChanged: readonly { index: number; source: string }[];
  subscribe(listener: EditsListener): () => void;
}

export function createEditsStore(slug: string, cells: readonly StoreCell[]): EditsStore {
  const keyOf = (index: number) => cellKey(index, cells[index]!.options.id);
  const sources = cells.map((cell) => cell.source);
  const listeners = new Set<EditsListener>();
  const authorChanged: { index: number; source: string }[] = [];

  migrateLessonEdits(slug, cells);
  for (const cell of cells) {
    const state = editState(slug, keyOf(cell.index), cell.source);
    if (state.kind === 'edited') sources[cell.index] = state.edit.source;
    else if (state.kind === 'author-changed') authorChanged.push({ index: cell.index, source: state.edit.source });
  }

  const set = (index: number, source: string, { save = true } = {}) => {
    sources[index] = source;
    if (save) saveEdit(slug, keyOf(index), cells[index]!.source, source);
    for (const listener of listeners) listener(index, source);
  };
  const reset = (index: number) => {
    clearEdit(slug, keyOf(index));
    set(index, cells[index]!.source, { save: false });
  };

  return {
    sources,
    authorChanged,
    isEdited: (index) => sources[index] !== cells[index]!.source,
    set,
    reset,
    resetAll() {
      clearLesson(slug);
      for (const cell of cells) reset(cell.index);
    },
    dismissSaved: (index) => clearEdit(slug, keyOf(index)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

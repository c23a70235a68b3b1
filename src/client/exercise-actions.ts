/**
 * An exercise's own buttons. "Show solution" puts the solution in the cell but keeps the learner's
 * attempt (saved in this browser, so a reload keeps it too) and offers it back in one click;
 * "Reset exercise" asks first, then puts the starter back and forgets the exercise was solved.
 */
import type { CellBlock } from '../notebook/lesson.ts';
import type { EditsStore } from './edits-store.ts';

export interface ExerciseActions {
  showSolution(index: number): void;
  reset(index: number): void;
}

const attemptKey = (slug: string, id: string) => `lab:attempt:${slug}:${id}`;

function readAttempt(slug: string, id: string): string | undefined {
  try {
    return localStorage.getItem(attemptKey(slug, id)) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeAttempt(slug: string, id: string, source: string | undefined): void {
  try {
    if (source === undefined) localStorage.removeItem(attemptKey(slug, id));
    else localStorage.setItem(attemptKey(slug, id), source);
  } catch {
    // Storage full or blocked: the attempt then lives only as long as the page.
  }
}

export function exerciseActions(options: {
  slug: string;
  cells: readonly CellBlock[];
  store: EditsStore;
  /** The cell's notice area, where the kept attempt is offered. */
  notice(index: number): HTMLElement;
  usedSolution(id: string): void;
  clearSolved(id: string): void;
}): ExerciseActions {
  const { slug, cells, store } = options;
  const kept = new Map<number, string>();

  const closeNotice = (index: number) => {
    const notice = options.notice(index);
    if (notice.dataset.notice !== 'attempt-kept') return;
    notice.hidden = true;
    notice.replaceChildren();
    delete notice.dataset.notice;
  };

  const offerAttempt = (index: number) => {
    const id = cells[index]!.options.id!;
    const notice = options.notice(index);
    const text = document.createElement('p');
    text.textContent = 'The solution is in the cell now. Your attempt is kept in this browser.';
    const back = document.createElement('button');
    back.type = 'button';
    back.textContent = 'Bring back my attempt';
    back.addEventListener('click', () => {
      const attempt = kept.get(index);
      if (attempt !== undefined) store.set(index, attempt);
      kept.delete(index);
      writeAttempt(slug, id, undefined);
      closeNotice(index);
    });
    const actions = document.createElement('div');
    actions.className = 'notice-actions';
    actions.append(back);
    notice.dataset.notice = 'attempt-kept';
    notice.replaceChildren(text, actions);
    notice.hidden = false;
  };

  // After a reload: an attempt kept while the solution is still in the cell is offered again.
  for (const cell of cells) {
    const id = cell.options.exercise ? cell.options.id : undefined;
    const attempt = id ? readAttempt(slug, id) : undefined;
    if (id === undefined || attempt === undefined) continue;
    if (store.sources[cell.index] === cell.solution?.source) {
      kept.set(cell.index, attempt);
      offerAttempt(cell.index);
    } else writeAttempt(slug, id, undefined);
  }

  return {
    showSolution(index) {
      const cell = cells[index]!;
      const id = cell.options.id!;
      if (!cell.solution) return;
      const attempt = store.sources[index]!;
      options.usedSolution(id);
      // Showing the solution twice must not keep the solution as the "attempt".
      if (attempt !== cell.solution.source) {
        kept.set(index, attempt);
        writeAttempt(slug, id, attempt);
      }
      store.set(index, cell.solution.source);
      if (kept.has(index)) offerAttempt(index);
    },
    reset(index) {
      const id = cells[index]!.options.id!;
      const ask = 'Put this exercise back as it started? Your code in it will be lost, and it will no longer count as solved.';
      if (!confirm(ask)) return;
      kept.delete(index);
      writeAttempt(slug, id, undefined);
      closeNotice(index);
      store.reset(index);
      options.clearSolved(id);
    },
  };
}

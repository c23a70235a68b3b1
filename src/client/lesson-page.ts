/**
 * A lesson page's wiring, for the lab's own lessons (page.ts) and the learner's own (mine-page.ts):
 * it wires the parts together. It is small on purpose: TF.js, the
 * compiler and the kernel (session.ts) load on the first Run, Monaco (editor.ts) on the first
 * click into a cell. Until then the page is static HTML with highlighted code.
 *
 * Parts: the learner's code (edits-store.ts, its one owner), the cells as shown (cell-view.ts),
 * their editors (cell-editors.ts), the toolbar (toolbar.ts, toolbar-actions.ts), outputs kept
 * across reloads (kept-outputs.ts), app view (app-view.ts), presenter mode (presenter.ts),
 * exercises (exercise-actions.ts) and questions.
 */
import { cellsOf } from '../notebook/lesson.ts';
import { appView } from './app-view.ts';
import { cellEditors } from './cell-editors.ts';
import { cellView } from './cell-view.ts';
import { createEditsStore } from './edits-store.ts';
import { exerciseActions } from './exercise-actions.ts';
import { keptOutputs } from './kept-outputs.ts';
import { wireHints } from './hints.ts';
import { lessonProgress } from './lesson-progress.ts';
import { showAuthorChanged } from './notices.ts';
import { pageKernel } from './page-kernel.ts';
import { presenter } from './presenter.ts';
import { wireQuestions } from './questions.ts';
import { wireShortcuts } from './shortcuts.ts';
import { toolbar } from './toolbar.ts';
import { wireToolbarActions } from './toolbar-actions.ts';
import { startRoomSharing } from './room-share.ts';
import { trackActiveTime } from './active-time.ts';
import type { Lesson } from '../notebook/lesson.ts';
import type { EditsStore } from './edits-store.ts';
import type { EditorKit } from './editor.ts';
import type { Toolbar } from './toolbar.ts';

/** What "Edit lesson source" works with. */
export interface LessonPageParts {
  lesson: Lesson;
  store: EditsStore;
  bar: Toolbar;
  base: string;
  loadEditorKit(): Promise<EditorKit>;
}

export interface LessonPageOptions {
  /**
   * Whether app view may run the lesson by itself: true for the lab's own lessons, false for the
   * learner's (a lesson from elsewhere never runs until its reader asks).
   */
  appRunsItself: boolean;
  /** "Edit lesson source": the lab's own lessons make a copy (copy-lesson.ts), the learner's open their source (source-panel.ts). */
  editSource(parts: LessonPageParts): void | Promise<void>;
}

/** Wires a lesson page whose article (cells, prose, toolbar) is already in the document. */
export function startLessonPage(lesson: Lesson, { appRunsItself, editSource }: LessonPageOptions): LessonPageParts {
  const cells = cellsOf(lesson);
  const base = document.body.dataset.base ?? '/';
  const store = createEditsStore(lesson.slug, cells);
  const view = cellView(cells);
  const bar = toolbar(document.querySelector<HTMLElement>('.toolbar')!);
  const progress = lessonProgress(lesson, [...view.elements]);
  const kept = keptOutputs({
    slug: lesson.slug,
    cells,
    sources: store.sources,
    elements: view.elements,
    note: document.querySelector('.restored-note'),
  });
  const editors = cellEditors({ cells, typesUrl: `${base}editor-types.json`, store, view, onRun: runFromKeyboard });
  const parts: LessonPageParts = { lesson, store, bar, base, loadEditorKit: editors.loadKit };
  cells.forEach((cell) => wireHints(lesson.slug, cell, view.elements[cell.index]!));
  wireQuestions(lesson.slug, () => progress.refresh());

  // ---- the learner's code, and the kernel that runs it ----------------------------------------------

  let busyElement: HTMLElement | undefined;
  const timedRuns: number[] = [];
  const times = trackActiveTime({
    slug: lesson.slug,
    article: document.querySelector<HTMLElement>('article')!,
    running: () => busyElement,
  });

  const kernel = pageKernel({
    lesson,
    cells,
    store,
    view,
    bar,
    onCellShown: (cell, all) => {
      progress.onCell(cell, all);
      kept.onCell(cell, all);
      // Each finished run once, for the time per section (a restart counts runs from 0 again).
      if (cell.runs < (timedRuns[cell.index] ?? 0)) timedRuns[cell.index] = 0;
      if (['done', 'error', 'stopped'].includes(cell.status) && cell.runs > (timedRuns[cell.index] ?? 0)) {
        timedRuns[cell.index] = cell.runs;
        times.cellRan(view.elements[cell.index]!, cell.ms);
      }
    },
    onFrame: (busy, queued) => {
      busyElement = busy && view.elements[busy.index];
      if (app.active()) app.showStatus(busy?.index, queued);
    },
  });
  store.subscribe((index, source) => {
    view.showSource(index, source, editors.get(index));
    view.markEdited(index, store.isEdited(index));
  });
  for (const cell of cells) {
    if (store.isEdited(cell.index)) {
      view.showSource(cell.index, store.sources[cell.index]!);
      view.markEdited(cell.index, true);
    }
  }
  for (const { index, source } of store.authorChanged) {
    showAuthorChanged(view.part(index, '.cell-notice'), source, (useMine) => {
      if (useMine) store.set(index, source);
      else store.dismissSaved(index);
    });
  }

  function runFromKeyboard(index: number, advance: boolean): void {
    void kernel.runCell(index);
    const next = view.elements[index + 1];
    if (!advance || !next) return;
    const nextEditor = editors.get(index + 1);
    if (nextEditor) nextEditor.focus();
    else next.querySelector<HTMLElement>('.cell-code')?.focus();
    next.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }

  // ---- what the learner clicks and types ------------------------------------------------------------

  const exercises = exerciseActions({
    slug: lesson.slug,
    cells,
    store,
    notice: (index) => view.part(index, '.cell-notice'),
    usedSolution: (id) => progress.usedSolution(id),
    clearSolved: (id) => progress.clearSolved(id),
  });

  view.elements.forEach((element, index) => {
    const code = view.part(index, '.cell-code');
    const edit = () => void editors.open(index).then((editor) => editor.focus());
    code.addEventListener('click', edit);
    code.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.target !== code) return;
      event.preventDefault();
      if (event.shiftKey) runFromKeyboard(index, true);
      else if (event.ctrlKey || event.metaKey) runFromKeyboard(index, false);
      else edit();
    });
    element.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
      const line = target.closest<HTMLElement>('[data-goto-line]')?.dataset.gotoLine;
      if (action === 'run') void kernel.runCell(index);
      else if (action === 'run-to-here') void kernel.runUpTo(index);
      else if (action === 'reset') store.reset(index);
      else if (action === 'reset-exercise') exercises.reset(index);
      else if (action === 'solution') exercises.showSolution(index);
      else if (line) void gotoLine(Number(line));
    });
  });

  async function gotoLine(line: number): Promise<void> {
    const cell = [...cells].reverse().find((c) => c.line <= line);
    if (cell) (await editors.open(cell.index)).revealLine(line);
  }

  wireToolbarActions({
    lesson,
    base,
    store,
    kernel,
    bar,
    editSource: () => editSource(parts),
  });

  // ---- app view, presenter mode and the keyboard ------------------------------------------------

  const appButton = document.querySelector<HTMLButtonElement>('.toolbar-menu [data-action="app-view"]')!;
  const presentButton = document.querySelector<HTMLButtonElement>('.toolbar-menu [data-action="present"]')!;
  const app = appView({
    button: appButton,
    bar: document.querySelector<HTMLElement>('.app-bar')!,
    cellCount: cells.length,
    appCells: cells.filter((cell) => cell.options.app).map((cell) => cell.index),
    session: () => kernel.current(),
    loadSession: () => kernel.load(),
    runsItself: appRunsItself,
  });
  const slides = presenter(document.querySelector<HTMLElement>('article')!, (on) => {
    presentButton.setAttribute('aria-pressed', String(on));
    presentButton.textContent = on ? 'Leave presenter' : 'Present';
    for (const editor of editors.all()) editor.setFontSize(on ? 20 : 14);
  });
  appButton.addEventListener('click', () => {
    if (slides.active) slides.toggle(false);
    void app.set(!app.active());
  });
  presentButton.addEventListener('click', () => {
    if (app.active()) void app.set(false);
    slides.toggle();
  });
  if (new URLSearchParams(location.search).get('view') === 'present') slides.toggle(true);
  if (app.active()) void app.set(true);

  wireShortcuts([...view.elements], (index) => {
    const editor = editors.get(index);
    if (editor) return editor.focus();
    const code = view.part(index, '.cell-code');
    if (code.offsetParent) code.focus();
    else view.part(index, '[data-action="run"]').focus();
    view.elements[index]!.scrollIntoView({ block: 'nearest' });
  });

  // A learner who joined a workshop room (on the index) shares this lesson's progress as it changes.
  startRoomSharing();

  // For tests and the console: the page's session, once loaded.
  (window as unknown as { lab: unknown }).lab = {
    loadSession: () => kernel.load(),
    outputsRestored: kept.restored,
    openEditor: editors.open,
    sources: store.sources,
    editorKit: () => editors.kit(),
  };
  return parts;
}

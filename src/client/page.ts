/**
 * The lesson page's script. It is small on purpose: TF.js, the compiler and the kernel
 * (session.ts) load on the first Run, Monaco (editor.ts) on the first click into a cell.
 * Until then the page is static HTML with highlighted code.
 */
import type { CellState } from '../notebook/kernel.ts';
import { cellsOf } from '../notebook/lesson.ts';
import type { CellEditor, EditorKit } from './editor.ts';
import type { BackendName } from './backend.ts';
import type { Session } from './session.ts';
import { readLesson } from './lesson-data.ts';
import { cellKey, clearEdit, clearLesson, editState, migrateLessonEdits, saveEdit } from './storage.ts';
import { showAuthorChanged, offerInputs } from './notices.ts';
import { download } from '../ml/widgets/download.ts';
import { announce } from './announce.ts';
import { lessonProgress } from './lesson-progress.ts';
import { wireHints } from './hints.ts';
import { wireQuestions } from './questions.ts';
import { presenter } from './presenter.ts';
import { wireShortcuts } from './shortcuts.ts';

const lesson = readLesson();
const cells = cellsOf(lesson);
const slug = lesson.slug;
const base = document.body.dataset.base ?? '/';
const sources = cells.map((cell) => cell.source);
const cellElements = cells.map((cell) => document.querySelector<HTMLElement>(`[data-cell="${cell.index}"]`)!);
const staticCode = cellElements.map((el) => el.querySelector<HTMLElement>('.cell-code')!.innerHTML);
const editors = new Map<number, CellEditor>();
const toolbar = document.querySelector<HTMLElement>('.toolbar')!;
const kernelState = toolbar.querySelector<HTMLElement>('.kernel-state')!;
const backendLabel = toolbar.querySelector<HTMLElement>('.backend-label')!;
const backendSelect = toolbar.querySelector<HTMLSelectElement>('select[name="backend"]')!;
const stopButton = toolbar.querySelector<HTMLButtonElement>('[data-action="stop"]')!;
const appButton = toolbar.querySelector<HTMLButtonElement>('[data-action="app-view"]')!;
const appStatus = document.querySelector<HTMLElement>('.app-status')!;
const appCells = cells.filter((cell) => cell.options.app).length;

const progress = lessonProgress(lesson, cellElements);
cells.forEach((cell) => wireHints(slug, cell, cellElements[cell.index]!));
wireQuestions(slug, () => progress.refresh());

const part = <T extends HTMLElement>(index: number, selector: string) => cellElements[index]!.querySelector<T>(selector)!;
const keyOf = (index: number) => cellKey(index, cells[index]!.options.id);

// ---- edits: restore, save, reset -------------------------------------------------------------

function showSource(index: number): void {
  const editor = editors.get(index);
  if (editor) return editor.setSource(sources[index]!);
  const code = part(index, '.cell-code');
  if (sources[index] === cells[index]!.source) code.innerHTML = staticCode[index]!;
  else {
    const pre = document.createElement('pre');
    pre.className = 'edited-code';
    pre.textContent = sources[index]!;
    code.replaceChildren(pre);
  }
}

function markEdited(index: number): void {
  const edited = sources[index] !== cells[index]!.source;
  cellElements[index]!.classList.toggle('is-edited', edited);
  part(index, '.edited-badge').hidden = !edited;
  part(index, '[data-action="reset"]').hidden = !edited || cells[index]!.options.exercise;
}

let sessionPromise: Promise<Session> | undefined;
let session: Session | undefined;

function setSource(index: number, source: string, { save = true } = {}): void {
  sources[index] = source;
  if (save) saveEdit(slug, keyOf(index), cells[index]!.source, source);
  markEdited(index);
  session?.kernel.edit(index, source);
}

migrateLessonEdits(slug, cells);
for (const cell of cells) {
  const state = editState(slug, keyOf(cell.index), cell.source);
  if (state.kind === 'edited') {
    sources[cell.index] = state.edit.source;
    showSource(cell.index);
    markEdited(cell.index);
  } else if (state.kind === 'author-changed') {
    showAuthorChanged(part(cell.index, '.cell-notice'), state.edit.source, (useMine) => {
      if (useMine) setSource(cell.index, state.edit.source);
      else clearEdit(slug, keyOf(cell.index));
      showSource(cell.index);
    });
  }
}

function resetCell(index: number): void {
  clearEdit(slug, keyOf(index));
  setSource(index, cells[index]!.source, { save: false });
  showSource(index);
}

// ---- the kernel, loaded on first use ------------------------------------------------------------

const pending = new Set<number>();
const lastStatus: string[] = cells.map(() => 'idle');
let frame = 0;

/** Says what changed away from the focus: a cell failing, training or an exercise check ending. */
function announceChange(cell: CellState): void {
  const was = lastStatus[cell.index];
  lastStatus[cell.index] = cell.status;
  if (was === cell.status || (was !== 'running' && was !== 'stopping')) return;
  const n = cell.index + 1;
  if (cell.status === 'error') {
    const error = cell.outputs.find((o) => o.kind === 'error');
    announce(`Cell ${n} failed${error?.kind === 'error' ? `: ${error.message}` : ''}`, { urgent: true });
  } else if (cell.status === 'done' && cell.outputs.some((o) => o.kind === 'training')) {
    announce(`Training finished in cell ${n}.`);
  } else if (cell.status === 'done' && cells[cell.index]!.options.for) {
    const failed = cell.outputs.filter((o) => o.kind === 'check' && !o.pass);
    if (failed.length) announce(`Not yet: ${failed.map((o) => (o.kind === 'check' ? o.message : '')).join('; ')}`);
  }
}

function render(): void {
  frame = 0;
  if (!session) return;
  for (const index of pending) {
    const cell = session.kernel.cells[index]!;
    const element = cellElements[index]!;
    element.dataset.status = cell.status;
    element.dataset.runs = String(cell.runs);
    part(index, '.cell-state').textContent = stateText(cell);
    session.renderOutputs(part(index, '[data-output]'), cell.outputs);
    announceChange(cell);
    progress.onCell(cell, session.kernel.cells);
  }
  pending.clear();
  const busy = session.kernel.cells.find((c) => c.status === 'running' || c.status === 'stopping');
  const queued = session.kernel.cells.filter((c) => c.status === 'queued').length;
  stopButton.disabled = !busy && queued === 0;
  kernelState.textContent = busy
    ? `${busy.status === 'stopping' ? 'Stopping' : 'Running'} cell ${busy.index + 1}${queued ? `, ${queued} queued` : ''}`
    : 'Ready';
  if (appView()) showAppStatus(busy?.index, queued);
  toolbar.querySelector('.tensor-count')!.textContent = `${session.tf.memory().numTensors} tensors`;
}

function stateText(cell: CellState): string {
  switch (cell.status) {
    case 'done':
      return `done in ${cell.ms ?? 0} ms`;
    case 'error':
      return 'error';
    case 'stale':
      return 'out of date: an input changed';
    case 'skipped':
      return 'not run by Run all';
    default:
      return cell.status === 'idle' ? '' : cell.status;
  }
}

function onCell(cell: CellState): void {
  pending.add(cell.index);
  if (!frame) frame = requestAnimationFrame(render);
}

function requestedBackend(): BackendName | undefined {
  const asked = new URLSearchParams(location.search).get('backend') ?? localStorage.getItem('lab:backend') ?? lesson.meta.backend;
  return asked === 'webgpu' || asked === 'webgl' || asked === 'cpu' ? asked : undefined;
}

function showBackend(): void {
  if (!session) return;
  const { name, device, note } = session.backend;
  backendLabel.textContent = `${name} · ${device}`;
  backendLabel.title = note ?? '';
  backendSelect.value = name;
  document.body.dataset.backend = name;
}

function loadSession(): Promise<Session> {
  sessionPromise ??= (async () => {
    kernelState.textContent = 'Loading TensorFlow.js…';
    const { createSession } = await import('./session.ts');
    const created = await createSession(lesson, { backend: requestedBackend(), onCell });
    session = created;
    cells.forEach((cell) => {
      if (sources[cell.index] !== cell.source) created.kernel.edit(cell.index, sources[cell.index]!);
    });
    showBackend();
    kernelState.textContent = 'Ready';
    return created;
  })();
  return sessionPromise;
}

async function runCell(index: number): Promise<void> {
  if (!session) cellElements[index]!.dataset.status = 'queued';
  const s = await loadSession();
  const missing = s.kernel.missingInputs(index);
  if (missing.length > 0) {
    const names = s.kernel.cells[index]!.references.filter((name) => missing.some((m) => s.kernel.cells[m]!.declarations.includes(name)));
    cellElements[index]!.dataset.status = s.kernel.cells[index]!.status;
    const choice = await offerInputs(part(index, '.cell-notice'), missing, names);
    if (choice === 'above') {
      await s.kernel.runUpTo(index);
      return;
    }
    if (choice === 'inputs') for (const m of missing) void s.kernel.run(m);
  }
  await s.kernel.run(index);
}

// ---- editors, loaded on first focus -------------------------------------------------------------

let kitPromise: Promise<EditorKit> | undefined;

async function openEditor(index: number): Promise<CellEditor> {
  const open = editors.get(index);
  if (open) return open;
  kitPromise ??= import('./editor.ts').then(({ EditorKit }) => EditorKit.load(cells, sources, `${base}editor-types.json`));
  const kit = await kitPromise;
  const again = editors.get(index);
  if (again) return again;
  const code = part(index, '.cell-code');
  const host = document.createElement('div');
  host.className = 'cell-editor';
  code.replaceChildren(host);
  code.removeAttribute('tabindex');
  code.removeAttribute('role');
  kit.setSource(index, sources[index]!);
  const editor = kit.open(cells[index]!, host, {
    onChange: (source) => setSource(index, source),
    onRun: (advance) => runFromKeyboard(index, advance),
    onLeave: () => part(index, '[data-action="run"]').focus(),
  });
  editors.set(index, editor);
  return editor;
}

function runFromKeyboard(index: number, advance: boolean): void {
  void runCell(index);
  if (!advance) return;
  const next = cellElements[index + 1];
  if (!next) return;
  const nextEditor = editors.get(index + 1);
  if (nextEditor) nextEditor.focus();
  else next.querySelector<HTMLElement>('.cell-code')?.focus();
  next.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

// ---- wiring --------------------------------------------------------------------------------------

cellElements.forEach((element, index) => {
  const code = part(index, '.cell-code');
  code.addEventListener('click', () => void openEditor(index).then((editor) => editor.focus()));
  code.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.target !== code) return;
    event.preventDefault();
    if (event.shiftKey) runFromKeyboard(index, true);
    else if (event.ctrlKey || event.metaKey) runFromKeyboard(index, false);
    else void openEditor(index).then((editor) => editor.focus());
  });
  element.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
    const line = target.closest<HTMLElement>('[data-goto-line]')?.dataset.gotoLine;
    if (action === 'run') void runCell(index);
    else if (action === 'reset' || action === 'reset-exercise') resetCell(index);
    else if (action === 'solution' && cells[index]!.solution) {
      progress.usedSolution(cells[index]!.options.id!);
      setSource(index, cells[index]!.solution!.source);
      showSource(index);
    } else if (line) void gotoLine(Number(line));
  });
});

async function gotoLine(line: number): Promise<void> {
  const cell = [...cells].reverse().find((c) => c.line <= line);
  if (!cell) return;
  const editor = await openEditor(cell.index);
  editor.revealLine(line);
}

toolbar.addEventListener('click', async (event) => {
  const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
  if (action === 'run-all') await runAll();
  else if (action === 'stop') await session?.kernel.stop();
  else if (action === 'restart') await session?.kernel.restart();
  else if (action === 'models') await openModels();
  else if (action === 'download-lesson') await downloadLesson();
  else if (action === 'share') await shareLesson();
  else if (action === 'download-project') await downloadProject();
  else if (action === 'reset-lesson') {
    if (!confirm('Put every cell of this lesson back as the author wrote it? Your edits here will be lost.')) return;
    clearLesson(slug);
    cells.forEach((cell) => resetCell(cell.index));
  }
});

async function runAll(): Promise<void> {
  const s = await loadSession();
  await s.kernel.runAll();
  // Let the last cells' states render (and say what they say) before the summary.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const failed = s.kernel.cells.filter((c) => c.status === 'error').length;
  const done = s.kernel.cells.filter((c) => c.status === 'done').length;
  announce(
    failed ? `Run all stopped: ${failed} cell${failed > 1 ? 's' : ''} failed, ${done} done.` : `Run all finished: ${done} cells done.`,
  );
}

backendSelect.addEventListener('change', async () => {
  const name = backendSelect.value as BackendName;
  localStorage.setItem('lab:backend', name);
  const s = await loadSession();
  kernelState.textContent = `Switching to ${name}…`;
  await s.switchBackend(name);
  showBackend();
  kernelState.textContent = 'Ready';
});

// ---- the Models panel -----------------------------------------------------------------------------

let models: { open(): Promise<void> } | undefined;
async function openModels(): Promise<void> {
  if (!models) {
    const [{ modelsPanel }, s] = await Promise.all([import('./models-panel.ts'), loadSession()]);
    models = modelsPanel(document.querySelector<HTMLDialogElement>('.models-panel')!, s);
  }
  await models.open();
}

// ---- taking the lesson elsewhere: a file, a link ----------------------------------------------------

async function lessonWithEdits(): Promise<string> {
  const { lessonToMarkdown } = await import('../notebook/serialize.ts');
  return lessonToMarkdown(lesson, sources);
}

async function downloadLesson(): Promise<void> {
  download(lesson.file.split('/').pop() ?? `${slug}.md`, await lessonWithEdits(), 'text/markdown');
}

async function downloadProject(): Promise<void> {
  const before = kernelState.textContent;
  kernelState.textContent = 'Making the project…';
  try {
    const { forkZip } = await import('./fork-zip.ts');
    const { name, blob } = await forkZip(lesson, sources, base);
    download(name, blob);
    kernelState.textContent = `Downloaded ${name}: unzip, then npm install && npm test`;
  } catch (error) {
    kernelState.textContent = `Could not make the project: ${(error as Error).message}`;
  }
  setTimeout(() => {
    if (kernelState.textContent?.startsWith('Downloaded')) kernelState.textContent = before;
  }, 8000);
}

async function shareLesson(): Promise<void> {
  const dialog = document.querySelector<HTMLDialogElement>('.share-panel')!;
  const input = dialog.querySelector<HTMLInputElement>('input[name="share-link"]')!;
  const message = dialog.querySelector<HTMLElement>('.share-message')!;
  const { encodeLesson } = await import('./share-codec.ts');
  input.value = `${location.origin}${base}open/#lesson=${await encodeLesson(await lessonWithEdits())}`;
  message.textContent = `${input.value.length.toLocaleString()} characters.`;
  dialog.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!.onclick = async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      message.textContent = 'Copied.';
    } catch {
      input.select();
      message.textContent = 'Select the link and copy it (the browser did not allow copying).';
    }
  };
  dialog.showModal();
  input.select();
}

// ---- app view --------------------------------------------------------------------------------

function appView(): boolean {
  return document.body.dataset.view === 'app';
}

function showAppStatus(running?: number, queued = 0): void {
  const failed = session?.kernel.cells.find((c) => c.status === 'error');
  if (appCells === 0) appStatus.textContent = 'This lesson marks no cells for app view. Switch back to the notebook to see it all.';
  else if (running !== undefined)
    appStatus.textContent = `Preparing the app: running step ${running + 1} of ${cells.length}${queued ? ` (${queued} to go)` : ''}…`;
  else if (failed) appStatus.textContent = `Step ${failed.index + 1} failed. Switch back to the notebook to see why.`;
  else appStatus.textContent = session ? '' : 'Starting…';
}

async function setView(app: boolean): Promise<void> {
  if (app) document.body.dataset.view = 'app';
  else delete document.body.dataset.view;
  appButton.setAttribute('aria-pressed', String(app));
  appButton.textContent = app ? 'Notebook view' : 'App view';
  const url = new URL(location.href);
  if (app) url.searchParams.set('view', 'app');
  else url.searchParams.delete('view');
  history.replaceState(history.state, '', url);
  if (!app) return;
  showAppStatus();
  if (appCells === 0) return;
  // The lab's own lessons run by themselves in app view, once: nobody there reads code to press Run.
  const s = await loadSession();
  if (s.kernel.cells.every((c) => c.runs === 0)) await s.kernel.runAll();
  showAppStatus();
}

appButton.addEventListener('click', () => {
  if (slides.active) slides.toggle(false);
  void setView(!appView());
});

// ---- presenter mode and the keyboard ---------------------------------------------------------

const presentButton = toolbar.querySelector<HTMLButtonElement>('[data-action="present"]')!;
const slides = presenter(document.querySelector<HTMLElement>('article')!, (on) => {
  presentButton.setAttribute('aria-pressed', String(on));
  presentButton.textContent = on ? 'Leave presenter' : 'Present';
  for (const editor of editors.values()) editor.setFontSize(on ? 20 : 14);
});
presentButton.addEventListener('click', () => {
  if (appView()) void setView(false);
  slides.toggle();
});
if (new URLSearchParams(location.search).get('view') === 'present') slides.toggle(true);

wireShortcuts(cellElements, (index) => {
  const editor = editors.get(index);
  if (editor) return editor.focus();
  const code = part(index, '.cell-code');
  if (code.offsetParent) code.focus();
  else part(index, '[data-action="run"]').focus();
  cellElements[index]!.scrollIntoView({ block: 'nearest' });
});
if (appView()) void setView(true);

// For tests and the console: the page's session, once loaded.
(window as unknown as { lab: unknown }).lab = { loadSession, openEditor, sources, editorKit: () => kitPromise };

/**
 * App view: the lesson as an app, showing only the outputs of the cells marked `app` (CSS hides
 * the rest, notebook chrome included), a loading bar while the cells it needs run, and outputs that
 * react: when a widget in an app cell says its value changed (a stroke ended, a picture was
 * uploaded), the app cells after it run again. It is in the URL (`?view=app`), so a link opens it.
 * The lab's own lessons run by themselves there; a learner's own lesson waits for "Run the app".
 */
import { WIDGET_INPUT_EVENT } from '../lab/widgets/dom.ts';
import type { Session } from './session.ts';

export interface AppView {
  active(): boolean;
  set(app: boolean): Promise<void>;
  /** The loading state: how far the cells it needs have run, which failed, or nothing once ready. */
  showStatus(running?: number, queued?: number): void;
}

export function appView(options: {
  button: HTMLButtonElement;
  bar: HTMLElement;
  cellCount: number;
  /** Indices of the cells marked `app`, in order. */
  appCells: readonly number[];
  session(): Session | undefined;
  loadSession(): Promise<Session>;
  /** Whether opening app view runs the lesson by itself (the lab's own lessons) or waits for a click. */
  runsItself: boolean;
}): AppView {
  const { button, bar, cellCount, appCells } = options;
  const status = bar.querySelector<HTMLElement>('.app-status')!;
  const progress = bar.querySelector<HTMLProgressElement>('progress')!;
  const active = () => document.body.dataset.view === 'app';
  const startButton = bar.querySelector<HTMLButtonElement>('[data-action="start-app"]');
  const runApp = async () => {
    if (startButton) startButton.hidden = true;
    const session = await options.loadSession();
    if (session.kernel.cells.every((c) => c.runs === 0)) await session.kernel.runAll();
    showStatus();
  };
  const showStatus = (running?: number, queued = 0) => {
    const session = options.session();
    const failed = session?.kernel.cells.find((c) => c.status === 'error');
    progress.hidden = running === undefined;
    if (appCells.length === 0) status.textContent = 'This lesson marks no cells for app view. Go back to the notebook to see it all.';
    else if (running !== undefined) {
      status.textContent = 'Loading the app…';
      progress.max = cellCount;
      progress.value = cellCount - queued - 1;
    } else if (failed) status.textContent = 'The app could not be prepared: something failed. Go back to the notebook to see what.';
    else status.textContent = session ? '' : 'Loading the app…';
  };

  const set = async (app: boolean) => {
    if (app) document.body.dataset.view = 'app';
    else delete document.body.dataset.view;
    button.setAttribute('aria-pressed', String(app));
    button.textContent = app ? 'Notebook view' : 'App view';
    const url = new URL(location.href);
    if (app) url.searchParams.set('view', 'app');
    else url.searchParams.delete('view');
    history.replaceState(history.state, '', url);
    if (!app) return;
    showStatus();
    if (appCells.length === 0) return;
    // The lab's own lessons run by themselves in app view, once: nobody there reads code to press Run.
    if (options.runsItself) return runApp();
    // A learner's own lesson came from elsewhere: its code runs when they ask, never on opening a link.
    const ran = options.session()?.kernel.cells.some((c) => c.runs > 0);
    if (ran || !startButton) return;
    status.textContent = 'Nothing here has run yet: this lesson is yours, so it runs only when you ask.';
    startButton.hidden = false;
  };
  startButton?.addEventListener('click', () => void runApp());

  bar.querySelector('[data-action="leave-app"]')!.addEventListener('click', () => void set(false));
  // Outputs that react: a widget's new value runs the app cells after it, in order.
  document.addEventListener(WIDGET_INPUT_EVENT, async (event) => {
    const session = options.session();
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!active() || !session || !cell) return;
    const from = Number(cell.dataset.cell);
    for (const index of appCells.filter((i) => i > from)) if (!(await session.kernel.run(index))) break;
  });

  return { active, showStatus, set };
}

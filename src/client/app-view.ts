/**
 * App view: the lesson as an app, showing only the cells marked `app` (CSS hides the rest), with
 * a status line while the cells it needs run. It is in the URL (`?view=app`), so a link opens it.
 */
import type { Session } from './session.ts';

export interface AppView {
  active(): boolean;
  set(app: boolean): Promise<void>;
  /** The status line: which step runs, which failed, or nothing once the app is ready. */
  showStatus(running?: number, queued?: number): void;
}

export function appView(options: {
  button: HTMLButtonElement;
  status: HTMLElement;
  cellCount: number;
  appCells: number;
  session(): Session | undefined;
  loadSession(): Promise<Session>;
}): AppView {
  const { button, status, cellCount, appCells } = options;
  const active = () => document.body.dataset.view === 'app';
  const showStatus = (running?: number, queued = 0) => {
    const session = options.session();
    const failed = session?.kernel.cells.find((c) => c.status === 'error');
    if (appCells === 0) status.textContent = 'This lesson marks no cells for app view. Switch back to the notebook to see it all.';
    else if (running !== undefined)
      status.textContent = `Preparing the app: running step ${running + 1} of ${cellCount}${queued ? ` (${queued} to go)` : ''}…`;
    else if (failed) status.textContent = `Step ${failed.index + 1} failed. Switch back to the notebook to see why.`;
    else status.textContent = session ? '' : 'Starting…';
  };
  return {
    active,
    showStatus,
    async set(app) {
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
      if (appCells === 0) return;
      // The lab's own lessons run by themselves in app view, once: nobody there reads code to press Run.
      const session = await options.loadSession();
      if (session.kernel.cells.every((c) => c.runs === 0)) await session.kernel.runAll();
      showStatus();
    },
  };
}

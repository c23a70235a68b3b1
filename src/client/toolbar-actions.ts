/**
 * What the toolbar's buttons and its More menu do on a lesson page: run, stop, restart, the models
 * panel (loaded on first use), taking the lesson elsewhere, resetting it, and switching backend.
 * App view and presenter mode wire their own buttons (page.ts).
 */
import type { Lesson } from '../notebook/lesson.ts';
import type { EditsStore } from './edits-store.ts';
import type { PageKernel } from './page-kernel.ts';
import { downloadLesson, downloadProject, shareLesson } from './take-away.ts';
import type { Toolbar } from './toolbar.ts';

export function wireToolbarActions(options: {
  lesson: Lesson;
  base: string;
  store: EditsStore;
  kernel: PageKernel;
  bar: Toolbar;
  editSource(): void | Promise<void>;
}): void {
  const { lesson, base, store, kernel, bar } = options;
  let models: { open(): Promise<void> } | undefined;
  const openModels = async () => {
    if (!models) {
      const [{ modelsPanel }, s] = await Promise.all([import('./models-panel.ts'), kernel.load()]);
      models = modelsPanel(document.querySelector<HTMLDialogElement>('.models-panel')!, s);
    }
    await models.open();
  };

  bar.onAction(async (action) => {
    if (action === 'run-all') await kernel.runAll();
    else if (action === 'stop') await kernel.current()?.kernel.stop();
    else if (action === 'restart') await kernel.current()?.kernel.restart();
    else if (action === 'models') await openModels();
    else if (action === 'download-lesson') await downloadLesson(lesson, store.sources);
    else if (action === 'share') await shareLesson(lesson, store.sources, base);
    else if (action === 'edit-source') await options.editSource();
    else if (action === 'download-project') await downloadProject(lesson, store.sources, base, bar);
    else if (action === 'reset-lesson') {
      if (confirm('Put every cell of this lesson back as the author wrote it? Your edits here will be lost.')) store.resetAll();
    }
  });

  bar.onBackendChosen(async (name) => {
    localStorage.setItem('lab:backend', name);
    const s = await kernel.load();
    bar.say(`Switching to ${name}…`);
    await s.switchBackend(name);
    bar.showBackend(s.backend);
    bar.say('Ready');
  });
}

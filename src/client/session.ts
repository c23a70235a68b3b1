/**
 * Everything heavy, loaded on the learner's first Run: TF.js, Plot, the compiler and the kernel.
 * The page script imports this module dynamically, so a lesson page paints without them.
 */
import * as tf from '@tensorflow/tfjs';
import * as Plot from '@observablehq/plot';
import { Kernel, type CellState } from '../notebook/kernel.ts';
import type { KernelHost } from '../notebook/host.ts';
import type { Lesson } from '../notebook/lesson.ts';
import { wrapPlot } from '../notebook/plot.ts';
import * as lab from '../lab/index.ts';
import { setLabEnvironment, siteEnvironment } from '../lab/environment.ts';
import { chooseBackend, type BackendChoice, type BackendName } from './backend.ts';
import type { LessonWork } from './backend-rates.ts';
import { renderOutputs } from './render.ts';
import { browserCollections } from './collection-store.ts';
import { currentStageTimes } from './active-time.ts';

export interface SessionOptions {
  backend?: BackendName;
  /** The lesson's measured work, to pick the backend that runs it soonest. */
  work?: LessonWork;
  onCell(cell: CellState): void;
}

export interface Session {
  kernel: Kernel;
  backend: BackendChoice;
  tf: typeof tf;
  /** The lab's helpers, the same instance cells import (the Models panel uses them too). */
  lab: typeof lab;
  renderOutputs: typeof renderOutputs;
  switchBackend(name: BackendName): Promise<BackendChoice>;
}

function browserHost(): KernelHost {
  const plot = wrapPlot(Plot);
  setLabEnvironment({
    ...siteEnvironment(document.body.dataset.base ?? '/', plot.plot as never),
    collections: browserCollections,
    stageTimes: currentStageTimes,
  });
  return {
    tf,
    Plot: plot,
    modules: { '@tensorflow/tfjs': tf, '@observablehq/plot': plot, lab },
    // A hidden tab's timers are throttled, so "no tick for 3 s" says nothing there: never ask.
    confirmStop: (message) => (document.hidden ? false : window.confirm(message)),
    mirrorConsole: true,
  };
}

export async function createSession(lesson: Lesson, options: SessionOptions): Promise<Session> {
  let backend = await chooseBackend(tf, options.backend, options.work);
  await tf.ready();
  const kernel = new Kernel(lesson, browserHost(), { softExerciseChecks: true });
  kernel.subscribe(options.onCell);
  addEventListener('unhandledrejection', (event) => kernel.reportAsyncError(event.reason));
  const session: Session = {
    kernel,
    get backend() {
      return backend;
    },
    tf,
    lab,
    renderOutputs,
    async switchBackend(name) {
      await kernel.stop();
      backend = await chooseBackend(tf, name, options.work);
      await kernel.restart();
      return backend;
    },
  };
  return session;
}

/**
 * The kernel host for headless runs: TF.js on its CPU backend, Plot drawing into a linkedom
 * document, loop guards that stop without asking (nobody is there to answer).
 */
import * as tf from '@tensorflow/tfjs';
import * as Plot from '@observablehq/plot';
import type { KernelHost } from '../notebook/host.ts';
import { wrapPlot } from '../notebook/plot.ts';
import * as lab from '../lab/index.ts';
import { createNodeDocument } from './node-dom.ts';
import { setLabEnvironment } from '../lab/environment.ts';
import { tmpdir } from 'node:os';
import { threadId } from 'node:worker_threads';
import { join } from 'node:path';
import { folderEnvironment } from './node-environment.ts';

export async function createNodeHost(): Promise<KernelHost> {
  // Production mode also silences TF.js's "install tfjs-node" banner, which cannot install here.
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
  const plot = wrapPlot(Plot, createNodeDocument());
  setLabEnvironment(
    folderEnvironment({
      // The repository's folders, wherever the runner is started from.
      datasets: new URL('../../datasets/', import.meta.url),
      models: new URL('../../models/', import.meta.url),
      // Headless runs keep lab:// models out of the repository, in a folder per process and worker
      // thread: seeds run side by side in threads of one process, and one seed's save must never be
      // another's load (--sandbox names the one folder its runner may write).
      store: process.env.LAB_MODEL_STORE ?? join(tmpdir(), `lab-models-${process.pid}-${threadId}`),
      plot: plot.plot as never,
    }),
  );
  return {
    tf,
    Plot: plot,
    modules: { '@tensorflow/tfjs': tf, '@observablehq/plot': plot, lab },
    confirmStop: () => true,
    awaitIsATurn: true,
  };
}

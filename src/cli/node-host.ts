/**
 * The kernel host for headless runs: TF.js on its CPU backend, Plot drawing into a linkedom
 * document, loop guards that stop without asking (nobody is there to answer).
 */
import * as tf from '@tensorflow/tfjs';
import * as Plot from '@observablehq/plot';
import type { KernelHost } from '../notebook/host.ts';
import { wrapPlot } from '../notebook/plot.ts';
import * as lab from '../ml/index.ts';
import { createNodeDocument } from './node-dom.ts';
import { readFile } from 'node:fs/promises';
import { setDatasetReader } from '../ml/data/reader.ts';
import { usePlot } from '../ml/plot.ts';
import { setFolderHandler, setLocalModelStore, setShippedModels } from '../ml/model-io/folder.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderHandler } from './folder-handler.ts';

/** The repository's datasets/ folder, wherever the runner is started from. */
const DATASETS = new URL('../../datasets/', import.meta.url);

export async function createNodeHost(): Promise<KernelHost> {
  // Production mode also silences TF.js's "install tfjs-node" banner, which cannot install here.
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
  const plot = wrapPlot(Plot, createNodeDocument());
  usePlot(plot.plot as never);
  setFolderHandler(folderHandler);
  // Headless runs keep lab:// models out of the repository, in a folder per process (--sandbox
  // names the one folder its runner may write).
  const store = process.env.LAB_MODEL_STORE ?? join(tmpdir(), `lab-models-${process.pid}`);
  setLocalModelStore((name) => folderHandler(join(store, name)));
  setShippedModels((name) => folderHandler(fileURLToPath(new URL(`../../models/${name}/`, import.meta.url))));
  setDatasetReader(async (path) => {
    const bytes = await readFile(new URL(path, DATASETS));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  });
  return {
    tf,
    Plot: plot,
    modules: { '@tensorflow/tfjs': tf, '@observablehq/plot': plot, lab },
    confirmStop: () => true,
    awaitIsATurn: true,
  };
}

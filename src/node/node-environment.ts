/**
 * The lab's environment in Node (the headless runner, and forks' tests): datasets and shipped
 * models read from folders, the learner's `lab://` models in a folder of their own, any folder
 * path usable for saving and loading.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabEnvironment, PlotFn } from '../lab/environment.ts';
import { folderHandler } from './folder-handler.ts';

export function folderEnvironment(options: {
  /** The folder holding the datasets (its subfolders are the datasets' names). */
  datasets: URL;
  /** The folder holding the shipped models. */
  models: URL;
  /** Where `lab://NAME` models go. */
  store: string;
  plot?: PlotFn;
}): LabEnvironment {
  return {
    plot: options.plot,
    folder: folderHandler,
    localModel: (name) => folderHandler(join(options.store, name)),
    shippedModel: (name) => folderHandler(fileURLToPath(new URL(`${name}/`, options.models))),
    readDataset: async (path) => {
      const bytes = await readFile(new URL(path, options.datasets));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

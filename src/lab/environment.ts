/**
 * What the lab's helpers need from the place they run in, set by the host in one call: how to
 * draw a chart, read a dataset file, find a shipped model, keep the learner's own models, and
 * (headless only) use a folder. The page, the headless runner, the sandbox, the check page and
 * forks each build theirs: `siteEnvironment` for a page served with the lab's datasets and models,
 * `folderEnvironment` (src/node/node-environment.ts) for Node.
 */
import type * as tf from '@tensorflow/tfjs';

export type PlotFn = (options: Record<string, unknown>) => Element;
/** Reads a dataset file by its path under datasets/, e.g. "digits/digits.bin". */
export type DatasetReader = (path: string) => Promise<ArrayBuffer>;
/** A model by name: a URL TF.js can load from, or an IO handler. */
export type ModelLocator = (name: string) => string | tf.io.IOHandler;

export interface LabEnvironment {
  /** Draws helper charts: the same wrapped Plot.plot cells get (default: Observable Plot's own). */
  plot?: PlotFn;
  readDataset?: DatasetReader;
  /** Where the models the lab ships (models/) live. */
  shippedModel?: ModelLocator;
  /** `lab://NAME`: this learner's own models (IndexedDB in a page, a folder headless). */
  localModel?: ModelLocator;
  /** Saving to and loading from a folder path: headless only, so pages never bundle the file system. */
  folder?: (folder: string) => tf.io.IOHandler;
  /** Where drawingCollection keeps the learner's drawings (IndexedDB in a page); without it they last as long as the run. */
  collections?: CollectionStore;
  /** The learner's time on each section of this lesson (the page measures it); absent headless, where nobody is learning. */
  stageTimes?: () => StageTime[];
}

/** One drawing as a collection keeps it: pixels in [0, 1] (size × size), its label (-1: none yet), when it was added. */
export interface StoredDrawing {
  /** Stable across removals, so labels given to a snapshot land on the drawings they were given to. */
  id?: string;
  pixels: number[];
  label: number;
  at: string;
}

export interface CollectionStore {
  load(name: string): Promise<StoredDrawing[]>;
  save(name: string, drawings: readonly StoredDrawing[]): Promise<void>;
}

/** A section (`##`) of the lesson and the time spent on it: `activeMs` with the learner at work there (reading, typing, running, waiting on a run), `runMs` its cells' run time. */
export interface StageTime {
  id: string;
  title: string;
  activeMs: number;
  runMs: number;
}

let environment: Readonly<LabEnvironment> = {};

/** Replaces the whole environment: what is not given is not available. */
export function setLabEnvironment(next: LabEnvironment): void {
  environment = Object.freeze({ ...next });
}

export function labEnvironment(): Readonly<LabEnvironment> {
  return environment;
}

/** A page served with the lab's files under `base`: datasets and models fetched, own models in IndexedDB. */
export function siteEnvironment(base: string, plot?: PlotFn): LabEnvironment {
  return {
    plot,
    readDataset: async (path) => {
      const response = await fetch(`${base}datasets/${path}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    },
    shippedModel: (name) => `${location.origin}${base}models/${name}/model.json`,
    localModel: (name) => `indexeddb://lab/${name}`,
  };
}

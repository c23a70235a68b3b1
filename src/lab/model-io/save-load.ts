/**
 * saveModel / loadModel in the lab's format, to any TF.js destination (indexeddb://, downloads://,
 * http(s)://) or, headless, a folder. Loading checks the metadata and, when asked, that the
 * model takes the input the caller has.
 */
import * as tf from '@tensorflow/tfjs';
import { checkInfo, describeShape, LAB_MODEL_FORMAT, type LabModelDescription, type LabModelInfo } from './info.ts';
import { handlerFor, shippedModelSource } from './folder.ts';

export const LAB_VERSION = '0.1.0';

export async function saveModel(model: tf.LayersModel, target: string, description: LabModelDescription): Promise<LabModelInfo> {
  const outputs = (model.outputs[0]?.shape ?? []).at(-1);
  if (typeof outputs === 'number' && outputs !== description.classes.length) {
    throw new Error(`saveModel: the model has ${outputs} outputs but ${description.classes.length} class names were given`);
  }
  const inputShape = description.inputShape ?? (model.inputs[0]?.shape.slice(1) as number[]);
  const info: LabModelInfo = {
    ...description,
    format: LAB_MODEL_FORMAT,
    inputShape,
    backend: description.backend ?? tf.getBackend(),
    versions: { tfjs: tf.version.tfjs, lab: LAB_VERSION },
    createdAt: description.createdAt ?? new Date().toISOString(),
  };
  model.setUserDefinedMetadata({ labModel: info } as never);
  await model.save(handlerFor(target) as never);
  return info;
}

export interface LoadOptions {
  /** The input shape (without batch) the caller will feed; a mismatch is an error. */
  expectInputShape?: number[];
}

export async function loadModel(
  source: string | tf.io.IOHandler,
  options: LoadOptions = {},
): Promise<{ model: tf.LayersModel; info: LabModelInfo }> {
  const name = typeof source === 'string' ? source : 'the uploaded files';
  let model: tf.LayersModel;
  try {
    const handler =
      typeof source !== 'string' ? source : /^https?:\/\/|^\//.test(source) && source.endsWith('.json') ? source : handlerFor(source);
    model = await tf.loadLayersModel(handler as never);
  } catch (error) {
    throw new Error(`${name} could not be loaded as a TF.js layers model: ${(error as Error).message}`);
  }
  const info = checkInfo((model.getUserDefinedMetadata() as { labModel?: unknown } | undefined)?.labModel, name);
  const takes = model.inputs[0]!.shape.slice(1);
  const expected = options.expectInputShape;
  if (expected && (expected.length !== takes.length || expected.some((d, i) => takes[i] !== null && takes[i] !== d))) {
    model.dispose();
    throw new Error(`${name} takes inputs of shape ${describeShape(takes)}, not ${describeShape(expected)}`);
  }
  return { model, info };
}

/** Models saved in this browser (IndexedDB), by name. */
export async function listModels(): Promise<{ name: string; savedAt: string; bytes: number }[]> {
  const models = await tf.io.listModels();
  return Object.entries(models)
    .filter(([url]) => url.startsWith('indexeddb://'))
    .map(([url, info]) => ({
      name: url.startsWith('indexeddb://lab/') ? `lab://${url.slice('indexeddb://lab/'.length)}` : url.slice('indexeddb://'.length),
      savedAt: info.dateSaved.toISOString(),
      bytes: (info.weightDataBytes ?? 0) + (info.modelTopologyBytes ?? 0),
    }));
}

export async function deleteModel(name: string): Promise<void> {
  await tf.io.removeModel(name.startsWith('lab://') ? `indexeddb://lab/${name.slice('lab://'.length)}` : `indexeddb://${name}`);
}

/** A model from files the learner picked (model.json and its weights). */
export function modelFromFiles(files: File[]): tf.io.IOHandler {
  const json = files.find((file) => file.name.endsWith('.json'));
  if (!json) throw new Error('pick the model.json file and its weights file (.bin) together');
  return tf.io.browserFiles([json, ...files.filter((file) => file !== json)]);
}

/** A model the lab ships (see models/README.md), e.g. "shapes-features". */
export function loadShippedModel(name: string, options: LoadOptions = {}): Promise<{ model: tf.LayersModel; info: LabModelInfo }> {
  const source = shippedModelSource(name);
  return loadModel(source, options).then(
    (loaded) => loaded,
    (error: Error) => {
      throw new Error(`shipped model "${name}": ${error.message}`);
    },
  );
}

/**
 * Where models are saved and loaded: `lab://NAME` ("this learner's own models": IndexedDB in the
 * page, a folder headless, so the same lesson code works in both), the browser's own schemes, and
 * folder paths (headless only). The host's environment says how (environment.ts).
 */
import type * as tf from '@tensorflow/tfjs';
import { labEnvironment } from '../environment.ts';

export function handlerFor(target: string): string | tf.io.IOHandler {
  if (target.startsWith('lab://')) {
    const name = target.slice('lab://'.length);
    if (!/^[\w.-]+$/.test(name)) throw new Error(`"${target}": a model name uses letters, digits, ".", "_" and "-" only`);
    const localModel = labEnvironment().localModel;
    if (!localModel) throw new Error(`"${target}": no local model store is set up in this host`);
    return localModel(name);
  }
  if (/^(indexeddb|localstorage|downloads|https?):\/\//.test(target)) return target;
  const folder = labEnvironment().folder;
  if (!folder) {
    throw new Error(`cannot save or load "${target}" here: in the page use indexeddb://NAME (this browser) or downloads://NAME (files)`);
  }
  return folder(target);
}

/** Models the lab ships in models/, each trained by a script in scripts/. */
export const SHIPPED_MODELS = ['shapes-features'] as const;

export function shippedModelSource(name: string): string | tf.io.IOHandler {
  if (!(SHIPPED_MODELS as readonly string[]).includes(name)) {
    throw new Error(`unknown shipped model "${name}"; the lab ships: ${SHIPPED_MODELS.join(', ')}`);
  }
  const shippedModel = labEnvironment().shippedModel;
  if (!shippedModel) throw new Error(`shipped model "${name}": no model location is set up in this host`);
  return shippedModel(name);
}

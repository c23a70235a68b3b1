/**
 * Saving to and loading from a folder is possible headless only; the Node host registers the
 * handler (src/cli/folder-handler.ts), so that the page bundle never includes the file system.
 */
import type * as tf from '@tensorflow/tfjs';

type FolderHandler = (folder: string) => tf.io.IOHandler;

let folderHandler: FolderHandler | undefined;

export function setFolderHandler(handler: FolderHandler): void {
  folderHandler = handler;
}

type LocalStore = (name: string) => string | tf.io.IOHandler;
let localStore: LocalStore | undefined;

/**
 * `lab://NAME` is "this learner's own models": IndexedDB in the page, a folder headless. The
 * same lesson code then saves and loads in both.
 */
export function setLocalModelStore(store: LocalStore): void {
  localStore = store;
}

export function handlerFor(target: string): string | tf.io.IOHandler {
  if (target.startsWith('lab://')) {
    const name = target.slice('lab://'.length);
    if (!/^[\w.-]+$/.test(name)) throw new Error(`"${target}": a model name uses letters, digits, ".", "_" and "-" only`);
    if (!localStore) throw new Error(`"${target}": no local model store is set up in this host`);
    return localStore(name);
  }
  if (/^(indexeddb|localstorage|downloads|https?):\/\//.test(target)) return target;
  if (!folderHandler) {
    throw new Error(`cannot save or load "${target}" here: in the page use indexeddb://NAME (this browser) or downloads://NAME (files)`);
  }
  return folderHandler(target);
}

/** Models the lab ships in models/, each trained by a script in scripts/. */
export const SHIPPED_MODELS = ['shapes-features'] as const;

type ShippedLocator = (name: string) => string | tf.io.IOHandler;
let shippedLocator: ShippedLocator | undefined;

/** The host says where shipped models live: the site's /models/ or the repository folder. */
export function setShippedModels(locate: ShippedLocator): void {
  shippedLocator = locate;
}

export function shippedModelSource(name: string): string | tf.io.IOHandler {
  if (!(SHIPPED_MODELS as readonly string[]).includes(name)) {
    throw new Error(`unknown shipped model "${name}"; the lab ships: ${SHIPPED_MODELS.join(', ')}`);
  }
  if (!shippedLocator) throw new Error(`shipped model "${name}": no model location is set up in this host`);
  return shippedLocator(name);
}

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

export function handlerFor(target: string): string | tf.io.IOHandler {
  if (/^(indexeddb|localstorage|downloads|https?):\/\//.test(target)) return target;
  if (!folderHandler) {
    throw new Error(`cannot save or load "${target}" here: in the page use indexeddb://NAME (this browser) or downloads://NAME (files)`);
  }
  return folderHandler(target);
}

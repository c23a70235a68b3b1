/** Where a page keeps the learner's drawing collections (drawingCollection): IndexedDB, one entry per collection. */
import { createStore, get, set } from 'idb-keyval';
import type { CollectionStore, StoredDrawing } from '../lab/environment.ts';

let store: ReturnType<typeof createStore> | undefined;
const db = () => (store ??= createStore('lab-collections', 'drawings'));

export const browserCollections: CollectionStore = {
  async load(name) {
    const saved = await get<unknown>(name, db());
    return Array.isArray(saved) ? (saved as StoredDrawing[]) : [];
  },
  async save(name, drawings) {
    await set(name, drawings, db());
  },
};

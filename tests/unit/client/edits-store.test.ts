/** The one owner of the learner's code, in Node: restored, saved, reset, and told to its listeners. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createEditsStore } from '../../../src/client/edits-store.ts';
import { hashSource } from '../../../src/client/hash.ts';

/** localStorage as the browser has it, in memory. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, String(value));
  removeItem = (key: string) => void this.items.delete(key);
  clear = () => this.items.clear();
}
const storage = new MemoryStorage();
Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });

const cells = [
  { index: 0, source: 'const a = 1;', options: { id: 'a' } },
  { index: 1, source: 'a * 2', options: { id: 'double' } },
  { index: 2, source: 'display(a)', options: {} },
];
const saved = () => JSON.parse(storage.getItem('lab:edits:lesson') ?? '{}');

describe('the edits store', () => {
  beforeEach(() => storage.clear());

  it("starts from the author's code, saves an edit under the cell's id and tells its listeners", () => {
    const store = createEditsStore('lesson', cells);
    const heard: [number, string][] = [];
    store.subscribe((index, source) => heard.push([index, source]));
    expect(store.sources).toEqual(cells.map((cell) => cell.source));
    store.set(1, 'a * 3');
    expect(store.sources[1]).toBe('a * 3');
    expect(store.isEdited(1)).toBe(true);
    expect(heard).toEqual([[1, 'a * 3']]);
    expect(saved()['id:double']).toMatchObject({ source: 'a * 3', base: hashSource('a * 2') });
    store.set(2, 'display(a + 1)');
    expect(Object.keys(saved())).toEqual(['id:double', 'cell:2']);
  });

  it('restores saved edits on the next page, and offers (never applies) one made on older code', () => {
    const first = createEditsStore('lesson', cells);
    first.set(1, 'a * 3');
    first.set(0, 'const a = 5;');
    const authorEdited = [{ ...cells[0]!, source: 'const a = 10;' }, cells[1]!, cells[2]!];
    const store = createEditsStore('lesson', authorEdited);
    expect(store.sources).toEqual(['const a = 10;', 'a * 3', 'display(a)']);
    expect(store.authorChanged).toEqual([{ index: 0, source: 'const a = 5;' }]);
    store.dismissSaved(0);
    expect(saved()['id:a']).toBeUndefined();
    expect(createEditsStore('lesson', authorEdited).authorChanged).toEqual([]);
  });

  it("resets one cell or all to the author's code, forgetting what was saved", () => {
    const store = createEditsStore('lesson', cells);
    const heard: number[] = [];
    store.subscribe((index) => heard.push(index));
    store.set(0, 'const a = 2;');
    store.set(1, 'a * 4');
    store.reset(0);
    expect(store.sources[0]).toBe('const a = 1;');
    expect(store.isEdited(0)).toBe(false);
    expect(Object.keys(saved())).toEqual(['id:double']);
    store.resetAll();
    expect(store.sources).toEqual(cells.map((cell) => cell.source));
    expect(storage.getItem('lab:edits:lesson')).toBeNull();
    expect(heard).toEqual([0, 1, 0, 0, 1, 2]);
  });

  it('moves edits saved by position to the id of the cell they were made on', () => {
    storage.setItem('lab:edits:lesson', JSON.stringify({ 'cell:0': { base: hashSource('a * 2'), source: 'a * 9', savedAt: 1 } }));
    const store = createEditsStore('lesson', cells);
    expect(store.sources[1]).toBe('a * 9');
    expect(Object.keys(saved())).toEqual(['id:double']);
  });

  it('keeps working when storage refuses to save', () => {
    const store = createEditsStore('lesson', cells);
    const setItem = storage.setItem;
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    try {
      store.set(1, 'a * 5');
      expect(store.sources[1]).toBe('a * 5');
    } finally {
      storage.setItem = setItem;
    }
  });
});

/**
 * Each cell's last outputs, kept per lesson in IndexedDB (idb-keyval), so a returning learner sees
 * what they ran last time. One JSON entry per lesson, capped in size: a cell whose outputs alone
 * are over the cell cap keeps a note instead, and the largest cells give way first when the
 * lesson is over its cap. Each cell's entry records the hash of the code that made it, so outputs
 * of code edited since are never shown as if current.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { OutputRecord } from './output-records.ts';

export const LESSON_CAP_BYTES = 3_000_000;
export const CELL_CAP_BYTES = 1_000_000;

export interface KeptCell {
  /** hashSource of the code that ran. */
  hash: string;
  status: 'done' | 'error' | 'stopped' | 'stale';
  ms?: number;
  outputs: OutputRecord[];
  savedAt: number;
}

export type KeptLesson = Record<string, KeptCell>;

let store: ReturnType<typeof createStore> | undefined;
const db = () => (store ??= createStore('lab-outputs', 'lessons'));

const STATUSES = new Set(['done', 'error', 'stopped', 'stale']);

export async function loadKeptOutputs(slug: string): Promise<KeptLesson> {
  try {
    const text = await get<string>(slug, db());
    if (typeof text !== 'string') return {};
    // Loaded only when there is something to show: it brings DOMPurify.
    const { fromStored } = await import('./output-records.ts');
    const parsed = JSON.parse(text) as Record<string, Partial<KeptCell>>;
    const lesson: KeptLesson = {};
    for (const [key, cell] of Object.entries(parsed)) {
      if (typeof cell?.hash !== 'string' || !STATUSES.has(cell.status as string) || !Array.isArray(cell.outputs)) continue;
      const outputs = cell.outputs.map(fromStored).filter((o): o is OutputRecord => o !== undefined);
      lesson[key] = {
        hash: cell.hash,
        status: cell.status!,
        ms: typeof cell.ms === 'number' ? cell.ms : undefined,
        outputs,
        savedAt: Number(cell.savedAt) || 0,
      };
    }
    return lesson;
  } catch {
    // No IndexedDB (a private window may refuse it), or an entry this version cannot read.
    return {};
  }
}

/** The lesson's entry as JSON within the caps (see the module comment). */
export function capLesson(lesson: KeptLesson): string {
  const sizes = new Map<string, number>();
  const capped: KeptLesson = {};
  for (const [key, cell] of Object.entries(lesson)) {
    const size = JSON.stringify(cell).length;
    if (size <= CELL_CAP_BYTES) {
      capped[key] = cell;
      sizes.set(key, size);
      continue;
    }
    const note = `Outputs too large to keep (${Math.round(size / 1000)} kB): run the cell to see them.`;
    capped[key] = { ...cell, outputs: [{ kind: 'text', stream: 'log', text: note }] };
    sizes.set(key, note.length + 100);
  }
  let total = [...sizes.values()].reduce((a, b) => a + b, 0);
  for (const [key, size] of [...sizes].sort((a, b) => b[1] - a[1])) {
    if (total <= LESSON_CAP_BYTES) break;
    delete capped[key];
    total -= size;
  }
  return JSON.stringify(capped);
}

export async function saveKeptOutputs(slug: string, lesson: KeptLesson): Promise<void> {
  try {
    if (Object.keys(lesson).length === 0) await del(slug, db());
    else await set(slug, capLesson(lesson), db());
  } catch {
    // Storage full or refused: outputs then last as long as the page, as before.
  }
}

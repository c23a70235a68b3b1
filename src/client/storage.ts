/**
 * The learner's edits, saved as they type (localStorage, one entry per lesson). Each edit records
 * a hash of the cell's original source: when the author later changes that cell, the old edit is
 * not applied silently; the page offers it next to the new version.
 */
import { hashSource } from './hash.ts';

export interface SavedEdit {
  /** Hash of the author's source the edit was made on. */
  base: string;
  source: string;
  savedAt: number;
}

export type EditState =
  | { kind: 'none' }
  | { kind: 'edited'; edit: SavedEdit }
  /** The author changed the cell after the learner edited it. */
  | { kind: 'author-changed'; edit: SavedEdit };

const keyOf = (slug: string) => `lab:edits:${slug}`;

export function cellKey(index: number, id?: string): string {
  return id ? `id:${id}` : `cell:${index}`;
}

/**
 * Edits saved under a cell's position (`cell:N`, before the cell had an id) move to the key of
 * the cell they were made on: the cell whose author's source they were made on (its hash is
 * `base`), at position N if several match; else the cell now at N, where the author-changed
 * notice offers the edit. Pure: the page reads and writes storage around it.
 */
export function migratePositionalEdits(
  edits: Record<string, SavedEdit>,
  cells: readonly { index: number; source: string; options: { id?: string } }[],
): Record<string, SavedEdit> {
  const out = { ...edits };
  for (const [key, edit] of Object.entries(edits)) {
    const position = /^cell:(\d+)$/.exec(key);
    if (!position) continue;
    const index = Number(position[1]);
    const made = cells.filter((cell) => cell.options.id && hashSource(cell.source) === edit.base);
    const target = made.find((cell) => cell.index === index) ?? made[0] ?? (cells[index]?.options.id ? cells[index] : undefined);
    if (!target) continue;
    const newKey = cellKey(target.index, target.options.id);
    if (newKey in out) continue; // an edit keyed by id already exists: it is newer
    out[newKey] = edit;
    delete out[key];
  }
  return out;
}

/** Applies migratePositionalEdits to a lesson's saved edits, once, when its page opens. */
export function migrateLessonEdits(slug: string, cells: Parameters<typeof migratePositionalEdits>[1]): void {
  const edits = readAll(slug);
  if (!Object.keys(edits).some((key) => key.startsWith('cell:'))) return;
  writeAll(slug, migratePositionalEdits(edits, cells));
}

function readAll(slug: string): Record<string, SavedEdit> {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(slug)) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, SavedEdit>) : {};
  } catch {
    return {}; // a corrupt entry must not break the page; the next save rewrites it
  }
}

function writeAll(slug: string, edits: Record<string, SavedEdit>): void {
  try {
    if (Object.keys(edits).length === 0) localStorage.removeItem(keyOf(slug));
    else localStorage.setItem(keyOf(slug), JSON.stringify(edits));
  } catch {
    // Storage full or disabled (private mode): edits then live only as long as the page.
  }
}

export function editState(slug: string, key: string, original: string): EditState {
  const edit = readAll(slug)[key];
  if (!edit || typeof edit.source !== 'string') return { kind: 'none' };
  return edit.base === hashSource(original) ? { kind: 'edited', edit } : { kind: 'author-changed', edit };
}

/** Saves `source` as the learner's version of the cell; the original itself clears the edit. */
export function saveEdit(slug: string, key: string, original: string, source: string): void {
  const edits = readAll(slug);
  if (source === original) delete edits[key];
  else edits[key] = { base: hashSource(original), source, savedAt: Date.now() };
  writeAll(slug, edits);
}

export function clearEdit(slug: string, key: string): void {
  const edits = readAll(slug);
  delete edits[key];
  writeAll(slug, edits);
}

export function clearLesson(slug: string): void {
  writeAll(slug, {});
}

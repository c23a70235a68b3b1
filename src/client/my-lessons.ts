/**
 * "My lessons": lessons the learner opened into their lab (from /open/) or copied from one of the
 * lab's own (Edit lesson source), kept in this browser. Each has an id; its slug, `mine-ID`, keys
 * its edits, outputs and progress like any lesson's, and no lesson of the lab may take a slug that
 * starts with `mine-` (site/lessons.ts refuses it), so the two never share storage.
 *
 * Storage: `lab:my-lessons` lists them, `lab:my-lesson:ID` holds each one's Markdown, and
 * `lab:my-lesson-draft:ID` a source being edited and not yet saved.
 */
import { hashSource } from './hash.ts';

export const MY_SLUG_PREFIX = 'mine-';
export const MY_LESSONS_KEY = 'lab:my-lessons';
const LIST_KEY = MY_LESSONS_KEY;
const sourceKey = (id: string) => `lab:my-lesson:${id}`;
const draftKey = (id: string) => `lab:my-lesson-draft:${id}`;

export interface MyLessonEntry {
  id: string;
  title: string;
  /** The file name it came as (shown, and used when it is downloaded again). */
  file: string;
  /** Where it came from, in words: "a shared link", "the file x.md", "a copy of lesson 05". */
  from: string;
  added: string;
  updated: string;
  /** hashSource of the Markdown, to find a lesson already opened. */
  hash: string;
}

export const mySlug = (id: string) => `${MY_SLUG_PREFIX}${id}`;
export const isMySlug = (slug: string) => slug.startsWith(MY_SLUG_PREFIX);

/** What a full or blocked browser storage says, in the learner's words. */
export class MyLessonsStorageError extends Error {
  constructor(what: string) {
    super(`${what}: this browser refused to store it (storage is full or blocked). Nothing was changed.`);
    this.name = 'MyLessonsStorageError';
  }
}

const isEntry = (value: unknown): value is MyLessonEntry =>
  !!value &&
  typeof value === 'object' &&
  ['id', 'title', 'file', 'from', 'added', 'updated', 'hash'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string') &&
  /^[a-z0-9]{1,32}$/.test((value as MyLessonEntry).id);

/** The learner's lessons, newest change first; anything unreadable in storage is left out, never thrown. */
export function listMyLessons(): MyLessonEntry[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(LIST_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter(isEntry).sort((a, b) => b.updated.localeCompare(a.updated)) : [];
  } catch {
    return [];
  }
}

function writeList(entries: MyLessonEntry[], what: string): void {
  try {
    localStorage.setItem(LIST_KEY, JSON.stringify(entries));
  } catch {
    throw new MyLessonsStorageError(what);
  }
}

export function readMyLesson(id: string): { entry: MyLessonEntry; text: string } | undefined {
  const entry = listMyLessons().find((e) => e.id === id);
  const text = entry && localStorage.getItem(sourceKey(id));
  return entry && typeof text === 'string' ? { entry, text } : undefined;
}

/** The lesson already kept with exactly this Markdown, if any (opening a link twice keeps one copy). */
export function findMyLesson(text: string): MyLessonEntry | undefined {
  const hash = hashSource(text);
  return listMyLessons().find((entry) => entry.hash === hash && localStorage.getItem(sourceKey(entry.id)) === text);
}

function newId(taken: ReadonlySet<string>): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    const id = [...bytes].map((b) => (b % 36).toString(36)).join('');
    if (!taken.has(id)) return id;
  }
}

/** Keeps a lesson as one of the learner's own; returns its entry. Throws MyLessonsStorageError when the browser refuses. */
export function addMyLesson(lesson: { text: string; title: string; file: string; from: string }): MyLessonEntry {
  const entries = listMyLessons();
  const now = new Date().toISOString();
  const entry: MyLessonEntry = {
    id: newId(new Set(entries.map((e) => e.id))),
    title: lesson.title,
    file: lesson.file,
    from: lesson.from,
    added: now,
    updated: now,
    hash: hashSource(lesson.text),
  };
  try {
    localStorage.setItem(sourceKey(entry.id), lesson.text);
  } catch {
    throw new MyLessonsStorageError(`“${lesson.title}” was not added to your lessons`);
  }
  try {
    writeList([entry, ...entries], `“${lesson.title}” was not added to your lessons`);
  } catch (error) {
    localStorage.removeItem(sourceKey(entry.id));
    throw error;
  }
  return entry;
}

/** Replaces a lesson's Markdown (its source was edited and parses); its draft is done with. */
export function saveMyLesson(id: string, text: string, title: string): void {
  const entries = listMyLessons();
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error('this lesson is no longer in your lessons (removed in another tab?)');
  const before = localStorage.getItem(sourceKey(id));
  try {
    localStorage.setItem(sourceKey(id), text);
  } catch {
    throw new MyLessonsStorageError('Your changes were not saved');
  }
  Object.assign(entry, { title, updated: new Date().toISOString(), hash: hashSource(text) });
  try {
    writeList(entries, 'Your changes were not saved');
  } catch (error) {
    if (before !== null) localStorage.setItem(sourceKey(id), before);
    throw error;
  }
  clearDraft(id);
}

export function readDraft(id: string): { text: string; at: string } | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(draftKey(id)) ?? 'null') as { text?: unknown; at?: unknown } | null;
    return draft && typeof draft.text === 'string' && typeof draft.at === 'string' ? { text: draft.text, at: draft.at } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a source being edited, so a reload or a crash loses none of it. False when storage refused. */
export function saveDraft(id: string, text: string): boolean {
  try {
    localStorage.setItem(draftKey(id), JSON.stringify({ text, at: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(id: string): void {
  localStorage.removeItem(draftKey(id));
}

/**
 * Forgets a lesson: its Markdown, draft and entry here; the caller clears what is keyed by its slug
 * elsewhere (edits, outputs, progress): forgetMyLesson (my-lesson-forget.ts) does both.
 */
export function removeMyLesson(id: string): void {
  writeList(
    listMyLessons().filter((e) => e.id !== id),
    'The lesson was not removed',
  );
  localStorage.removeItem(sourceKey(id));
  clearDraft(id);
}

/** The learner's own lessons in storage, the Markdown of one shown with HTML off, and a source's problems placed at their line. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addMyLesson,
  findMyLesson,
  listMyLessons,
  MyLessonsStorageError,
  readDraft,
  readMyLesson,
  removeMyLesson,
  saveDraft,
  saveMyLesson,
} from '../../../src/client/my-lessons.ts';
import { ownLessonMarkdown } from '../../../src/client/own-lesson-markdown.ts';
import { checkLessonSource } from '../../../src/client/lesson-source-check.ts';

/** localStorage as the browser has it, in memory, optionally full. */
class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, String(value));
  };
  removeItem = (key: string) => void this.items.delete(key);
  clear = () => this.items.clear();
}
const storage = new MemoryStorage();
Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });

const LESSON = '---\ntitle: Mine\nstage: intro\nsummary: S\n---\n\n```ts id=a\n1 + 1\n```\n';
const add = (text = LESSON) => addMyLesson({ text, title: 'Mine', file: 'mine.md', from: 'a shared link' });

describe('my lessons in storage', () => {
  beforeEach(() => {
    storage.clear();
    storage.full = false;
  });

  it('keeps a lesson under an id of its own, finds it by its text, and saves a new version', () => {
    const entry = add();
    expect(entry.id).toMatch(/^[a-z0-9]{6}$/);
    expect(readMyLesson(entry.id)).toEqual({ entry, text: LESSON });
    expect(findMyLesson(LESSON)?.id).toBe(entry.id);
    expect(findMyLesson(`${LESSON}\nmore`)).toBeUndefined();
    const other = add(`${LESSON}\nmore`);
    expect(other.id).not.toBe(entry.id);
    expect(
      listMyLessons()
        .map((e) => e.id)
        .sort(),
    ).toEqual([entry.id, other.id].sort());

    saveDraft(entry.id, 'a draft');
    expect(readDraft(entry.id)?.text).toBe('a draft');
    saveMyLesson(entry.id, LESSON.replace('title: Mine', 'title: Renamed'), 'Renamed');
    expect(readMyLesson(entry.id)?.entry.title).toBe('Renamed');
    expect(readMyLesson(entry.id)?.text).toContain('title: Renamed');
    expect(readDraft(entry.id)).toBeUndefined(); // saved: the draft is done with
  });

  it('removes a lesson with its draft; other lessons and other keys stay', () => {
    const entry = add();
    const other = add(`${LESSON}\nmore`);
    storage.setItem('lab:edits:ui-basics', '{}');
    saveDraft(entry.id, 'x');
    removeMyLesson(entry.id);
    expect(readMyLesson(entry.id)).toBeUndefined();
    expect(readDraft(entry.id)).toBeUndefined();
    expect([...storage.items.keys()].filter((key) => key.includes(entry.id))).toEqual([]);
    expect(readMyLesson(other.id)?.text).toContain('more');
    expect(storage.getItem('lab:edits:ui-basics')).toBe('{}');
  });

  it('says so when the browser refuses, and changes nothing', () => {
    const entry = add();
    storage.full = true;
    expect(() => add('---\ntitle: Two\n---\n')).toThrow(MyLessonsStorageError);
    expect(() => add('---\ntitle: Two\n---\n')).toThrow(/was not added to your lessons: this browser refused to store it/);
    expect(() => saveMyLesson(entry.id, 'new', 'New')).toThrow(/Your changes were not saved/);
    expect(readMyLesson(entry.id)).toEqual({ entry, text: LESSON });
    expect(listMyLessons()).toHaveLength(1);
    expect(saveDraft(entry.id, 'x')).toBe(false);
  });

  it('reads past what it cannot use: a corrupt list, entries of the wrong shape', () => {
    storage.setItem('lab:my-lessons', '{not json');
    expect(listMyLessons()).toEqual([]);
    const entry = add();
    storage.setItem('lab:my-lessons', JSON.stringify([{ id: '../x', title: 1 }, ...JSON.parse(storage.getItem('lab:my-lessons')!)]));
    expect(listMyLessons().map((e) => e.id)).toEqual([entry.id]);
  });
});

describe("one's own lesson as HTML", () => {
  const render = (markdown: string) => ownLessonMarkdown('https://example.org/lab/lessons/').render(markdown);

  it('shows HTML as text and fetches no pictures', () => {
    const html = render('Some <b>bold</b> and <img src=x onerror=alert(1)> and ![a picture](https://tracker.example/p.png).');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toMatch(/<img|<b>/);
  });

  it('points links between lessons at the lab, leaves others, and refuses script links', () => {
    const html = render('[a](../training/) [b](../training/#loss) [c](https://other.example/x) [d](#here) [e](javascript:alert(1))');
    expect(html).toContain('href="/lab/lessons/training/"');
    expect(html).toContain('href="/lab/lessons/training/#loss"');
    expect(html).toContain('href="https://other.example/x"');
    expect(html).toContain('href="#here"');
    expect(html).not.toContain('href="javascript:');
  });

  it('gives headings ids unique across the lesson', () => {
    const markdown = ownLessonMarkdown('https://example.org/lab/lessons/');
    expect(markdown.render('## Data\n\ntext')).toContain('<h2 id="data">');
    expect(markdown.render('## Data')).toContain('<h2 id="data-2">');
    expect(markdown.headings.map((h) => h.id)).toEqual(['data', 'data-2']);
  });
});

describe("a lesson source's problems", () => {
  it('names the line and the problem, without the file, or gives the lesson', () => {
    const unclosed = `${LESSON}\nprose\n\n\`\`\`ts id=b\nnever closed\n`;
    expect(checkLessonSource(unclosed, 'mine.md')).toEqual({
      ok: false,
      line: 13,
      column: undefined,
      message: expect.stringMatching(/^the code fence opened here is never closed/),
    });
    const check = checkLessonSource(LESSON, 'mine.md');
    expect(check.ok && check.lesson.meta.title).toBe('Mine');
    const typo = checkLessonSource(LESSON.replace('summary: S', 'summary: S\nsumary: oops'), 'mine.md');
    expect(typo).toMatchObject({ ok: false, line: 5, message: expect.stringContaining('sumary') });
  });
});

/** Lessons survive the trip to Markdown and back: what "Download lesson" writes, the lab reads. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellsOf, type Lesson } from '../../../src/notebook/lesson.ts';
import { parseLesson } from '../../../src/notebook/parse.ts';
import { lessonToMarkdown } from '../../../src/notebook/serialize.ts';

/** What matters of a lesson, without line numbers (which move when prose is re-spaced). */
const shape = (lesson: Lesson) => ({
  meta: lesson.meta,
  blocks: lesson.blocks.map((b) =>
    b.kind === 'prose'
      ? { prose: b.markdown.trim() }
      : { index: b.index, options: b.options, source: b.source.trimEnd(), solution: b.solution?.source.trimEnd() },
  ),
});

describe('lessonToMarkdown', () => {
  it.each(readdirSync('lessons').filter((f) => f.endsWith('.md')))('lessons/%s round-trips', (name) => {
    const lesson = parseLesson(readFileSync(`lessons/${name}`, 'utf8'), `lessons/${name}`);
    const again = parseLesson(lessonToMarkdown(lesson), `lessons/${name}`);
    expect(shape(again)).toEqual(shape(lesson));
  });

  it("writes the learner's code in place of the author's, and keeps exercises with their solutions", () => {
    const text =
      '---\ntitle: T\nstage: intro\nsummary: S\n---\n\nSome prose.\n\n```ts exercise id=a\nconst x = 0;\n```\n\n```ts solution for=a\nconst x = 1;\n```\n\n```ts check for=a\ncheck(x === 1, "x is one");\n```\n';
    const lesson = parseLesson(text, 't.md');
    const edited = parseLesson(lessonToMarkdown(lesson, ['const x = 2; // mine', 'check(x === 1, "x is one");']), 't.md');
    const [exercise, checks] = cellsOf(edited);
    expect(exercise!.source).toBe('const x = 2; // mine');
    expect(exercise!.solution!.source).toBe('const x = 1;');
    expect(checks!.options).toMatchObject({ check: true, for: 'a' });
  });

  it('uses a longer fence when the code holds backticks', () => {
    const lesson = parseLesson('---\ntitle: T\nstage: intro\nsummary: S\n---\n\n```ts\nconst s = `a`;\n```\n', 't.md');
    const code = 'const md = "```ts\\nnot a cell\\n```";';
    const again = parseLesson(lessonToMarkdown(lesson, [code]), 't.md');
    expect(cellsOf(again)[0]!.source).toBe(code);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/notebook/parse.ts';
import { LessonError } from '../../../src/notebook/errors.ts';
import { cellsOf } from '../../../src/notebook/lesson.ts';

const fixture = (name: string) => `tests/fixtures/parse-errors/${name}.md`;

function parseError(name: string): LessonError {
  const file = fixture(name);
  try {
    parseLesson(readFileSync(file, 'utf8'), file);
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    return error as LessonError;
  }
  throw new Error(`${file} parsed without an error`);
}

describe('parseLesson', () => {
  it('splits prose and cells and keeps the Markdown line of each cell', () => {
    const text = [
      '---',
      'title: T',
      'stage: training',
      'summary: S',
      'minutes: 5',
      'seed: 7',
      '---', // 1-7
      '# Heading',
      '',
      '```ts id=first',
      'const a = 1;',
      'a',
      '```', // 8-13
      'Between, with a JS fence that is not a cell:',
      '',
      '```js',
      'not a cell',
      '```',
      '', // 14-19
      '```ts run=false',
      'while (true) {}',
      '```', // 20-22
      '```ts exercise id=ex',
      'let answer = 0;',
      '```', // 23-25
      '```ts solution for=ex',
      'let answer = 42;',
      '```', // 26-28
      '```ts check for=ex',
      'check(answer === 42, "the answer");',
      '```', // 29-31
      'The end.', // 32
    ].join('\n');
    const lesson = parseLesson(text, 'lessons/03-my-lesson.md');
    expect(lesson.slug).toBe('my-lesson');
    expect(lesson.meta).toMatchObject({ title: 'T', stage: 'training', minutes: 5, seed: 7, objectives: [], datasets: [] });
    const cells = cellsOf(lesson);
    expect(cells.map((c) => [c.index, c.line, c.source])).toEqual([
      [0, 11, 'const a = 1;\na'],
      [1, 21, 'while (true) {}'],
      [2, 24, 'let answer = 0;'],
      [3, 30, 'check(answer === 42, "the answer");'],
    ]);
    expect(cells[1]!.options.run).toBe(false);
    expect(cells[2]!.solution).toEqual({ source: 'let answer = 42;', line: 27 });
    const prose = lesson.blocks.filter((b) => b.kind === 'prose');
    expect(prose[0]).toMatchObject({ line: 8 });
    expect(prose.map((p) => p.kind === 'prose' && p.markdown).join('\n')).toContain('not a cell');
    expect(prose.at(-1)).toMatchObject({ markdown: 'The end.', line: 32 });
  });

  it('reads a file that starts with a UTF-8 byte-order mark', () => {
    const lesson = parseLesson('\uFEFF---\ntitle: T\nstage: intro\nsummary: S\n---\n\n```ts id=a\n1\n```\n', 'bom.md');
    expect(lesson.meta.title).toBe('T');
    expect(cellsOf(lesson)[0]!.line).toBe(8);
  });

  it('defaults the seed to 1', () => {
    const lesson = parseLesson('---\ntitle: T\nstage: intro\nsummary: S\n---\n', 'x.md');
    expect(lesson.meta.seed).toBe(1);
  });

  const cases: [string, number, RegExp][] = [
    ['unclosed-fence', 9, /never closed/],
    ['unknown-option', 11, /unknown cell option "hiden"/],
    ['missing-title', 1, /"title" is required/],
    ['unknown-stage', 3, /"stage"/],
    ['orphan-solution', 11, /solution for=two has no `ts exercise id=two` cell/],
    ['orphan-check', 7, /check for=nothing has no `ts exercise id=nothing` cell/],
    ['duplicate-id', 11, /cell id "a" is used twice \(first on line 7\)/],
    ['nested-cell', 9, /top level/],
    ['no-frontmatter', 1, /starts with frontmatter/],
    ['unknown-key', 4, /unknown frontmatter key "sumary"/],
    ['bad-yaml', 4, /not valid YAML/],
    ['bad-minutes', 5, /"minutes"/],
    ['yaml-alias-bomb', 2, /not valid YAML: Excessive alias count/],
  ];
  it.each(cases)('%s: names the file and line %i', (name, line, message) => {
    const error = parseError(name);
    expect(error.location).toEqual({ file: fixture(name), line });
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${fixture(name)}:${line}: `)).toBe(true);
  });
});

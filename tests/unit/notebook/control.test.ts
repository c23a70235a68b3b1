/** Control fences and check ids: what the parser accepts, and what it refuses with the file and line. */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/notebook/parse.ts';
import { LessonError } from '../../../src/notebook/errors.ts';
import { checkIdsIn, readCheckMessage } from '../../../src/notebook/check.ts';
import { flipLever } from '../../../src/notebook/control.ts';
import { FRONTMATTER } from '../../helpers/lesson.ts';

const fence = (info: string, body: string) => `\n\`\`\`${info}\n${body}\n\`\`\`\n`;
const LEVER = fence('ts id=fit', 'const rate = 0.3;\nconst epochs = 40;');
const CHECK = fence(
  'ts check id=fit-checks',
  'check(rate > 0.1, { id: "rate", pass: "fast", fail: "slow" });\ncheck(epochs > 10, { id: "epochs", pass: "long", fail: "short" });',
);
const control = (info: string, body: string) => fence(`control ${info}`, body);
const lessonWith = (...parts: string[]) => FRONTMATTER + parts.join('');

function problem(text: string): { message: string; line?: number } {
  try {
    parseLesson(text, 'lesson.md');
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    return { message: (error as LessonError).message, line: (error as LessonError).location.line };
  }
  throw new Error('parsed without an error');
}

/** The 1-based line in `text` where `needle` starts. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('control fences', () => {
  it('are read into lesson.controls with their lever cell, check cell and line, and stay out of the cells', () => {
    const text = lessonWith(
      LEVER,
      CHECK,
      control('cell=fit check=rate', 'lever: a learning rate far too small\nreplace:\nconst rate = 0.3;\nwith:\nconst rate = 0.0001;'),
      control('cell=fit check=epochs', 'replace:\nconst rate = 0.3;\nconst epochs = 40;\nwith:\nconst rate = 0.3;\nconst epochs = 1;'),
    );
    const lesson = parseLesson(text, 'lesson.md');
    expect(lesson.blocks.filter((b) => b.kind === 'cell')).toHaveLength(2);
    expect(lesson.controls).toEqual([
      {
        cell: 'fit',
        check: 'rate',
        lever: 'a learning rate far too small',
        replace: 'const rate = 0.3;',
        with: 'const rate = 0.0001;',
        line: lineOf(text, '```control cell=fit check=rate'),
        leverIndex: 0,
        checkIndex: 1,
      },
      {
        cell: 'fit',
        check: 'epochs',
        lever: '',
        replace: 'const rate = 0.3;\nconst epochs = 40;',
        with: 'const rate = 0.3;\nconst epochs = 1;',
        line: lineOf(text, '```control cell=fit check=epochs'),
        leverIndex: 0,
        checkIndex: 1,
      },
    ]);
    // The fence stays in the prose, as written: Download lesson and forks keep it.
    expect(lesson.blocks.some((b) => b.kind === 'prose' && b.markdown.includes('```control cell=fit check=rate'))).toBe(true);
  });

  it('refuse lever text that is missing or appears twice in the named cell, naming the fence line', () => {
    const missing = lessonWith(LEVER, CHECK, control('cell=fit check=rate', 'replace:\nconst rate = 0.5;\nwith:\nconst rate = 0;'));
    expect(problem(missing)).toEqual({
      message: expect.stringMatching(/lever text \("const rate = 0.5;"\) occurs nowhere in cell "fit"/),
      line: lineOf(missing, '```control'),
    });
    const twice = lessonWith(LEVER, CHECK, control('cell=fit check=rate', 'replace:\nconst\nwith:\nlet'));
    expect(problem(twice).message).toMatch(/occurs 2 times in cell "fit" \(line \d+\); it must occur exactly once/);
  });

  it('refuse a check or a cell that does not exist, and a check before its lever', () => {
    expect(problem(lessonWith(LEVER, CHECK, control('cell=fit check=nope', 'replace:\n0.3\nwith:\n0.1'))).message).toMatch(
      /control names check "nope", but no cell has a check\(\.\.\., \{ id: "nope"/,
    );
    expect(problem(lessonWith(LEVER, CHECK, control('cell=train check=rate', 'replace:\n0.3\nwith:\n0.1'))).message).toMatch(
      /control names cell "train", but no cell has id=train/,
    );
    expect(problem(lessonWith(CHECK, LEVER, control('cell=fit check=rate', 'replace:\n0.3\nwith:\n0.1'))).message).toMatch(
      /check "rate" \(line \d+\) comes before the lever cell "fit"/,
    );
  });

  it('refuse malformed fences: names missing, an unknown word, no replace: or with:, no change', () => {
    expect(problem(lessonWith(LEVER, CHECK, control('cell=fit', 'replace:\n0.3\nwith:\n0.1'))).message).toMatch(
      /needs cell=CELL_ID .* and check=CHECK_ID/,
    );
    expect(problem(lessonWith(LEVER, CHECK, control('cell=fit check=rate lever=x', 'replace:\n0.3\nwith:\n0.1'))).message).toMatch(
      /nothing else.*got "lever=x"/,
    );
    const noWith = lessonWith(LEVER, CHECK, control('cell=fit check=rate', 'replace:\n0.3'));
    expect(problem(noWith)).toEqual({ message: expect.stringMatching(/needs a "with:" line/), line: lineOf(noWith, 'replace:') });
    const stray = lessonWith(LEVER, CHECK, control('cell=fit check=rate', 'change 0.3\nreplace:\n0.3\nwith:\n0.1'));
    expect(problem(stray)).toEqual({
      message: expect.stringMatching(/expected "lever: WHAT IT DOES" or "replace:" here/),
      line: lineOf(stray, 'change 0.3'),
    });
    expect(problem(lessonWith(LEVER, CHECK, control('cell=fit check=rate', 'replace:\n0.3\nwith:\n0.3'))).message).toMatch(
      /changes nothing/,
    );
  });

  it('with staleControls: drop, a control whose lever text is gone is left out, not an error (a learner edited the cell)', () => {
    const text = lessonWith(LEVER, CHECK, control('cell=fit check=rate', 'replace:\nconst rate = 0.5;\nwith:\nconst rate = 0;'));
    expect(parseLesson(text, 'lesson.md', { staleControls: 'drop' }).controls).toEqual([]);
  });

  it('refuse two check calls with one id', () => {
    const text = lessonWith(LEVER, CHECK, fence('ts check id=more', 'check(true, { id: "rate", pass: "a", fail: "b" });'));
    expect(problem(text)).toEqual({
      message: expect.stringMatching(/check id "rate" is used twice \(first in the cell on line \d+\)/),
      line: lineOf(text, '```ts check id=more'),
    });
  });

  it('flipLever replaces the one occurrence', () => {
    expect(flipLever('a = 1;\nb = 1;', { replace: 'b = 1', with: 'b = 2' })).toBe('a = 1;\nb = 2;');
  });
});

describe('check messages and ids', () => {
  it('a message is a sentence or { id?, pass, fail }; anything else says what to write', () => {
    expect(readCheckMessage('same either way')).toEqual({ pass: 'same either way', fail: 'same either way' });
    expect(readCheckMessage({ id: 'a-1', pass: 'p', fail: 'f' })).toEqual({ id: 'a-1', pass: 'p', fail: 'f' });
    expect(() => readCheckMessage({ pass: 'p' })).toThrow(/message is a string or \{ id\?, pass, fail \}.*fail is undefined/);
    expect(() => readCheckMessage(42)).toThrow(/got number/);
    expect(() => readCheckMessage({ id: '1st', pass: 'p', fail: 'f' })).toThrow(/check id must start with a letter/);
  });

  it('finds the literal ids of check calls, past nested brackets, strings, templates and comments', () => {
    const source = [
      'check(a > (b[0] ?? 1), { id: "one", pass: `x ${f({ id: 2 })} )`, fail: "y)" });',
      'check(x, "no id"); const o = { id: "not-a-check" };',
      'model.check(z, { id: "a-method" });',
      'check(',
      '  Math.abs(k - 2) < 0.1, // id: "in-a-comment"',
      "  { id: 'two', pass: 'p', fail: 'f' },",
      ');',
    ].join('\n');
    expect(checkIdsIn(source)).toEqual(['one', 'two']);
  });
});

import { describe, expect, it } from 'vitest';
import { judgeAnswer, parseQuestion, type Question } from '../../../src/notebook/question.ts';
import { parseLesson } from '../../../src/notebook/parse.ts';
import { cellsOf } from '../../../src/notebook/lesson.ts';

const read = (content: string, info = 'question id=q') => parseQuestion(info, content);
const ok = (content: string) => {
  const question = read(content);
  if ('error' in question) throw new Error(question.error);
  return question;
};

describe('parseQuestion', () => {
  it('reads a multiple-choice question with its explanation', () => {
    const question = ok(
      'Which split picks the learning rate?\n- [ ] test\n- [x] validation\n- [ ] training\nexplain: the test set is for the end.\n',
    );
    expect(question).toEqual({
      id: 'q',
      kind: 'choice',
      prompt: 'Which split picks the learning rate?',
      choices: [
        { text: 'test', correct: false },
        { text: 'validation', correct: true },
        { text: 'training', correct: false },
      ],
      explain: 'the test set is for the end.',
    });
  });

  it('reads numbers with ±, +- and no tolerance, and open questions', () => {
    expect(ok('Chance level?\nanswer: 10 ± 1')).toMatchObject({ kind: 'number', answer: 10, tolerance: 1 });
    expect(ok('Chance level?\nanswer: 0.1 +- 0.02')).toMatchObject({ kind: 'number', answer: 0.1, tolerance: 0.02 });
    expect(ok('Exactly?\nanswer: -3')).toMatchObject({ kind: 'number', answer: -3, tolerance: 0 });
    expect(ok('What would you add\nto the validation set?')).toEqual({
      id: 'q',
      kind: 'open',
      prompt: 'What would you add\nto the validation set?',
    });
  });

  it('names what is wrong and on which line of the fence', () => {
    expect(read('Q?\nanswer: ten')).toEqual({ error: expect.stringContaining('answer must be a number'), line: 1 });
    expect(read('Q?\n- [ ] a\n- [ ] b')).toEqual({ error: expect.stringContaining('no choice is marked right'), line: 1 });
    expect(read('Q?\n- [x] only')).toMatchObject({ error: expect.stringContaining('at least two choices') });
    expect(read('Q?\n- [x] a\n- [ ] b\nanswer: 3')).toMatchObject({ error: expect.stringContaining('not both'), line: 3 });
    expect(read('Q?\nanswer: 3\nmore text')).toMatchObject({ error: expect.stringContaining('question text first'), line: 2 });
    expect(read('\n- [x] a\n- [ ] b')).toMatchObject({ error: expect.stringContaining('no text') });
    expect(read('Q?', 'question')).toMatchObject({ error: expect.stringContaining('needs an id'), line: -1 });
    expect(read('Q?', 'question id=q kind=x')).toMatchObject({ error: expect.stringContaining('unknown question option "kind"') });
  });
});

describe('judgeAnswer', () => {
  const choice = ok('Q?\n- [ ] a\n- [x] b\n- [ ] c');
  const many = ok('Q?\n- [x] a\n- [x] b\n- [ ] c');
  const number = ok('Q?\nanswer: 0.3 ± 0.02');
  it('marks choices right only when exactly the right ones are picked', () => {
    expect(judgeAnswer(choice, [1]).correct).toBe(true);
    expect(judgeAnswer(choice, [0]).correct).toBe(false);
    expect(judgeAnswer(choice, []).correct).toBeUndefined();
    expect(judgeAnswer(many, [0]).message).toMatch(/more than one/);
    expect(judgeAnswer(many, [0, 1]).correct).toBe(true);
  });
  it('accepts numbers within the tolerance, with a decimal comma or a %', () => {
    expect(judgeAnswer(number, '0.31').correct).toBe(true);
    expect(judgeAnswer(number, '0,29').correct).toBe(true);
    expect(judgeAnswer(number, '0.33').correct).toBe(false);
    expect(judgeAnswer(number, 'about 0.3')).toMatchObject({ correct: false, message: expect.stringContaining('not a number') });
    const percent = ok('Q?\nanswer: 63 ± 2') as Question;
    expect(judgeAnswer(percent, '62%').correct).toBe(true);
  });
  it('never judges an open question', () => {
    expect(judgeAnswer(ok('Why?'), 'because').correct).toBeUndefined();
  });
});

describe('hints and questions in a lesson', () => {
  const lesson = (body: string) => parseLesson(['---', 'title: T', 'stage: training', 'summary: S', '---', body].join('\n'), 'x.md');
  const exercise = '```ts exercise id=ex\nlet a = 0;\n```\n\n```hint for=ex\nFirst.\n```\n\n```hint for=ex\nSecond.\n```\n';
  it('attaches hints to their exercise in order and lists the questions', () => {
    const parsed = lesson(`${exercise}\n\`\`\`question id=one\nQ?\nanswer: 1\n\`\`\`\n`);
    expect(cellsOf(parsed)[0]!.hints).toEqual(['First.', 'Second.']);
    expect(parsed.questions.map((q) => q.id)).toEqual(['one']);
  });
  it('refuses a hint for a missing exercise, a bad question and a repeated id, with the file line', () => {
    expect(() => lesson('```hint for=nope\nx\n```')).toThrow(/x\.md:6: hint for=nope has no `ts exercise id=nope` cell/);
    expect(() => lesson('```hint\nx\n```')).toThrow(/x\.md:6: a hint names its exercise/);
    expect(() => lesson('```question id=a\nQ?\nanswer: x\n```')).toThrow(/x\.md:8: answer must be a number/);
    expect(() => lesson('```question id=a\nQ?\n```\n\n```question id=a\nR?\n```')).toThrow(
      /x\.md:10: question id "a" is used twice \(first on line 6\)/,
    );
  });
});

/**
 * End-of-lesson questions, written as ```question id=X fences in the prose. One format, read here
 * for validation (parse.ts), rendering (the site's Markdown) and judging (the page):
 *
 *   Prompt, Markdown, one or more lines.
 *   - [ ] a wrong choice            (multiple choice: 2+ lines, at least one [x])
 *   - [x] a right choice
 *   answer: 10 ± 1                  (a number, optionally with a tolerance; `+-` works too)
 *   explain: shown once an answer was checked.
 *
 * A question with neither choices nor an answer is open: the learner's text is saved with their
 * progress, and nothing judges it.
 */
export interface Choice {
  text: string;
  correct: boolean;
}

export type Question =
  | { id: string; kind: 'choice'; prompt: string; choices: Choice[]; explain?: string }
  | { id: string; kind: 'number'; prompt: string; answer: number; tolerance: number; explain?: string }
  | { id: string; kind: 'open'; prompt: string; explain?: string };

/** A problem with a question fence; `line` is 0-based within the fence's content (-1: the info string). */
export interface QuestionProblem {
  error: string;
  line: number;
}

const ID_PATTERN = /^[A-Za-z][\w-]*$/;
const CHOICE = /^\s*[-*]\s+\[( |x|X)\]\s+(.*)$/;
const ANSWER = /^\s*answer:\s*(.*)$/i;
const EXPLAIN = /^\s*explain:\s*(.*)$/i;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Reads `question id=X` and the fence's content. */
export function parseQuestion(info: string, content: string): Question | QuestionProblem {
  const words = info.trim().split(/\s+/).slice(1);
  let id: string | undefined;
  for (const word of words) {
    const [name, value] = word.split('=', 2);
    if (name !== 'id') return { error: `unknown question option "${name}"; a question takes only id=NAME`, line: -1 };
    if (!value || !ID_PATTERN.test(value))
      return { error: `id must start with a letter and use letters, digits, _ or - (got "${value ?? ''}")`, line: -1 };
    id = value;
  }
  if (!id) return { error: 'a question needs an id, so its answer can be saved: write ```question id=NAME', line: -1 };

  const prompt: string[] = [];
  const choices: Choice[] = [];
  let answer: { value: number; tolerance: number } | undefined;
  let explain: string | undefined;
  const lines = content.replace(/\n$/, '').split('\n');
  for (const [i, line] of lines.entries()) {
    const choice = CHOICE.exec(line);
    const answerLine = ANSWER.exec(line);
    const explainLine = EXPLAIN.exec(line);
    if (choice) {
      if (answer) return { error: 'a question has either choices or an `answer:` line, not both', line: i };
      choices.push({ text: choice[2]!.trim(), correct: choice[1] !== ' ' });
    } else if (answerLine) {
      if (choices.length) return { error: 'a question has either choices or an `answer:` line, not both', line: i };
      if (answer) return { error: 'a question has one `answer:` line', line: i };
      const read = readAnswer(answerLine[1]!.trim());
      if ('error' in read) return { error: read.error, line: i };
      answer = read;
    } else if (explainLine) {
      explain = explainLine[1]!.trim();
    } else if (choices.length || answer || explain !== undefined) {
      if (line.trim()) return { error: 'after the choices or the answer only `explain:` may follow; put the question text first', line: i };
    } else {
      prompt.push(line);
    }
  }
  const text = prompt.join('\n').trim();
  if (!text) return { error: 'the question has no text: write the question on the first line', line: 0 };
  if (choices.length === 1)
    return { error: 'a multiple-choice question needs at least two choices', line: lines.findIndex((l) => CHOICE.test(l)) };
  if (choices.length > 1 && !choices.some((c) => c.correct)) {
    return { error: 'no choice is marked right: write - [x] before the right one', line: lines.findIndex((l) => CHOICE.test(l)) };
  }
  if (choices.length) return { id, kind: 'choice', prompt: text, choices, explain };
  if (answer) return { id, kind: 'number', prompt: text, answer: answer.value, tolerance: answer.tolerance, explain };
  return { id, kind: 'open', prompt: text, explain };
}

function readAnswer(raw: string): { value: number; tolerance: number } | { error: string } {
  const [value, tolerance = '0', extra] = raw.split(/\s*(?:±|\+-|\+\/-)\s*/);
  if (extra !== undefined || !NUMBER.test(value ?? '') || !NUMBER.test(tolerance)) {
    return { error: `answer must be a number with an optional tolerance, like "answer: 0.85 ± 0.02" (got "${raw}")` };
  }
  return { value: Number(value), tolerance: Math.abs(Number(tolerance)) };
}

export const isQuestionProblem = (read: Question | QuestionProblem): read is QuestionProblem => 'error' in read;

export interface Verdict {
  /** undefined for open questions: nothing to judge. */
  correct?: boolean;
  message: string;
}

/**
 * Judges a learner's answer: the indices they picked for a choice question, their text for the
 * others. Numbers accept a decimal comma and a trailing % (people type "63%" or "0,5").
 */
export function judgeAnswer(question: Question, given: string | number[]): Verdict {
  switch (question.kind) {
    case 'choice': {
      const picked = new Set(Array.isArray(given) ? given : []);
      if (picked.size === 0) return { message: 'Pick an answer first.' };
      const right = question.choices.every((choice, i) => choice.correct === picked.has(i));
      const many = question.choices.filter((c) => c.correct).length > 1;
      return right
        ? { correct: true, message: 'Right.' }
        : {
            correct: false,
            message: many ? 'Not yet: more than one choice is right, and every right one must be picked.' : 'Not yet: try another choice.',
          };
    }
    case 'number': {
      const text = String(given).trim().replace(/%$/, '').replace(',', '.').trim();
      if (!text) return { message: 'Type a number first.' };
      if (!NUMBER.test(text))
        return { correct: false, message: `"${String(given).trim()}" is not a number: type digits, like 0.85 or 12.` };
      const off = Math.abs(Number(text) - question.answer);
      // A margin of rounding on top of the author's tolerance, so 0.1 + 0.2 does not miss 0.3.
      if (off <= question.tolerance + 1e-9 * Math.max(1, Math.abs(question.answer))) return { correct: true, message: 'Right.' };
      return { correct: false, message: 'Not yet: that is not it. Look back at what the cells measured.' };
    }
    case 'open':
      return { message: String(given).trim() ? 'Saved with your progress.' : 'Write your answer; it is saved with your progress.' };
  }
}

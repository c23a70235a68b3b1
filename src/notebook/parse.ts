/**
 * Markdown lesson → Lesson. Fences whose info string starts with the word `ts` are cells; every
 * other fence stays in the prose. Problems throw a LessonError naming the file and line.
 */
import MarkdownIt from 'markdown-it';
import { LessonError } from './errors.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { parseInfoString } from './options.ts';
import { isQuestionProblem, parseQuestion, type Question } from './question.ts';
import { isControlProblem, linkControl, readControl, type Control } from './control.ts';
import { checkIdsIn } from './check.ts';
import { slugOf, type Block, type CellBlock, type CodeSource, type Lesson } from './lesson.ts';

const markdown = new MarkdownIt();

interface Fence {
  info: string;
  content: string;
  /** 0-based line of the opening fence within the body. */
  open: number;
  /** 0-based line after the block (after the closing fence when there is one). */
  end: number;
  closed: boolean;
  nested: boolean;
}

function fencesOf(body: string): Fence[] {
  const lines = body.split('\n');
  return markdown
    .parse(body, {})
    .filter((token) => token.type === 'fence' && token.map)
    .map((token) => {
      const [open, end] = token.map!;
      const last = lines[end - 1] ?? '';
      const marker = token.markup[0]!;
      const closing = new RegExp(`^\\s{0,3}\\${marker}{${token.markup.length},}\\s*$`);
      const closed = end - 1 > open && closing.test(last);
      return { info: token.info, content: token.content, open, end, closed, nested: token.level > 0 };
    });
}

const firstWord = (info: string) => info.trim().split(/\s+/)[0];
const isCellInfo = (info: string) => firstWord(info) === 'ts';

/** `hint for=X`: the exercise it belongs to, or an error. */
function hintTarget(info: string): { forId: string } | { error: string } {
  const words = info.trim().split(/\s+/).slice(1);
  const target = words.length === 1 && /^for=([A-Za-z][\w-]*)$/.exec(words[0]!);
  return target ? { forId: target[1]! } : { error: 'a hint names its exercise and nothing else: write ```hint for=NAME' };
}

export interface ParseOptions {
  /**
   * `error` (the default): a control whose lever text or check is not in the lesson is a
   * LessonError. `drop`: such a control is left out of `lesson.controls` (it stays in the prose):
   * for files from elsewhere, a learner's download whose lever cell they edited.
   */
  staleControls?: 'error' | 'drop';
}

export function parseLesson(text: string, file: string, options: ParseOptions = {}): Lesson {
  const { meta, body, bodyLine } = splitFrontmatter(text, file);
  const lines = body.split('\n');
  const blocks: Block[] = [];
  const solutions: { forId: string; code: CodeSource; line: number }[] = [];
  const hints: { forId: string; markdown: string; line: number }[] = [];
  const questions: Question[] = [];
  const questionLines = new Map<string, number>();
  const controls: { read: Omit<Control, 'line' | 'leverIndex' | 'checkIndex'>; line: number }[] = [];
  let proseStart = 0;
  let index = 0;

  const pushProse = (from: number, to: number) => {
    const text = lines.slice(from, to).join('\n');
    if (text.trim()) blocks.push({ kind: 'prose', markdown: text, line: bodyLine + from });
  };

  for (const fence of fencesOf(body)) {
    const fenceLine = bodyLine + fence.open;
    if (!fence.closed) {
      throw new LessonError(`the code fence opened here is never closed; end it with a line of ${'```'}`, { file, line: fenceLine });
    }
    if (firstWord(fence.info) === 'hint') {
      const target = hintTarget(fence.info);
      if ('error' in target) throw new LessonError(target.error, { file, line: fenceLine });
      if (!fence.content.trim()) throw new LessonError(`the hint for ${target.forId} is empty`, { file, line: fenceLine });
      hints.push({ forId: target.forId, markdown: fence.content.replace(/\n$/, ''), line: fenceLine });
      continue;
    }
    if (firstWord(fence.info) === 'question') {
      const read = parseQuestion(fence.info, fence.content);
      if (isQuestionProblem(read)) throw new LessonError(read.error, { file, line: fenceLine + 1 + read.line });
      const first = questionLines.get(read.id);
      if (first !== undefined)
        throw new LessonError(`question id "${read.id}" is used twice (first on line ${first})`, { file, line: fenceLine });
      questionLines.set(read.id, fenceLine);
      questions.push(read);
      continue;
    }
    if (firstWord(fence.info) === 'control') {
      const read = readControl(fence.info, fence.content);
      if (isControlProblem(read)) throw new LessonError(read.error, { file, line: fenceLine + 1 + read.line });
      controls.push({ read, line: fenceLine });
      continue;
    }
    if (!isCellInfo(fence.info)) continue;
    if (fence.nested) {
      throw new LessonError('a `ts` cell must stand at the top level of the lesson, not inside a list or a quote', {
        file,
        line: fenceLine,
      });
    }
    const parsed = parseInfoString(fence.info);
    if ('error' in parsed) throw new LessonError(parsed.error, { file, line: fenceLine });
    pushProse(proseStart, fence.open);
    proseStart = fence.end;
    const code: CodeSource = { source: fence.content.replace(/\n$/, ''), line: fenceLine + 1 };
    if (parsed.options.solution) {
      solutions.push({ forId: parsed.options.for!, code, line: fenceLine });
      continue;
    }
    blocks.push({ kind: 'cell', index: index++, options: parsed.options, ...code });
  }
  pushProse(proseStart, lines.length);
  linkCells(blocks, solutions, hints, file);
  const cells = blocks.filter((block): block is CellBlock => block.kind === 'cell');
  const linked: Control[] = [];
  for (const { read, line } of controls) {
    const control = linkControl(read, cells);
    if ('error' in control) {
      if (options.staleControls === 'drop') continue;
      throw new LessonError(control.error, { file, line });
    }
    linked.push({ ...control, line });
  }
  return { file, slug: slugOf(file), meta, blocks, questions, controls: linked };
}

/** Ids are unique; every solution, hint and `check for=X` names an exercise that exists. */
function linkCells(
  blocks: Block[],
  solutions: { forId: string; code: CodeSource; line: number }[],
  hints: { forId: string; markdown: string; line: number }[],
  file: string,
) {
  const cells = blocks.filter((block): block is CellBlock => block.kind === 'cell');
  const byId = new Map<string, CellBlock>();
  for (const cell of cells) {
    const id = cell.options.id;
    if (!id) continue;
    if (byId.has(id)) {
      throw new LessonError(`cell id "${id}" is used twice (first on line ${byId.get(id)!.line - 1})`, { file, line: cell.line - 1 });
    }
    byId.set(id, cell);
  }
  const exerciseNamed = (id: string, line: number, what: string) => {
    const target = byId.get(id);
    if (!target?.options.exercise) {
      throw new LessonError(`${what} for=${id} has no \`ts exercise id=${id}\` cell`, { file, line });
    }
    return target;
  };
  for (const cell of cells) {
    if (cell.options.check && cell.options.for) exerciseNamed(cell.options.for, cell.line - 1, 'check');
  }
  for (const solution of solutions) {
    const exercise = exerciseNamed(solution.forId, solution.line, 'solution');
    if (exercise.solution) throw new LessonError(`exercise "${solution.forId}" already has a solution`, { file, line: solution.line });
    exercise.solution = solution.code;
  }
  for (const hint of hints) {
    const exercise = exerciseNamed(hint.forId, hint.line, 'hint');
    (exercise.hints ??= []).push(hint.markdown);
  }
  // A control names a check by its id: one check per id in a lesson.
  const checkLines = new Map<string, number>();
  for (const cell of cells) {
    for (const id of checkIdsIn(cell.source)) {
      const first = checkLines.get(id);
      if (first !== undefined)
        throw new LessonError(`check id "${id}" is used twice (first in the cell on line ${first - 1})`, { file, line: cell.line - 1 });
      checkLines.set(id, cell.line);
    }
  }
}

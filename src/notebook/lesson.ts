/** The parsed form of a lesson file: what the author wrote, never what the runtime reports. */
import type { CellOptions } from './options.ts';
import type { LessonMeta } from './schema.ts';
import type { Question } from './question.ts';
import type { Control } from './control.ts';

/** A lesson's number as the course shows it, from its place in course order (0 → "00"). */
export const lessonNumber = (position: number) => String(position).padStart(2, '0');

export interface CodeSource {
  /** The TypeScript as written between the fences. */
  source: string;
  /** 1-based line in the Markdown file of the code's first line (the line after the fence). */
  line: number;
}

export interface ProseBlock {
  kind: 'prose';
  markdown: string;
  line: number;
}

export interface CellBlock extends CodeSource {
  kind: 'cell';
  /** Position among the lesson's cells, 0-based; solutions are not cells and get no index. */
  index: number;
  options: CellOptions;
  /** For an exercise: its solution, shown on request and run by headless runs. */
  solution?: CodeSource;
  /** For an exercise: its hints (Markdown, from ```hint for=X fences), revealed one at a time. */
  hints?: string[];
}

export type Block = ProseBlock | CellBlock;

export interface Lesson {
  file: string;
  /** File name without `NN-` and `.md`: the URL segment. */
  slug: string;
  meta: LessonMeta;
  blocks: Block[];
  /** The ```question fences in the prose, in order (they stay in the prose too, where they are shown). */
  questions: Question[];
  /** The ```control fences: each flips a lever in one cell and names the check that must then fail. */
  controls: Control[];
}

export function cellsOf(lesson: Lesson): CellBlock[] {
  return lesson.blocks.filter((block): block is CellBlock => block.kind === 'cell');
}

export function slugOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.md$/, '').replace(/^_/, '').replace(/^\d+-/, '');
}

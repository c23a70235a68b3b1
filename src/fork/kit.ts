/**
 * Everything a fork needs besides the lesson: versions, the template files and the lab's sources
 * (as text, at their paths in the project), and where the data files come from. The CLI reads it
 * from the repository (read-kit.ts); the page fetches it from the site (/fork-kit.json), so both
 * write the same project.
 */
import type { Lesson } from '../notebook/lesson.ts';
import { cellsOf } from '../notebook/lesson.ts';
import { generatedFiles, type ForkVersions } from './project.ts';

export interface ForkKit {
  versions: ForkVersions;
  indexHtml: string;
  /** Template and lab source files, at their paths in the project. */
  files: { path: string; text: string }[];
  /** Data files by dataset name (and "models" for the shipped models), as paths under the site/repo root. */
  data: Record<string, string[]>;
}

export interface ForkPlan {
  /** Text files to write, at their paths in the project. */
  files: { path: string; text: string }[];
  /** Binary or data files to copy: from a repo/site path to a project path. */
  copies: { from: string; to: string }[];
  cellCount: number;
}

export function planFork(lesson: Lesson, kit: ForkKit): ForkPlan {
  const generated = generatedFiles(lesson, kit.versions, kit.indexHtml);
  const copies: ForkPlan['copies'] = [];
  for (const name of lesson.meta.datasets) for (const from of kit.data[name] ?? []) copies.push({ from, to: `public/${from}` });
  if (cellsOf(lesson).some((cell) => /loadShippedModel/.test(cell.source))) {
    for (const from of kit.data.models ?? []) copies.push({ from, to: `public/${from}` });
  }
  return { files: [...generated.files, ...kit.files], copies, cellCount: generated.modules.length };
}

/**
 * The lesson as the learner has it: edited cells with their code. An edited exercise is the
 * learner's own answer, so it runs instead of the solution; an untouched one keeps its solution.
 */
export function withEdits(lesson: Lesson, sources: readonly string[]): Lesson {
  return {
    ...lesson,
    blocks: lesson.blocks.map((block) => {
      if (block.kind !== 'cell' || sources[block.index] === undefined || sources[block.index] === block.source) return block;
      const { solution: _solution, ...rest } = block;
      return { ...rest, source: sources[block.index]! };
    }),
  };
}

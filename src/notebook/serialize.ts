/**
 * A lesson back to Markdown: what "Download lesson" writes (with the learner's code in place of
 * the author's) and what "Open lesson file" reads back. Prose is kept as written; each cell's
 * info string is rebuilt from its options, and an exercise's solution follows it.
 */
import { stringify } from 'yaml';
import type { CellOptions } from './options.ts';
import type { Lesson } from './lesson.ts';

function infoString(options: CellOptions, role: 'cell' | 'solution' = 'cell'): string {
  if (role === 'solution') return `ts solution for=${options.id}`;
  const words = ['ts'];
  if (options.exercise) words.push('exercise');
  if (options.check) words.push('check');
  if (options.id) words.push(`id=${options.id}`);
  if (options.for) words.push(`for=${options.for}`);
  if (!options.run) words.push('run=false');
  if (options.hidden) words.push('hidden');
  if (options.app) words.push('app');
  if (options.guard !== undefined) words.push(`guard=${options.guard}`);
  return words.join(' ');
}

/** A fence long enough not to be closed by backticks inside the code. */
function fenceFor(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function block(info: string, code: string): string {
  const fence = fenceFor(code);
  return `${fence}${info}\n${code.replace(/\n+$/, '')}\n${fence}`;
}

/** `sources[i]` replaces cell i's code (the learner's edits); the author's code otherwise. */
export function lessonToMarkdown(lesson: Lesson, sources?: readonly string[]): string {
  const { meta } = lesson;
  const front: Record<string, unknown> = { title: meta.title, stage: meta.stage, summary: meta.summary };
  if (meta.minutes !== undefined) front.minutes = meta.minutes;
  if (meta.objectives.length) front.objectives = meta.objectives;
  if (meta.datasets.length) front.datasets = meta.datasets;
  front.seed = meta.seed;
  if (meta.backend) front.backend = meta.backend;
  const parts = [`---\n${stringify(front, { lineWidth: 0 }).trimEnd()}\n---`];
  for (const item of lesson.blocks) {
    if (item.kind === 'prose') {
      parts.push(item.markdown.replace(/^\n+|\n+$/g, ''));
      continue;
    }
    parts.push(block(infoString(item.options), sources?.[item.index] ?? item.source));
    if (item.solution) parts.push(block(infoString(item.options, 'solution'), item.solution.source));
  }
  return `${parts.join('\n\n')}\n`;
}

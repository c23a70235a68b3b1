/**
 * Maps error stacks from compiled cells back to the lesson file. Each compiled cell gets a
 * sourceURL `labcell-<uid>`; frames in it become `FILE:LINE:COL`, frames in libraries are dropped
 * (they say nothing a learner can act on).
 */
import type { SourceLocation } from './errors.ts';

export interface CellOrigin {
  file: string;
  /** Markdown line of the cell's first code line. */
  line: number;
  /** Lines of compiled source before the cell's first line. */
  headerLines: number;
}

const origins = new Map<number, CellOrigin>();
let nextUid = 1;

export function registerCellSource(origin: CellOrigin): string {
  const uid = nextUid++;
  origins.set(uid, origin);
  return `labcell-${uid}`;
}

export function forgetCellSource(sourceURL: string): void {
  origins.delete(Number(sourceURL.slice('labcell-'.length)));
}

const FRAME = /labcell-(\d+):(\d+):(\d+)/;

function frameLocation(match: RegExpExecArray): SourceLocation | undefined {
  const origin = origins.get(Number(match[1]));
  if (!origin) return undefined;
  const jsLine = Number(match[2]);
  return { file: origin.file, line: origin.line + jsLine - 1 - origin.headerLines, column: Number(match[3]) };
}

/** The innermost frame in cell code, and the cell frames as readable lines. */
export function locateStack(stack: string | undefined): { location?: SourceLocation; frames: string[] } {
  const frames: string[] = [];
  let location: SourceLocation | undefined;
  for (const line of (stack ?? '').split('\n')) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const at = frameLocation(match);
    if (!at) continue;
    location ??= at;
    const fn = /at (?:async )?([^\s(]+) \(/.exec(line)?.[1];
    const name = fn && fn !== 'eval' && fn !== 'anonymous' && !fn.startsWith('labcell') ? `${fn} ` : '';
    frames.push(`at ${name}${at.file}:${at.line}:${at.column}`);
  }
  return { location, frames };
}

/** Which cell (by its sourceURL uid) the current call stack runs in, if any. */
export function cellInStack(stack: string | undefined): string | undefined {
  const match = FRAME.exec(stack ?? '');
  return match ? `labcell-${match[1]}` : undefined;
}

/**
 * A claim's negative control, written in the lesson beside the check it controls:
 *
 *     ```control cell=train check=slope
 *     lever: a learning rate far too small
 *     replace:
 *     tf.train.sgd(0.3)
 *     with:
 *     tf.train.sgd(0.0001)
 *     ```
 *
 * Flip the lever (replace the text, once, in the named cell) and the named check must fail. The
 * fence is prose: pages show nothing of it, and every copy of the lesson keeps it as written.
 * Pure functions, no DOM: the parser reads fences with them and the runner applies them.
 */
import { checkIdsIn, CHECK_ID } from './check.ts';
import type { CellBlock } from './lesson.ts';

export interface Control {
  /** The cell whose code is changed, by id. */
  cell: string;
  /** The id of the check that must then fail. */
  check: string;
  /** What the change does, in words (for reports). */
  lever: string;
  replace: string;
  with: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Filled in when the lesson is linked: the lever cell's index and the index of the cell holding the check. */
  leverIndex: number;
  checkIndex: number;
}

export type ControlProblem = { error: string; line: number };

const KEYS = ['lever:', 'replace:', 'with:'] as const;

/**
 * Reads a fence's info string and body. `line` in a problem is 0-based within the body, or -1
 * for the info string.
 */
export function readControl(info: string, content: string): Omit<Control, 'line' | 'leverIndex' | 'checkIndex'> | ControlProblem {
  const words = info.trim().split(/\s+/).slice(1);
  const named: Record<string, string> = {};
  for (const word of words) {
    const match = /^(cell|check)=(.*)$/.exec(word);
    if (!match)
      return {
        error: `a control names its lever cell and its check and nothing else: write \`\`\`control cell=CELL_ID check=CHECK_ID (got "${word}")`,
        line: -1,
      };
    if (!CHECK_ID.test(match[2]!))
      return { error: `${match[1]}= must be an id (letters, digits, _ and -, starting with a letter; got "${match[2]}")`, line: -1 };
    named[match[1]!] = match[2]!;
  }
  if (!named.cell || !named.check)
    return { error: 'a control needs cell=CELL_ID (the lever) and check=CHECK_ID (the check that must fail)', line: -1 };

  const lines = content.replace(/\n$/, '').split('\n');
  const parts: Partial<Record<(typeof KEYS)[number], { at: number; text: string[] }>> = {};
  let current: { at: number; text: string[] } | undefined;
  for (const [at, line] of lines.entries()) {
    const bare = line.trimEnd();
    if (!current && !parts['lever:'] && line.startsWith('lever:')) {
      parts['lever:'] = { at, text: [line.slice('lever:'.length).trim()] };
    } else if (bare === 'replace:' && !parts['replace:']) {
      current = parts['replace:'] = { at, text: [] };
    } else if (bare === 'with:' && parts['replace:'] && !parts['with:']) {
      current = parts['with:'] = { at, text: [] };
    } else if (current) {
      current.text.push(line);
    } else {
      return { error: `expected "lever: WHAT IT DOES" or "replace:" here (line ${at + 1} of the control)`, line: at };
    }
  }
  if (!parts['replace:']) return { error: 'a control needs a "replace:" line followed by the text to change', line: 0 };
  if (!parts['with:']) return { error: 'a control needs a "with:" line followed by what the text becomes', line: parts['replace:'].at };
  const replace = parts['replace:'].text.join('\n');
  if (!replace.trim()) return { error: 'the text after "replace:" is empty: give the exact code to change', line: parts['replace:'].at };
  const replacement = parts['with:'].text.join('\n');
  if (replacement === replace) return { error: 'the control replaces the text with itself: it changes nothing', line: parts['with:'].at };
  return { cell: named.cell, check: named.check, lever: parts['lever:']?.text[0] ?? '', replace, with: replacement };
}

export const isControlProblem = (value: unknown): value is ControlProblem =>
  typeof value === 'object' && value !== null && 'error' in value;

/** How many times `text` occurs in `source` (overlaps not counted). */
function occurrences(source: string, text: string): number {
  return source.split(text).length - 1;
}

/**
 * Checks a control against the lesson's cells and fills in where it acts. Returns a problem
 * (with no line: the caller names the fence's) or the linked control.
 */
export function linkControl(
  control: Omit<Control, 'line' | 'leverIndex' | 'checkIndex'>,
  cells: CellBlock[],
): Omit<Control, 'line'> | { error: string } {
  const lever = cells.find((cell) => cell.options.id === control.cell);
  if (!lever) return { error: `control names cell "${control.cell}", but no cell has id=${control.cell}` };
  if (lever.options.exercise)
    return { error: `control's lever cell "${control.cell}" is an exercise; put the lever in a cell the exercise uses` };
  if (!lever.options.run) return { error: `control's lever cell "${control.cell}" is run=false, so no run reaches it` };
  const count = occurrences(lever.source, control.replace);
  if (count !== 1) {
    const first = control.replace.split('\n')[0]!;
    return {
      error: `the lever text ("${first.length > 60 ? `${first.slice(0, 57)}...` : first}"${control.replace.includes('\n') ? ', several lines' : ''}) occurs ${count === 0 ? 'nowhere' : `${count} times`} in cell "${control.cell}" (line ${lever.line}); it must occur exactly once`,
    };
  }
  const holders = cells.filter((cell) => checkIdsIn(cell.source).includes(control.check));
  if (holders.length === 0)
    return { error: `control names check "${control.check}", but no cell has a check(..., { id: "${control.check}", ... })` };
  const holder = holders[0]!;
  if (holder.index < lever.index)
    return {
      error: `check "${control.check}" (line ${holder.line}) comes before the lever cell "${control.cell}" (line ${lever.line}): flipping the lever cannot change it`,
    };
  if (!holder.options.run) return { error: `check "${control.check}" is in a run=false cell (line ${holder.line}), so no run reaches it` };
  return { ...control, leverIndex: lever.index, checkIndex: holder.index };
}

/** The lever cell's code with the lever flipped. */
export function flipLever(source: string, control: Pick<Control, 'replace' | 'with'>): string {
  const at = source.indexOf(control.replace);
  return source.slice(0, at) + control.with + source.slice(at + control.replace.length);
}

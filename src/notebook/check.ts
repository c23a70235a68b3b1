/**
 * `check(condition, message)`: the two forms a check's wording takes, and the ids a lesson's
 * checks carry.
 *
 * - `check(cond, "the slope is 2.01, close to 2")`: one sentence for pass and fail;
 * - `check(cond, { id: "slope", pass: "the slope is 2.01, close to 2", fail: "the slope is 0.3, far from 2" })`:
 *   wording for each outcome, and an id that a ```control fence can name; `margin` optionally says
 *   how far past its threshold the measurement is.
 */

export interface CheckWording {
  id?: string;
  pass: string;
  fail: string;
  /**
   * How far the measurement is past the check's threshold, in the check's own units (positive
   * when it holds): `accuracy - 0.9` for `accuracy > 0.9`. Optional; `--seeds` reports the worst.
   */
  margin?: number;
}

export type CheckMessage = string | CheckWording;

/** Letters, digits, _ and -, starting with a letter: the same rule as cell ids. */
export const CHECK_ID = /^[A-Za-z][\w-]*$/;

/** Reads check()'s second argument; a malformed one throws a TypeError that says what to write. */
export function readCheckMessage(message: unknown): CheckWording {
  if (typeof message === 'string') return { pass: message, fail: message };
  const shape = 'check(condition, message): message is a string or { id?, pass, fail } with pass and fail strings';
  if (!message || typeof message !== 'object') throw new TypeError(`${shape} (got ${message === null ? 'null' : typeof message})`);
  const { id, pass, fail, margin } = message as Record<string, unknown>;
  if (typeof pass !== 'string' || typeof fail !== 'string')
    throw new TypeError(`${shape} (pass is ${typeof pass}, fail is ${typeof fail})`);
  if (id !== undefined && (typeof id !== 'string' || !CHECK_ID.test(id))) {
    throw new TypeError(`check id must start with a letter and use letters, digits, _ or - (got ${JSON.stringify(id)})`);
  }
  if (margin !== undefined && (typeof margin !== 'number' || Number.isNaN(margin)))
    throw new TypeError(`check margin must be a number (got ${JSON.stringify(margin)})`);
  return { ...(id === undefined ? {} : { id }), pass, fail, ...(margin === undefined ? {} : { margin }) };
}

/**
 * The check ids written in a cell's code, in order: the `id: "..."` inside each `check(...)`
 * call, as the author wrote it (a literal, so the parser finds it without running the cell).
 */
export function checkIdsIn(source: string): string[] {
  const ids: string[] = [];
  for (const match of source.matchAll(/(?<![\w$.])check\s*\(/g)) {
    const args = argumentsText(source, match.index + match[0].length);
    const id = /(?:^|[{,\s])id\s*:\s*(["'`])([A-Za-z][\w-]*)\1/.exec(args);
    if (id) ids.push(id[2]!);
  }
  return ids;
}

/**
 * The text of a call's arguments, from just after its `(` to the matching `)`: brackets are
 * counted, strings, template literals and comments skipped. Enough for lesson code; a regular
 * expression literal holding a bracket could end it early, and then no id is found there.
 */
function argumentsText(source: string, from: number): string {
  let text = '';
  let depth = 0;
  let i = from;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const end = afterString(source, i);
      text += source.slice(i, end);
      i = end;
    } else if (c === '/' && (source[i + 1] === '/' || source[i + 1] === '*')) {
      const end = source[i + 1] === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2) + 2;
      i = end <= 1 ? source.length : end; // comments are left out of the text
    } else {
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return text;
        depth--;
      }
      text += c;
      i++;
    }
  }
  return text;
}

/** The index after the string or template literal that starts at `start` (with `${...}` inside). */
function afterString(source: string, start: number): number {
  const quote = source[start]!;
  let i = start + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (quote === '`' && c === '$' && source[i + 1] === '{') {
      let depth = 1;
      i += 2;
      while (i < source.length && depth > 0) {
        const d = source[i]!;
        if (d === '"' || d === "'" || d === '`') {
          i = afterString(source, i);
          continue;
        }
        if (d === '{') depth++;
        else if (d === '}') depth--;
        i++;
      }
    } else i++;
  }
  return i;
}

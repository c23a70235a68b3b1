/**
 * Errors that point at a place in a lesson file. Every message a learner or author sees about bad
 * input names the file and the 1-based line (and column when known), so an editor can jump there.
 */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

export function formatLocation(location: SourceLocation): string {
  return location.column === undefined ? `${location.file}:${location.line}` : `${location.file}:${location.line}:${location.column}`;
}

/** A problem in the lesson file itself: frontmatter, fences, cell options. */
export class LessonError extends Error {
  readonly location: SourceLocation;
  constructor(message: string, location: SourceLocation) {
    super(`${formatLocation(location)}: ${message}`);
    this.name = 'LessonError';
    this.location = location;
  }
}

/** A cell's code cannot be compiled (syntax error, unsupported statement, unknown module). */
export class CompileError extends Error {
  readonly location: SourceLocation;
  readonly reason: string;
  constructor(reason: string, location: SourceLocation) {
    super(`${formatLocation(location)}: ${reason}`);
    this.name = 'CompileError';
    this.location = location;
    this.reason = reason;
  }
}

/**
 * Thrown into a cell's code when the learner presses Stop, when the loop guard fires, or when the
 * kernel restarts. It is an Error so that `catch (e)` in lesson code sees a normal error, and it
 * carries why, so the kernel can explain how to write a loop that stops.
 */
export class StopError extends Error {
  readonly why: 'stop' | 'guard' | 'restart';
  constructor(why: 'stop' | 'guard' | 'restart', message: string) {
    super(message);
    this.name = 'StopError';
    this.why = why;
  }
}

/** `value instanceof type`, false where asking throws (a Proxy whose getPrototypeOf trap throws). */
export function isInstance<T>(value: unknown, type: abstract new (...args: never[]) => T): value is T {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

export interface Thrown {
  name: string;
  message: string;
  stack?: string;
}

/**
 * What a cell threw, read without ever throwing: lesson code can throw anything, including
 * `Object.create(null)` (no toString), an object whose `stack` getter throws, or a Proxy whose
 * traps throw. Formatting such a value must not leave the cell "running" forever.
 */
export function describeThrown(value: unknown): Thrown {
  const safely = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      return fallback;
    }
  };
  if (isInstance(value, Error)) {
    const error = value as Error;
    const name = safely(() => String(error.name), 'Error');
    const message = safely(() => String(error.message), '(a message that could not be read)');
    const stack = safely(() => (typeof error.stack === 'string' ? error.stack : undefined), undefined);
    return { name, message, ...(stack === undefined ? {} : { stack }) };
  }
  const text =
    safely(() => String(value), undefined) ?? safely(() => Object.prototype.toString.call(value), '(a value that could not be read)');
  return {
    name: 'Error',
    message: `the cell threw ${typeof value === 'object' && value !== null ? 'an object that is not an Error' : 'a non-Error value'}: ${text}`,
  };
}

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
  return location.column === undefined
    ? `${location.file}:${location.line}`
    : `${location.file}:${location.line}:${location.column}`;
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

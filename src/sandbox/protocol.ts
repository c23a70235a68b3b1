/**
 * Messages between the page that opened a lesson from elsewhere (the shell, same origin as the
 * learner's data) and the sandboxed frame that runs it (an opaque origin: no access to that data).
 * The frame can ask the shell for lab files (datasets, shipped models) and nothing else.
 */
export type ToSandbox =
  | { type: 'lesson'; text: string; file: string }
  | { type: 'file'; id: number; ok: true; bytes: ArrayBuffer }
  | { type: 'file'; id: number; ok: false; error: string };

export type FromSandbox =
  | { type: 'ready' }
  | { type: 'file'; id: number; path: string }
  | { type: 'height'; height: number }
  /** A download the lesson started: the shell offers it with a button, never saves it by itself. */
  | { type: 'download'; name: string; mime: string; bytes: ArrayBuffer };

/** The only files a sandbox may ask for: the lab's datasets and shipped models. */
export const SANDBOX_FILE = /^(datasets|models)\/[\w.-]+(\/[\w.-]+)*$/;

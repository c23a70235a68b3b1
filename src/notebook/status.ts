/**
 * Cell statuses and the one pure function that moves a cell between them. Every status change in
 * the kernel goes through `nextStatus`, so impossible moves (a `done` cell "finishing" again) are
 * caught here instead of showing up as a confused UI.
 */
export const CELL_STATUSES = ['idle', 'queued', 'running', 'stopping', 'stopped', 'done', 'error', 'stale', 'skipped'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export type StatusEvent =
  | 'queue' // added to the run queue
  | 'dequeue' // the queue was cancelled (Stop, or an earlier cell failed)
  | 'start'
  | 'finish'
  | 'fail'
  | 'stop' // Stop pressed (or the loop guard fired) while running
  | 'stopped' // the learner's Stop really ended the work: not a failure, so not `error`
  | 'invalidate' // a cell it depends on changed or re-ran, or its own code was edited
  | 'skip' // run=false cell passed over by Run all
  | 'reset'; // Restart

export function nextStatus(status: CellStatus, event: StatusEvent, before: CellStatus = 'idle'): CellStatus {
  switch (event) {
    case 'queue':
      return status === 'running' || status === 'stopping' ? status : 'queued';
    case 'dequeue':
      return status === 'queued' ? (before === 'queued' ? 'idle' : before) : status;
    case 'start':
      return 'running';
    case 'finish':
      return status === 'running' ? 'done' : status;
    case 'fail':
      return status === 'running' || status === 'stopping' ? 'error' : status;
    case 'stop':
      return status === 'running' ? 'stopping' : status;
    case 'stopped':
      return status === 'stopping' || status === 'running' ? 'stopped' : status;
    case 'invalidate':
      return status === 'done' || status === 'error' ? 'stale' : status;
    case 'skip':
      return status === 'queued' || status === 'idle' ? 'skipped' : status;
    case 'reset':
      return 'idle';
    default: {
      const unknown: never = event;
      throw new Error(`unknown status event ${String(unknown)}`);
    }
  }
}

/** Statuses during which the cell's work is not finished. */
export const isBusy = (status: CellStatus) => status === 'queued' || status === 'running' || status === 'stopping';

/**
 * Runs one parsed lesson in a worker with a per-cell time limit. Reports every cell, including
 * those that never ran, so the JSON always lists the whole lesson.
 */
import { Worker } from 'node:worker_threads';
import type { Lesson } from '../notebook/lesson.ts';
import { cellsOf } from '../notebook/lesson.ts';
import type { WorkerInput, WorkerMessage } from './lesson-worker.ts';
import type { CellReport, FileReport } from './report.ts';

export interface RunFileOptions {
  guardMs: number;
  timeoutMs: number;
  starters?: boolean;
  /** Called as each cell finishes, for live printing. */
  onCell?: (cell: CellReport) => void;
}

export function runLessonFile(lesson: Lesson, options: RunFileOptions): Promise<FileReport> {
  const reports = new Map<number, CellReport>();
  const input: WorkerInput = { lesson, guardMs: options.guardMs, starters: options.starters ?? false };
  const worker = new Worker(new URL('./lesson-worker.ts', import.meta.url), { workerData: input });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failure: string | undefined;
  let running: number | undefined;
  let finished = false;
  let reportedOk: boolean | undefined;

  const record = (report: CellReport) => {
    reports.set(report.index, report);
    options.onCell?.(report);
  };

  return new Promise<FileReport>((resolve) => {
    const finish = (ok: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const cells = cellsOf(lesson).map((block) => reports.get(block.index) ?? {
        index: block.index, line: block.line, ...(block.options.id ? { id: block.options.id } : {}),
        status: block.options.run ? 'idle' : 'skipped', outputs: [], ms: 0, leakedTensors: 0,
      });
      resolve({ file: lesson.file, ok: ok && !failure, ...(failure ? { error: failure } : {}), cells });
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'start') {
        running = message.index;
        const started = Date.now();
        clearTimeout(timer);
        timer = setTimeout(() => {
          const block = cellsOf(lesson)[message.index]!;
          const text = `${lesson.file}:${block.line}: TimeoutError: cell ${message.index + 1} ran longer than ${options.timeoutMs} ms and was killed`;
          failure = text;
          record({
            index: block.index, line: block.line, ...(block.options.id ? { id: block.options.id } : {}),
            status: 'error', outputs: [{ kind: 'error', text }], ms: Date.now() - started, leakedTensors: 0,
          });
          void worker.terminate().then(() => finish(false));
        }, options.timeoutMs);
      } else if (message.type === 'cell') {
        if (message.cell.index === running) clearTimeout(timer);
        record(message.cell);
      } else {
        reportedOk = message.ok;
        void worker.terminate();
      }
    });
    worker.on('error', (error: Error) => {
      failure = `${lesson.file}: the runner crashed: ${error.stack ?? error.message}`;
      finish(false);
    });
    worker.on('exit', () => finish(reportedOk ?? false));
  });
}

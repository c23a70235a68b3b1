/**
 * Runs one parsed lesson in a worker with a per-cell time limit. Reports every cell, including
 * those that never ran, so the JSON always lists the whole lesson.
 */
import { Worker } from 'node:worker_threads';
import type { Lesson } from '../notebook/lesson.ts';
import { cellsOf } from '../notebook/lesson.ts';
import type { WorkerInput, WorkerMessage } from './lesson-worker.ts';
import type { BranchResult } from './branch.ts';
import type { CellReport, FileReport } from './report.ts';

export interface RunFileOptions {
  guardMs: number;
  timeoutMs: number;
  starters?: boolean;
  /** Called as each cell finishes, for live printing. */
  onCell?: (cell: CellReport) => void;
}

export interface BranchRunOptions extends RunFileOptions {
  branches: NonNullable<WorkerInput['branches']>;
  /** Called as each branch is judged. */
  onBranch?: (result: BranchResult) => void;
}

/** One worker's trunk-and-branches run: the trunk's report and the branches it judged. */
export interface BranchedRun extends FileReport {
  branches: BranchResult[];
  /** A branch killed for running too long (key `control:N` or `starter:N`); the run ended there. */
  timedOutBranch?: { key: string; error: string };
}

export function runLessonFile(lesson: Lesson, options: RunFileOptions): Promise<FileReport> {
  return runWorker(lesson, options);
}

export function runLessonBranches(lesson: Lesson, options: BranchRunOptions): Promise<BranchedRun> {
  return runWorker(lesson, options, options.branches, options.onBranch);
}

function runWorker(lesson: Lesson, options: RunFileOptions, branches?: WorkerInput['branches'], onBranch?: (result: BranchResult) => void): Promise<BranchedRun> {
  const reports = new Map<number, CellReport>();
  const judged: BranchResult[] = [];
  const input: WorkerInput = { lesson, guardMs: options.guardMs, starters: options.starters ?? false, ...(branches ? { branches } : {}) };
  const worker = new Worker(new URL('./lesson-worker.ts', import.meta.url), { workerData: input });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failure: string | undefined;
  let timedOutBranch: BranchedRun['timedOutBranch'];
  let running: number | undefined;
  let finished = false;
  let reportedOk: boolean | undefined;

  const record = (report: CellReport) => {
    reports.set(report.index, report);
    options.onCell?.(report);
  };
  const blockReport = (index: number) => {
    const block = cellsOf(lesson)[index]!;
    return { index: block.index, line: block.line, ...(block.options.id ? { id: block.options.id } : {}) };
  };

  return new Promise<BranchedRun>((resolve) => {
    const finish = (ok: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const cells = cellsOf(lesson).map((block) => reports.get(block.index) ?? {
        ...blockReport(block.index), status: block.options.run ? 'idle' : 'skipped', outputs: [], ms: 0, leakedTensors: 0,
      });
      resolve({
        file: lesson.file, ok: ok && !failure, ...(failure ? { error: failure } : {}), cells,
        branches: judged, ...(timedOutBranch ? { timedOutBranch } : {}),
      });
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'start') {
        running = message.index;
        const started = Date.now();
        clearTimeout(timer);
        timer = setTimeout(() => {
          const block = cellsOf(lesson)[message.index]!;
          const text = `${lesson.file}:${block.line}: TimeoutError: cell ${message.index + 1} ran longer than ${options.timeoutMs} ms and was killed`;
          if (message.branch) timedOutBranch = { key: message.branch, error: text };
          else {
            failure = text;
            record({ ...blockReport(message.index), status: 'error', outputs: [{ kind: 'error', text }], ms: Date.now() - started, leakedTensors: 0 });
          }
          void worker.terminate().then(() => finish(false));
        }, options.timeoutMs);
      } else if (message.type === 'cell') {
        if (message.cell.index === running) clearTimeout(timer);
        record(message.cell);
      } else if (message.type === 'branch') {
        clearTimeout(timer);
        judged.push(message.result);
        onBranch?.(message.result);
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

/**
 * Runs one parsed lesson in a worker with a per-cell time limit. Reports every cell, including
 * those that never ran, so the JSON always lists the whole lesson.
 *
 * The verdict is the parent's own: a file passes only when every cell it expected was reported
 * done and nothing failed later. A `done` from the worker ends the run, it does not pass it, so
 * lesson code that posts one early (the worker's port is reachable from a cell) fails its file.
 * The runner makes no claim against code that forges its cell reports: a lesson runs with the
 * rights of whoever runs it (README).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Lesson } from '../notebook/lesson.ts';
import { cellsOf } from '../notebook/lesson.ts';
import type { WorkerInput, WorkerMessage } from './lesson-run.ts';
import type { BranchResult } from './branch.ts';
import type { CellReport, FileReport } from './report.ts';

/** The heap a lesson's worker may use; past it the worker, not the run, is stopped. */
export const WORKER_HEAP_MB = 2048;

export interface RunFileOptions {
  guardMs: number;
  timeoutMs: number;
  starters?: boolean;
  /**
   * Run in a child process under Node's permission model (read the repository, write only a
   * model folder of its own, no workers or child processes): a guard against accidents, not a
   * security boundary.
   */
  sandbox?: boolean;
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

/** The cells a run must report done for the file to pass (with --starters, up to the last exercise check). */
function expectedCells(lesson: Lesson, starters: boolean): number[] {
  const cells = cellsOf(lesson);
  const last = starters ? Math.max(-1, ...cells.filter((c) => c.options.check && c.options.for).map((c) => c.index)) : Infinity;
  return cells.filter((cell) => cell.options.run && cell.index <= last).map((cell) => cell.index);
}

function runWorker(
  lesson: Lesson,
  options: RunFileOptions,
  branches?: WorkerInput['branches'],
  onBranch?: (result: BranchResult) => void,
): Promise<BranchedRun> {
  const reports = new Map<number, CellReport>();
  const judged: BranchResult[] = [];
  const input: WorkerInput = { lesson, guardMs: options.guardMs, starters: options.starters ?? false, ...(branches ? { branches } : {}) };
  const worker = options.sandbox ? startChild(input) : startWorker(input);
  const blocks = cellsOf(lesson);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failures: string[] = [];
  let timedOutBranch: BranchedRun['timedOutBranch'];
  let running: { index: number; branch?: string } | undefined;
  let finished = false;
  let sawDone = false;
  /** The parent is ending the worker itself (a timeout): its exit is expected. */
  let killing = false;

  const record = (report: CellReport) => {
    // An error shown in a cell (an unawaited rejection that landed while it ran) fails it, as the
    // page shows it in red.
    const shown = report.status === 'done' && report.outputs.some((o) => o.kind === 'error') ? { ...report, status: 'error' } : report;
    reports.set(shown.index, shown);
    options.onCell?.(shown);
  };
  const blockReport = (index: number) => {
    const block = blocks[index]!;
    return { index: block.index, line: block.line, ...(block.options.id ? { id: block.options.id } : {}) };
  };
  /** The cell that was running fails with `text` (in the trunk), or its branch does. */
  const failRunning = (text: (where: string) => string) => {
    if (!running) return failures.push(text(lesson.file));
    const block = blocks[running.index]!;
    const message = text(`${lesson.file}:${block.line}`);
    if (running.branch) timedOutBranch = { key: running.branch, error: message };
    else {
      failures.push(message);
      record({
        ...blockReport(running.index),
        status: 'error',
        outputs: [{ kind: 'error', text: message }],
        ms: 0,
        convMs: 0,
        leakedTensors: 0,
      });
    }
  };

  return new Promise<BranchedRun>((resolve) => {
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const cells = blocks.map(
        (block) =>
          reports.get(block.index) ?? {
            ...blockReport(block.index),
            status: block.options.run ? 'idle' : 'skipped',
            outputs: [],
            ms: 0,
            convMs: 0,
            leakedTensors: 0,
          },
      );
      // The parent's own bookkeeping decides: every expected cell reported done, nothing failed later.
      const expected = expectedCells(lesson, options.starters ?? false);
      const unreported = expected.filter((index) => !reports.has(index));
      const stoppedEarly = reports.size > 0 && [...reports.values()].some((r) => r.status === 'error');
      if (sawDone && unreported.length > 0 && !stoppedEarly) {
        failures.push(
          `${lesson.file}: the run ended before cells ${unreported.map((i) => i + 1).join(', ')} were reported (did a cell post to the runner's port?)`,
        );
      }
      const ok = sawDone && failures.length === 0 && expected.every((index) => reports.get(index)?.status === 'done');
      resolve({
        file: lesson.file,
        ok,
        ...(failures.length ? { error: failures.join('\n') } : {}),
        cells,
        branches: judged,
        ...(timedOutBranch ? { timedOutBranch } : {}),
      });
    };
    worker.onMessage((message) => {
      if (finished) return;
      if (message.type === 'start') {
        running = { index: message.index, ...(message.branch ? { branch: message.branch } : {}) };
        clearTimeout(timer);
        timer = setTimeout(() => {
          failRunning(
            (where) => `${where}: TimeoutError: cell ${message.index + 1} ran longer than ${options.timeoutMs} ms and was killed`,
          );
          killing = true;
          void worker.terminate().then(finish);
        }, options.timeoutMs);
      } else if (message.type === 'cell') {
        if (message.cell.index === running?.index) {
          clearTimeout(timer);
          running = undefined;
        }
        record(message.cell);
      } else if (message.type === 'branch') {
        clearTimeout(timer);
        running = undefined;
        judged.push(message.result);
        onBranch?.(message.result);
      } else if (message.type === 'late') {
        failures.push(message.text.split('\n')[0]!);
        const earlier = message.index === undefined ? undefined : reports.get(message.index);
        if (earlier) record({ ...earlier, status: 'error', outputs: [...earlier.outputs, { kind: 'error', text: message.text }] });
      } else {
        sawDone = true;
        void worker.terminate();
      }
    });
    worker.onError((error) => {
      failRunning((where) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${where}: the cell used more than the runner's ${WORKER_HEAP_MB} MB of memory and was stopped`
          : `${where}: the runner crashed: ${error.stack ?? error.message}`,
      );
      finish();
    });
    worker.onExit((how) => {
      // An exit before `done` that no timeout or error explains: the cell ended the runner itself.
      if (!sawDone && !finished && !killing) {
        failRunning((where) =>
          how === 'out of memory'
            ? `${where}: the cell used more than the runner's ${WORKER_HEAP_MB} MB of memory and was stopped`
            : `${where}: the runner exited (${how}) while this cell ran: did it call process.exit()?`,
        );
      }
      finish();
    });
  });
}

/** What run-file needs of a runner, a worker thread or a child process. */
interface Runner {
  onMessage(listener: (message: WorkerMessage) => void): void;
  onError(listener: (error: Error & { code?: string }) => void): void;
  /** `how` says why it ended: "code N", "signal S", or "out of memory". */
  onExit(listener: (how: string) => void): void;
  terminate(): Promise<unknown>;
}

function startWorker(input: WorkerInput): Runner {
  const worker = new Worker(new URL('./lesson-worker.ts', import.meta.url), {
    workerData: input,
    // Past this heap the worker is stopped with ERR_WORKER_OUT_OF_MEMORY; the run goes on.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return {
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => worker.on('error', listener),
    onExit: (listener) => worker.on('exit', (code) => listener(`code ${code}`)),
    terminate: () => worker.terminate(),
  };
}

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

/**
 * --sandbox: a child process under Node's permission model. It may read the repository (its code,
 * node_modules, datasets and models) and write only a folder of its own for lab:// models; no
 * workers, no child processes; addons only for the canvas Plot draws with. Node's documentation is
 * clear that this guards against accidents, not against code written to get out.
 */
function startChild(input: WorkerInput): Runner {
  const store = mkdtempSync(join(tmpdir(), 'lab-sandbox-models-'));
  const child = fork(fileURLToPath(new URL('./lesson-child.ts', import.meta.url)), [], {
    execArgv: [
      '--permission',
      `--allow-fs-read=${REPOSITORY}`,
      `--allow-fs-read=${store}`,
      `--allow-fs-write=${store}`,
      '--allow-addons',
      `--max-old-space-size=${WORKER_HEAP_MB}`,
    ],
    env: { ...process.env, LAB_MODEL_STORE: store },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  child.send(input);
  const cleanUp = () => rmSync(store, { recursive: true, force: true });
  return {
    onMessage: (listener) => child.on('message', (message) => listener(message as WorkerMessage)),
    onError: (listener) => child.on('error', listener),
    onExit: (listener) =>
      child.on('exit', (code, signal) => {
        cleanUp();
        listener(/heap out of memory/i.test(stderr) ? 'out of memory' : signal ? `signal ${signal}` : `code ${code}`);
      }),
    terminate: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
        child.once('exit', resolve);
        child.kill('SIGKILL');
      }),
  };
}

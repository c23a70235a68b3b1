/**
 * Runs a lesson's cells: one shared scope, a queue (one cell at a time, in the order asked),
 * Stop, Restart, stale marking. The browser page and the headless runner both drive this class;
 * they differ only in the KernelHost they pass.
 */
import { compileCell, type CompiledCell } from './compile.ts';
import { CompileError, StopError, describeThrown, formatLocation, isInstance, type SourceLocation } from './errors.ts';
import { activeFitCount, addFitGate, convolutionalFitMs, stopFits, trackFits } from './fits.ts';
import type { KernelHost } from './host.ts';
import { missingInputs, providersOf, staleUsers } from './graph.ts';
import { cellsOf, type CellBlock, type Lesson } from './lesson.ts';
import { trackListeners, removeListeners } from './listeners.ts';
import { locateStack, registerCellSource, cellInStack } from './locate.ts';
import type { Output } from './outputs.ts';
import { cellSeedKey, seedRandom } from './random.ts';
import { CellRun } from './cell-run.ts';
import { CellRuntime } from './runtime.ts';
import { createLookup, createScope, type LessonScope } from './scope.ts';
import { nextStatus, type CellStatus, type StatusEvent } from './status.ts';
import { setActiveSink } from './current.ts';

export interface KernelOptions {
  /** Run each exercise's solution in place of its starter (headless runs prove exercises solvable). */
  useSolutions?: boolean;
  /** A failing `check for=X` shows "not yet" and leaves the cell done (the browser), instead of failing. */
  softExerciseChecks?: boolean;
  /** Loop-guard limit when a cell sets no `guard=` (default 3000 ms). */
  guardMs?: number;
  /** How long Stop waits for running fits to reach the end of their batch (default 60 s). */
  stopWaitMs?: number;
}

export interface CellState {
  readonly index: number;
  readonly block: CellBlock;
  /** The code that runs: the author's, or the learner's edit. */
  source: string;
  status: CellStatus;
  outputs: Output[];
  ms?: number;
  /** Of `ms`, the time spent training convolutional models (the rest is dense work and the rest). */
  convMs?: number;
  runs: number;
  /** Live tensors added by the last run. */
  leakedTensors: number;
  /** For exercises: which code ran last. */
  ran?: 'starter' | 'solution';
  declarations: string[];
  references: string[];
  /** Order of the last run among all runs; 0 when it never ran. */
  runOrder: number;
}

interface Job {
  index: number;
  before: CellStatus;
  skip: boolean;
  settle(ok: boolean): void;
}

interface Current {
  cell: CellState;
  run: CellRun;
  abort(error: StopError): void;
  stopRequested?: StopError;
  finished: Promise<boolean>;
}

export type KernelListener = (cell: CellState) => void;

export class Kernel {
  readonly lesson: Lesson;
  readonly cells: CellState[];
  scope: LessonScope;
  private lookup: LessonScope;
  private readonly host: KernelHost;
  private readonly options: KernelOptions;
  private readonly runtime: CellRuntime;
  private readonly listeners = new Set<KernelListener>();
  private readonly sourcesOf = new Map<number, Set<string>>();
  private readonly runsOf = new Map<number, CellRun>();
  private readonly compiled = new Map<number, { key: string; result: CompiledCell }>();
  private queue: Job[] = [];
  private draining = false;
  private current: Current | undefined;
  private runCounter = 0;
  private readonly removeGate: () => void;
  /** Exercises that run their starter even where solutions are used (a headless starter branch). */
  private readonly starters = new Set<number>();

  constructor(lesson: Lesson, host: KernelHost, options: KernelOptions = {}) {
    this.lesson = lesson;
    this.host = host;
    this.options = options;
    this.scope = createScope();
    this.lookup = createLookup(this.scope, (name) => this.explainMissing(name));
    this.runtime = new CellRuntime({
      file: lesson.file,
      modules: host.modules,
      confirmStop: (m) => host.confirmStop(m),
      awaitIsATurn: host.awaitIsATurn,
    });
    this.cells = cellsOf(lesson).map((block) => ({
      index: block.index,
      block,
      source: block.source,
      status: block.options.run ? 'idle' : 'skipped',
      outputs: [],
      runs: 0,
      leakedTensors: 0,
      declarations: [],
      references: [],
      runOrder: 0,
    }));
    for (const cell of this.cells) this.analyse(cell);
    trackFits(host.tf as never);
    trackListeners();
    this.removeGate = addFitGate(() => {
      if (this.runtime.halting) throw this.runtime.halting;
    });
  }

  subscribe(listener: KernelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(cell: CellState): void {
    for (const listener of this.listeners) listener(cell);
  }

  private move(cell: CellState, event: StatusEvent, before?: CellStatus): void {
    const status = nextStatus(cell.status, event, before);
    if (status === cell.status) return;
    cell.status = status;
    this.changed(cell);
  }

  /** The code a run executes and where it sits in the file. */
  private codeFor(cell: CellState): { source: string; line: number; ran?: 'starter' | 'solution' } {
    const { block } = cell;
    if (!block.options.exercise) return { source: cell.source, line: block.line };
    if (this.options.useSolutions && block.solution && !this.starters.has(cell.index)) return { ...block.solution, ran: 'solution' };
    return { source: cell.source, line: block.line, ran: 'starter' };
  }

  /**
   * Compiles the code a run executes. Only the latest version per cell is kept: an edit compiles
   * anew (a keystroke must not pile up compiled copies), and only code that runs gets a source
   * URL registered for error locations.
   */
  private compile(cell: CellState): CompiledCell {
    const { source, line } = this.codeFor(cell);
    const key = `${line}\u0000${source}`;
    const cached = this.compiled.get(cell.index);
    if (cached?.key === key) return cached.result;
    const sourceURL = registerCellSource({ file: this.lesson.file, line, headerLines: 1 });
    const sources = this.sourcesOf.get(cell.index) ?? new Set();
    sources.add(sourceURL);
    this.sourcesOf.set(cell.index, sources);
    const result = compileCell(source, { file: this.lesson.file, line, modules: Object.keys(this.host.modules), sourceURL });
    this.compiled.set(cell.index, { key, result });
    return result;
  }

  /** Declarations and references of the cell's current code, for stale marking and "inputs first". */
  private analyse(cell: CellState): void {
    const { source, line } = this.codeFor(cell);
    try {
      const compiled = compileCell(source, {
        file: this.lesson.file,
        line,
        modules: Object.keys(this.host.modules),
        sourceURL: 'labcell-analysis',
      });
      cell.declarations = compiled.declarations;
      cell.references = compiled.references;
    } catch {
      // A cell that does not compile provides nothing; running it reports the error.
    }
  }

  private explainMissing(name: string): string {
    const providers = providersOf(this.cells, name);
    if (providers.length === 0) return '';
    const where = providers.map((cell) => `cell ${cell.index + 1} (${this.lesson.file}:${cell.block.line})`).join(' or ');
    return `: it is declared in ${where}, which has not run yet`;
  }

  /**
   * Cells to run before cell `index` because it needs names they declare and the scope lacks
   * them: their own missing inputs too, in order ("run inputs first").
   */
  missingInputs(index: number): number[] {
    return missingInputs(this.cells, index, (name) => name in this.scope);
  }

  /** Replaces a cell's code (a learner's edit). The cell and the cells that use its names go stale. */
  edit(index: number, source: string): void {
    const cell = this.cells[index]!;
    if (cell.source === source) return;
    const before = cell.declarations;
    cell.source = source;
    this.analyse(cell);
    this.move(cell, 'invalidate');
    this.invalidateUsersOf(cell, [...before, ...cell.declarations]);
    this.changed(cell);
  }

  /** Makes an exercise run its starter (true) or, where solutions are used, its solution again. */
  useStarter(index: number, starter: boolean): void {
    if (starter) this.starters.add(index);
    else this.starters.delete(index);
    this.analyse(this.cells[index]!);
  }

  /**
   * Forgets the runs of these cells, as if they had never run: their timers and listeners are
   * cleared, their outputs and statuses reset. A headless control's branch is thrown away so.
   */
  forgetRuns(indices: number[]): void {
    for (const index of indices) {
      const cell = this.cells[index]!;
      this.cleanUp(cell);
      this.runsOf.delete(index);
      Object.assign(cell, { outputs: [], runs: 0, runOrder: 0, ms: undefined, leakedTensors: 0, ran: undefined });
      cell.status = cell.block.options.run ? 'idle' : 'skipped';
      this.analyse(cell);
      this.changed(cell);
    }
  }

  /**
   * Cells that read names this cell declares go stale: after an edit, every one that ran; after
   * a run, those that ran before it (they saw the old values).
   */
  private invalidateUsersOf(cell: CellState, names: string[], onlyEarlier = false): void {
    for (const index of staleUsers(this.cells, cell, names, onlyEarlier)) this.move(this.cells[index]!, 'invalidate');
  }

  run(index: number): Promise<boolean> {
    return this.enqueue(index, false);
  }

  async runAll(): Promise<boolean> {
    const results = this.cells.map((cell) => this.enqueue(cell.index, !cell.block.options.run));
    return (await Promise.all(results)).every(Boolean);
  }

  async runUpTo(index: number): Promise<boolean> {
    const results = this.cells.slice(0, index + 1).map((cell) => this.enqueue(cell.index, cell.index !== index && !cell.block.options.run));
    return (await Promise.all(results)).every(Boolean);
  }

  private enqueue(index: number, skip: boolean): Promise<boolean> {
    const cell = this.cells[index];
    if (!cell) return Promise.reject(new RangeError(`there is no cell ${index} in ${this.lesson.file}`));
    return new Promise<boolean>((settle) => {
      const before = cell.status;
      if (!skip) this.move(cell, 'queue');
      this.queue.push({ index, before, skip, settle });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const job = this.queue.shift()!;
        const cell = this.cells[job.index]!;
        if (job.skip) {
          cell.status = 'skipped';
          this.changed(cell);
          job.settle(true);
          continue;
        }
        const ok = await this.execute(cell);
        job.settle(ok);
        if (!ok) this.cancelQueue();
      }
    } finally {
      this.draining = false;
    }
  }

  private cancelQueue(): void {
    const jobs = this.queue;
    this.queue = [];
    for (const job of jobs) {
      this.move(this.cells[job.index]!, 'dequeue', job.before);
      job.settle(false);
    }
  }

  /** Clears what earlier runs of a cell left behind: timers and event listeners. */
  private cleanUp(cell: CellState): void {
    this.runsOf.get(cell.index)?.clearTimers();
    removeListeners(this.sourcesOf.get(cell.index) ?? []);
  }

  private errorOutput(error: unknown, fallback?: SourceLocation): Output {
    if (isInstance(error, CompileError)) {
      return {
        kind: 'error',
        name: 'CompileError',
        message: error.reason,
        location: error.location,
        text: `${formatLocation(error.location)}: CompileError: ${error.reason}`,
      };
    }
    const err = describeThrown(error);
    const { location, frames } = locateStack(err.stack);
    const at = location ?? fallback;
    const where = at ? `${formatLocation(at)}: ` : '';
    const stack = frames.length > 1 ? `\n${frames.map((f) => `    ${f}`).join('\n')}` : '';
    return { kind: 'error', name: err.name, message: err.message, location: at, text: `${where}${err.name}: ${err.message}${stack}` };
  }

  /**
   * Errors thrown later by a cell's timers, listeners or unawaited promises land in that cell.
   * Returns the index of the cell it landed in, or undefined when no cell could be named.
   */
  reportAsyncError(error: unknown, run?: CellRun): number | undefined {
    // Stop and Restart already said what happened; a loop stopped by the guard in a timer has not.
    if (isInstance(error, StopError) && error.why !== 'guard') return undefined;
    let index = run ? [...this.runsOf].find(([, r]) => r === run)?.[0] : undefined;
    if (index === undefined) {
      const source = cellInStack(describeThrown(error).stack);
      index = source ? [...this.sourcesOf].find(([, set]) => set.has(source))?.[0] : this.current?.cell.index;
    }
    const target = run ?? (index === undefined ? undefined : this.runsOf.get(index));
    if (!target) return undefined;
    target.push(this.errorOutput(error));
    return index;
  }

  /** Timers and frames cells have scheduled and that have not fired yet (intervals not counted: they never end). */
  pendingTimers(): number {
    let count = 0;
    for (const run of this.runsOf.values()) count += run.pendingTimers;
    return count;
  }

  private async execute(cell: CellState): Promise<boolean> {
    this.cleanUp(cell);
    const code = this.codeFor(cell);
    cell.outputs = [];
    cell.ran = code.ran;
    this.move(cell, 'start');
    let compiled: CompiledCell;
    let fn: (...args: unknown[]) => Promise<unknown>;
    try {
      compiled = this.compile(cell);
      // Indirect eval: the compiled cell runs in the global scope, reaching the notebook only
      // through the scope object it is given, never this method's locals.
      // biome-ignore lint/security/noGlobalEval: running the learner's compiled cell is the kernel's job
      // biome-ignore lint/complexity/noCommaOperator: (0, eval) is what makes the eval indirect
      fn = (0, eval)(compiled.code);
    } catch (error) {
      cell.outputs = [this.errorOutput(error, { file: this.lesson.file, line: code.line })];
      this.move(cell, 'fail');
      return false;
    }
    cell.declarations = compiled.declarations;
    cell.references = compiled.references;
    const run: CellRun = new CellRun(
      () => this.changed(cell),
      (error) => this.reportAsyncError(error, run),
      this.host.mirrorConsole ?? false,
    );
    cell.outputs = run.outputs;
    this.runsOf.set(cell.index, run);

    let abort!: (error: StopError) => void;
    const aborted = new Promise<never>((_, reject) => (abort = reject));
    let finish!: (ok: boolean) => void;
    const current: Current = { cell, run, abort, finished: new Promise((resolve) => (finish = resolve)) };
    this.current = current;
    const limit = (cell.block.options.guard ?? (this.options.guardMs ?? 3000) / 1000) * 1000;
    this.runtime.begin(limit);
    setActiveSink({ push: (output) => run.push(output), changed: () => this.changed(cell) });
    const tensorsBefore = this.host.tf.memory().numTensors;
    // Each cell's random numbers come from the lesson's seed and the cell's key alone, whatever
    // ran before it (random.ts says why).
    seedRandom(this.lesson.meta.seed, cellSeedKey(cell.block));
    const started = performance.now();
    const convBefore = convolutionalFitMs();
    let ok = false;
    try {
      const promise = fn(this.scope, this.lookup, this.runtime, ...run.env(this.host));
      promise.catch(() => {}); // after Stop the abandoned promise may still reject
      const value = await Promise.race([promise, aborted]);
      if (value !== undefined && !(typeof value === 'object' && value === run.lastDisplayed)) run.pushValue(value);
      await Promise.race([Promise.allSettled(run.pending), aborted]);
      ok = this.checksPass(cell, run);
    } catch (error) {
      if (current.stopRequested) await this.finishStopping(cell);
      // The learner's Stop is not a failure: say what happened, without an error's red.
      if (current.stopRequested?.why === 'stop') run.push({ kind: 'text', stream: 'warn', text: current.stopRequested.message });
      else run.push(this.errorOutput(current.stopRequested ?? error, { file: this.lesson.file, line: code.line }));
    } finally {
      this.runtime.end();
      setActiveSink(undefined);
      cell.ms = Math.round(performance.now() - started);
      cell.convMs = Math.round(convolutionalFitMs() - convBefore);
      cell.leakedTensors = this.host.tf.memory().numTensors - tensorsBefore;
      cell.runs++;
      cell.runOrder = ++this.runCounter;
      this.current = undefined;
      if (!current.stopRequested) this.runtime.halting = undefined;
    }
    if (ok && cell.runs > 1 && cell.leakedTensors > 0) {
      run.push({
        kind: 'text',
        stream: 'warn',
        text:
          `This run left ${cell.leakedTensors} more tensors alive than before it (${this.host.tf.memory().numTensors} in all). ` +
          'Each re-run adds them again: build tensors inside tf.tidy(() => ...) or call .dispose() on the ones you replace.',
      });
    }
    this.move(cell, ok ? 'finish' : current.stopRequested?.why === 'stop' ? 'stopped' : 'fail');
    this.invalidateUsersOf(cell, cell.declarations, true);
    finish(ok);
    return ok;
  }

  private checksPass(cell: CellState, run: CellRun): boolean {
    const failed = run.checks.filter((pass) => !pass).length;
    if (failed === 0) return true;
    const exerciseCheck = cell.block.options.check && cell.block.options.for;
    if (exerciseCheck && this.options.softExerciseChecks) {
      run.push({ kind: 'text', stream: 'log', text: `Not yet: ${failed} of ${run.checks.length} checks do not pass.` });
      return true;
    }
    run.push({
      kind: 'error',
      name: 'CheckFailed',
      message: `${failed} of ${run.checks.length} checks failed`,
      location: { file: this.lesson.file, line: cell.block.line },
      text: `${this.lesson.file}:${cell.block.line}: CheckFailed: ${failed} of ${run.checks.length} checks failed`,
    });
    return false;
  }

  /** While `stopping`: wait until fits the cell started have ended, then let code run again. */
  private async finishStopping(cell: CellState): Promise<void> {
    this.move(cell, 'stop');
    await stopFits(this.options.stopWaitMs ?? 60_000);
    // One turn of the event loop lets continuations of the stopped code hit the halt and end.
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.runtime.halting = undefined;
  }

  /** Stops the running cell and empties the queue. Resolves when the work has really ended. */
  async stop(why: 'stop' | 'restart' = 'stop'): Promise<void> {
    this.cancelQueue();
    const current = this.current;
    if (!current) {
      await stopFits(this.options.stopWaitMs ?? 60_000);
      return;
    }
    const fits = activeFitCount();
    const message = why === 'restart' ? 'Stopped by Restart.' : `Stopped by you.${fits ? ' Training ended at the end of its batch.' : ''}`;
    const error = new StopError(why, message);
    current.stopRequested = error;
    this.runtime.halt(error);
    this.move(current.cell, 'stop');
    current.run.clearTimers();
    current.abort(error);
    await current.finished;
  }

  /** Stop, then forget everything: scope, outputs, timers, listeners, tensors. */
  async restart(): Promise<void> {
    await this.stop('restart');
    for (const cell of this.cells) {
      this.cleanUp(cell);
      cell.outputs = [];
      cell.runs = 0;
      cell.runOrder = 0;
      cell.ms = undefined;
      cell.leakedTensors = 0;
      cell.status = cell.block.options.run ? 'idle' : 'skipped';
      this.changed(cell);
    }
    this.runsOf.clear();
    this.scope = createScope();
    this.lookup = createLookup(this.scope, (name) => this.explainMissing(name));
    const tf = this.host.tf;
    const backend = tf.getBackend();
    tf.disposeVariables();
    // reset() disposes every tensor, but also forgets the environment flags (prod mode, WebGL
    // settings the host chose): put them back.
    const flags = { ...tf.env().getFlags() };
    tf.engine().reset();
    tf.env().setFlags(flags);
    await tf.setBackend(backend);
    await tf.ready();
  }

  /** Stops timers and hooks; the kernel cannot be used afterwards. */
  dispose(): void {
    for (const cell of this.cells) this.cleanUp(cell);
    this.runtime.dispose();
    this.removeGate();
  }
}

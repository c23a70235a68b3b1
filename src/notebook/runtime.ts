/**
 * The hooks compiled cells call (`__rt`): the loop guard, the stop check after every `await`,
 * and module imports. One per kernel. While `halting` is set every guard and await check throws,
 * which is how a stopped cell is kept from carrying on.
 */
import { StopError } from './errors.ts';

const now = () => performance.now();
/** A confirm() that returns faster than this was never shown (dialogs suppressed): treat as OK. */
const INSTANT_CONFIRM_MS = 30;
const TICK_MS = 50;
/** Once nothing runs and no guard was hit for this long, the ticker goes quiet. */
const TICKER_IDLE_MS = 2000;

export const LOOP_HINT =
  'A long loop must give the page a turn so it can be stopped: put `await tf.nextFrame()` ' +
  '(or `await new Promise((resolve) => setTimeout(resolve))`) inside it. To allow more time ' +
  "without yielding, add `guard=SECONDS` to the cell's info string.";

export interface RuntimeOptions {
  file: string;
  modules: Record<string, object>;
  confirmStop(message: string): boolean;
  /** See KernelHost.awaitIsATurn. */
  awaitIsATurn?: boolean;
}

export class CellRuntime {
  halting: StopError | undefined;
  /** Loop-guard limit for the cell now running, in milliseconds. */
  limitMs = 3000;
  private lastTick = now();
  private lastGuard = 0;
  private countdown = 0;
  private stride = 1;
  private lastReading = 0;
  private ticker: ReturnType<typeof setTimeout> | undefined;
  private active = 0;
  private readonly options: RuntimeOptions;

  constructor(options: RuntimeOptions) {
    this.options = options;
  }

  /** Called by the kernel around each cell run. */
  begin(limitMs: number): void {
    this.limitMs = limitMs;
    this.active++;
    this.halting = undefined;
    this.lastTick = now();
    this.startTicker();
  }

  end(): void {
    this.active = Math.max(0, this.active - 1);
  }

  halt(error: StopError): void {
    this.halting = error;
  }

  dispose(): void {
    if (this.ticker !== undefined) clearTimeout(this.ticker);
    this.ticker = undefined;
  }

  private startTicker(): void {
    if (this.ticker !== undefined) return;
    const tick = () => {
      this.lastTick = now();
      if (this.active === 0 && this.lastTick - this.lastGuard > TICKER_IDLE_MS) {
        this.ticker = undefined;
        return;
      }
      this.ticker = setTimeout(tick, TICK_MS);
      (this.ticker as { unref?: () => void }).unref?.();
    };
    this.ticker = setTimeout(tick, TICK_MS);
    (this.ticker as { unref?: () => void }).unref?.();
  }

  /** Inserted at the top of every loop body. */
  readonly guard = (line: number): void => {
    if (this.halting) throw this.halting;
    // Reading the clock costs more than a tight loop's body (~70 ns an iteration measured), so it
    // is read every `stride` iterations: the stride doubles while iterations are fast (< 1 ms
    // between readings, up to 1024) and falls back to 1 as soon as they are slow.
    if (--this.countdown > 0) return;
    const time = now();
    this.stride = time - this.lastReading < 1 ? Math.min(this.stride * 2, 1024) : 1;
    this.countdown = this.stride;
    this.lastReading = time;
    if (this.ticker === undefined) {
      // A loop in a function called after its cell ended (an event handler): start measuring now.
      this.lastTick = time;
      this.startTicker();
    }
    this.lastGuard = time;
    if (time - this.lastTick > this.limitMs) this.ask(line, time);
  };

  private ask(line: number, time: number): void {
    const seconds = ((time - this.lastTick) / 1000).toFixed(1);
    const where = `${this.options.file}:${line}`;
    const message = `The loop at ${where} has run for ${seconds} s without letting the page update.`;
    const asked = now();
    const stop = this.options.confirmStop(`${message}\n\nOK stops it. Cancel lets it run for another while.`);
    if (stop || now() - asked < INSTANT_CONFIRM_MS) {
      const error = new StopError('guard', `${message} It was stopped.\n${LOOP_HINT}`);
      // During a run, halt everything until the run has ended (a `catch` in the loop must not
      // let it spin on). Outside a run (a timer or an event handler) only this call is ended.
      if (this.active > 0) this.halting = error;
      throw error;
    }
    this.lastTick = now();
  }

  /** Wraps every `await`: a stopped cell must not continue past its next await. */
  readonly ck = <T>(value: T): T => {
    if (this.halting) throw this.halting;
    if (this.options.awaitIsATurn) this.lastTick = now();
    return value;
  };

  readonly import = (specifier: string): object => {
    const module = this.options.modules[specifier];
    if (!module) throw new Error(`unknown module "${specifier}"`);
    return module;
  };

  readonly importDefault = (specifier: string): unknown => {
    const module = this.import(specifier) as { default?: unknown };
    return module.default ?? module;
  };

  readonly importNamed = (specifier: string, name: string): unknown => {
    const module = this.import(specifier) as Record<string, unknown>;
    if (!(name in module)) throw new SyntaxError(`module "${specifier}" has no export named "${name}"`);
    return module[name];
  };
}

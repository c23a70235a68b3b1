/**
 * One run of one cell: the names bound for it (display, check, console, timers) and what it
 * produced. Timers go through here so Stop, a re-run and Restart can clear them.
 */
import { CELL_ENV_NAMES, type CellEnvName } from './names.ts';
import type { Output } from './outputs.ts';
import { fillTensorOutput, isTensor, toOutput } from './display.ts';
import { formatValue } from './format.ts';
import type { KernelHost } from './host.ts';
import { readCheckMessage, type CheckMessage } from './check.ts';

type Handle = ReturnType<typeof setTimeout>;

export interface ProgressHandle {
  /** Sets how far the work has got, out of `total`. */
  update(value: number, label?: string): void;
  done(): void;
}

export interface Display {
  <T>(value: T): T;
  /** A progress bar with an ETA; update it as the work goes on. */
  progress(label: string, total: number): ProgressHandle;
}

export class CellRun {
  readonly outputs: Output[] = [];
  readonly checks: boolean[] = [];
  private readonly timeouts = new Set<Handle>();
  private readonly intervals = new Set<Handle>();
  private readonly frames = new Set<number>();
  private readonly changed: () => void;
  private readonly asyncError: (error: unknown) => void;
  private readonly mirror: boolean;

  constructor(changed: () => void, asyncError: (error: unknown) => void, mirror: boolean) {
    this.changed = changed;
    this.asyncError = asyncError;
    this.mirror = mirror;
  }

  /** Reads still on their way into outputs (tensor values); the kernel awaits them. */
  readonly pending: Promise<void>[] = [];

  push(output: Output): void {
    this.outputs.push(output);
    this.changed();
  }

  /** The last value passed to display(): a cell ending in `display(x)` must not show x twice. */
  lastDisplayed: unknown = undefined;

  /** Shows a value; a tensor's values follow once read. */
  pushValue(value: unknown, stream: 'result' | 'log' = 'result'): void {
    const output = toOutput(value, stream);
    this.push(output);
    if (output.kind === 'tensor' && isTensor(value)) this.pending.push(fillTensorOutput(output, value).then(() => this.changed()));
  }

  private guarded(fn: unknown, args: unknown[]): void {
    if (typeof fn !== 'function') return;
    try {
      const result = fn(...args);
      if (result && typeof (result as Promise<unknown>).catch === 'function') (result as Promise<unknown>).catch(this.asyncError);
    } catch (error) {
      this.asyncError(error);
    }
  }

  /** Timeouts and animation frames scheduled and not yet fired. */
  get pendingTimers(): number {
    return this.timeouts.size + this.frames.size;
  }

  clearTimers(): void {
    for (const handle of this.timeouts) clearTimeout(handle);
    for (const handle of this.intervals) clearInterval(handle);
    for (const handle of this.frames) globalThis.cancelAnimationFrame?.(handle);
    this.timeouts.clear();
    this.intervals.clear();
    this.frames.clear();
  }

  private display(): Display {
    const display = (<T>(value: T): T => {
      this.pushValue(value, 'log');
      this.lastDisplayed = value;
      return value;
    }) as Display;
    display.progress = (label: string, total: number): ProgressHandle => {
      const startedAt = performance.now();
      const output: Extract<Output, { kind: 'progress' }> = {
        kind: 'progress',
        label,
        value: 0,
        total,
        startedAt,
        updatedAt: startedAt,
        text: `${label}: 0/${total}`,
      };
      this.push(output);
      return {
        update: (value: number, newLabel?: string) => {
          output.value = Math.min(value, total);
          output.updatedAt = performance.now();
          if (newLabel !== undefined) output.label = newLabel;
          output.text = `${output.label}: ${output.value}/${total}`;
          this.changed();
        },
        done: () => {
          output.value = total;
          output.updatedAt = performance.now();
          output.text = `${output.label}: ${total}/${total} in ${((output.updatedAt - startedAt) / 1000).toFixed(1)} s`;
          this.changed();
        },
      };
    };
    return display;
  }

  private console(): Console {
    const text = (args: unknown[]) => args.map((arg) => formatValue(arg)).join(' ');
    const real = globalThis.console;
    const stream =
      (kind: 'log' | 'warn' | 'error', mirror: (...args: unknown[]) => void) =>
      (...args: unknown[]) => {
        this.push({ kind: 'text', text: text(args), stream: kind });
        if (this.mirror) mirror.apply(real, args);
      };
    const captured = Object.create(real) as Console;
    captured.log = stream('log', real.log);
    captured.info = stream('log', real.info);
    captured.debug = stream('log', real.debug);
    captured.warn = stream('warn', real.warn);
    captured.error = stream('error', real.error);
    captured.table = (data: unknown) =>
      this.push(Array.isArray(data) ? toOutput(data) : { kind: 'text', text: formatValue(data), stream: 'log' });
    return captured;
  }

  private check() {
    // Returns nothing, so a check on a cell's last line does not also print `true`.
    return (condition: unknown, message: CheckMessage): void => {
      const wording = readCheckMessage(message);
      const pass = Boolean(condition);
      const said = pass ? wording.pass : wording.fail;
      this.checks.push(pass);
      this.push({
        kind: 'check',
        pass,
        message: said,
        text: `${pass ? '✓' : '✗'} ${said}`,
        ...(wording.id ? { id: wording.id } : {}),
        ...(wording.margin === undefined ? {} : { margin: wording.margin }),
      });
    };
  }

  /** Values for the cell function's parameters, in CELL_ENV_NAMES order. */
  env(host: KernelHost): unknown[] {
    const values: Record<CellEnvName, unknown> = {
      display: this.display(),
      check: this.check(),
      console: this.console(),
      tf: host.tf,
      Plot: host.Plot,
      setTimeout: (fn: unknown, ms?: number, ...args: unknown[]) => {
        const handle: Handle = setTimeout(() => {
          this.timeouts.delete(handle);
          this.guarded(fn, args);
        }, ms);
        this.timeouts.add(handle);
        return handle;
      },
      setInterval: (fn: unknown, ms?: number, ...args: unknown[]) => {
        const handle: Handle = setInterval(() => this.guarded(fn, args), ms);
        this.intervals.add(handle);
        return handle;
      },
      clearTimeout: (handle: Handle) => {
        this.timeouts.delete(handle);
        clearTimeout(handle);
      },
      clearInterval: (handle: Handle) => {
        this.intervals.delete(handle);
        clearInterval(handle);
      },
      requestAnimationFrame: (fn: (time: number) => void) => {
        if (!globalThis.requestAnimationFrame) {
          const handle: Handle = setTimeout(() => {
            this.timeouts.delete(handle);
            this.guarded(fn, [performance.now()]);
          }, 16);
          this.timeouts.add(handle);
          return handle;
        }
        const handle = globalThis.requestAnimationFrame((time) => {
          this.frames.delete(handle);
          this.guarded(fn, [time]);
        });
        this.frames.add(handle);
        return handle;
      },
      cancelAnimationFrame: (handle: number) => {
        this.frames.delete(handle);
        if (globalThis.cancelAnimationFrame) globalThis.cancelAnimationFrame(handle);
        else clearTimeout(handle as unknown as Handle);
      },
    };
    return CELL_ENV_NAMES.map((name) => values[name]);
  }
}

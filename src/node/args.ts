/** Command-line arguments of `npm run -s lesson`, read with Node's util.parseArgs. */
import { parseArgs as parseNodeArgs } from 'node:util';

export interface LessonArgs {
  files: string[];
  json: boolean;
  guardMs: number;
  timeoutMs: number;
  out?: string;
  starters: boolean;
  controls: boolean;
  /** Overrides the lesson's seed (with --seeds: the first seed). */
  seed?: number;
  /** Run on this many seeds and report each check across them. */
  seeds?: number;
  /** With --seeds: runs at once. */
  jobs: number;
  /** Run each lesson in a child process under Node's permission model. */
  sandbox: boolean;
}

export const USAGE =
  'usage: npm run -s lesson -- FILE... [--json] [--guard-ms N] [--timeout-ms N] [--out DIR] [--seed N] [--sandbox] [--starters | --controls | --seeds K [--jobs N]]';

export const HELP = `${'usage: npm run -s lesson -- FILE... [options]'}

Runs each lesson's cells in order, headless (TF.js on the CPU), and prints what they print.
Exit 0: all passed; 1: a cell, control, starter or seed failed; 2: a file could not be read.
A lesson runs with your rights; --sandbox is a guard against accidents, not a security boundary.

options:
  --json             one JSON document on stdout
  --guard-ms N       a loop that does not yield for N ms is stopped (default 3000)
  --timeout-ms N     a cell running longer is killed (default 60000)
  --out DIR          also write every chart as SVG
  --seed N           run on seed N instead of the lesson's
  --starters         run exercise starters instead of solutions
  --controls         also prove each negative control and exercise starter, in branches
  --seeds K          run on K seeds and report each check across them (--jobs N at once)
  --sandbox          run each lesson in a child process under Node's permission model
`;

const OPTIONS = {
  json: { type: 'boolean' },
  starters: { type: 'boolean' },
  controls: { type: 'boolean' },
  sandbox: { type: 'boolean' },
  'guard-ms': { type: 'string' },
  'timeout-ms': { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  seeds: { type: 'string' },
  jobs: { type: 'string' },
} as const;

/** Node's timers hold at most 2³¹−1 ms (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function milliseconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!raw.trim() || !Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} needs a positive number of milliseconds (got "${raw}")`);
  if (value > MAX_TIMER_MS) throw new Error(`--${name} can be at most ${MAX_TIMER_MS} ms, about 24 days (got "${raw}")`);
  return value;
}

function whole(name: string, raw: string | undefined, { min }: { min: number }): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!raw.trim() || !Number.isInteger(value) || value < min)
    throw new Error(`--${name} needs a whole number of at least ${min} (got "${raw}")`);
  return value;
}

export function parseArgs(argv: string[]): LessonArgs | { error: string } {
  try {
    const { values, positionals } = parseNodeArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length === 0) return { error: 'no lesson files given' };
    if (values.starters && values.controls)
      return { error: '--starters and --controls do not go together (--controls also runs every starter, in a branch)' };
    if (values.seeds !== undefined && (values.starters || values.controls || values.out !== undefined)) {
      return { error: '--seeds runs each lesson plainly on several seeds; it does not go with --starters, --controls or --out' };
    }
    if (values.jobs !== undefined && values.seeds === undefined) return { error: '--jobs goes with --seeds' };
    if (values.out !== undefined && !values.out) return { error: '--out needs a directory' };
    return {
      files: positionals,
      json: values.json ?? false,
      guardMs: milliseconds('guard-ms', values['guard-ms'], 3000),
      timeoutMs: milliseconds('timeout-ms', values['timeout-ms'], 60_000),
      ...(values.out ? { out: values.out } : {}),
      starters: values.starters ?? false,
      controls: values.controls ?? false,
      ...(values.seed === undefined ? {} : { seed: whole('seed', values.seed, { min: 0 }) }),
      ...(values.seeds === undefined ? {} : { seeds: whole('seeds', values.seeds, { min: 1 }) }),
      jobs: whole('jobs', values.jobs, { min: 1 }) ?? 1,
      sandbox: values.sandbox ?? false,
    };
  } catch (error) {
    // util.parseArgs says "Unknown option '--fast'. To specify a positional argument starting with
    // a '-', place it at the end of the command after '--', as in '-- \"--fast\"'": keep the first part.
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, '');
    return {
      error: message
        .replace(/^Unknown option '(.+)'$/, 'unknown option $1')
        .replace(/^Option '(.+?) <value>' argument missing$/, '$1 needs a value'),
    };
  }
}

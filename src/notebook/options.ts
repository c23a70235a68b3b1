/**
 * The one registry of cell options (the words after `ts` in a fence's info string). Parsing and
 * validation read this table (and serialize.ts writes options back from the same type), so a new
 * option is one entry here rather than string checks scattered through the parser.
 */
export interface CellOptions {
  id?: string;
  run: boolean;
  exercise: boolean;
  solution: boolean;
  check: boolean;
  for?: string;
  hidden: boolean;
  /** Shown in app view (`?view=app`): its outputs and widgets, without the code. */
  app: boolean;
  /** Loop-guard limit in seconds for this cell. */
  guard?: number;
}

interface OptionSpec {
  /** `flag` is written bare (`hidden`); `value` is written `key=value`. */
  form: 'flag' | 'value';
  meaning: string;
  /** Turns the written value into the typed one; returns an error message when it is invalid. */
  read: (raw: string | undefined, into: CellOptions) => string | undefined;
}

const ID_PATTERN = /^[A-Za-z][\w-]*$/;

export const CELL_OPTIONS: Record<string, OptionSpec> = {
  id: {
    form: 'value',
    meaning: 'a stable name for the cell (letters, digits, _ and -)',
    read: (raw, into) => {
      if (!raw || !ID_PATTERN.test(raw)) return `id must start with a letter and use letters, digits, _ or - (got "${raw ?? ''}")`;
      into.id = raw;
    },
  },
  run: {
    form: 'value',
    meaning: 'run=false keeps the cell out of Run all and headless runs; it can still be run by hand',
    read: (raw, into) => {
      if (raw !== 'true' && raw !== 'false') return `run must be true or false (got "${raw ?? ''}")`;
      into.run = raw === 'true';
    },
  },
  exercise: {
    form: 'flag',
    meaning: 'starter code the learner completes; needs id=X, checked by a `check for=X` cell',
    read: (_raw, into) => void (into.exercise = true),
  },
  solution: {
    form: 'flag',
    meaning: 'the solution of exercise X (`solution for=X`); hidden until the learner asks, used by headless runs',
    read: (_raw, into) => void (into.solution = true),
  },
  check: {
    form: 'flag',
    meaning: 'a cell of check(...) calls that assert a lesson claim, or with for=X an exercise',
    read: (_raw, into) => void (into.check = true),
  },
  for: {
    form: 'value',
    meaning: 'the exercise id a solution or check belongs to',
    read: (raw, into) => {
      if (!raw || !ID_PATTERN.test(raw)) return `for must name an exercise id (got "${raw ?? ''}")`;
      into.for = raw;
    },
  },
  hidden: {
    form: 'flag',
    meaning: 'the cell runs but its code starts collapsed',
    read: (_raw, into) => void (into.hidden = true),
  },
  app: {
    form: 'flag',
    meaning: "the cell's outputs and widgets are shown in app view (?view=app), where prose and code are hidden",
    read: (_raw, into) => void (into.app = true),
  },
  guard: {
    form: 'value',
    meaning: 'seconds a loop may run without yielding before the learner is asked to stop it (default 3)',
    read: (raw, into) => {
      const seconds = Number(raw);
      if (!raw || !Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
        return `guard must be a number of seconds between 0 and 600 (got "${raw ?? ''}")`;
      }
      into.guard = seconds;
    },
  },
};

export function defaultCellOptions(): CellOptions {
  return { run: true, exercise: false, solution: false, check: false, hidden: false, app: false };
}

/** Rules about combinations, checked after every word was read. Returns the first problem. */
function combinationProblem(options: CellOptions): string | undefined {
  const roles = [options.exercise && 'exercise', options.solution && 'solution', options.check && 'check'].filter(Boolean);
  if (roles.length > 1) return `a cell can be only one of exercise, solution, check (got ${roles.join(' and ')})`;
  if (options.exercise && !options.id) return 'an exercise needs an id: write `ts exercise id=NAME`';
  if (options.solution && !options.for) return 'a solution needs the exercise it solves: write `ts solution for=NAME`';
  if (options.for && !options.solution && !options.check) return '`for=` belongs on a `solution` or `check` cell';
  if (options.solution && !options.run) return 'run=false has no meaning on a solution';
  if (options.solution && options.app) return 'app belongs on the exercise, not on its solution';
  return undefined;
}

/**
 * Reads an info string such as `ts exercise id=fit guard=10`. Returns the options or an error
 * message; the caller adds the file and line.
 */
export function parseInfoString(info: string): { options: CellOptions } | { error: string } {
  const words = info.trim().split(/\s+/).slice(1);
  const options = defaultCellOptions();
  const seen = new Set<string>();
  for (const word of words) {
    const eq = word.indexOf('=');
    const name = eq < 0 ? word : word.slice(0, eq);
    const raw = eq < 0 ? undefined : word.slice(eq + 1);
    const spec = CELL_OPTIONS[name];
    if (!spec) {
      return { error: `unknown cell option "${name}"; known options: ${Object.keys(CELL_OPTIONS).join(', ')}` };
    }
    if (seen.has(name)) return { error: `cell option "${name}" is given twice` };
    seen.add(name);
    if (spec.form === 'flag' && raw !== undefined) return { error: `cell option "${name}" takes no value: write just \`${name}\`` };
    if (spec.form === 'value' && raw === undefined) return { error: `cell option "${name}" needs a value: write \`${name}=...\`` };
    const problem = spec.read(raw, options);
    if (problem) return { error: problem };
  }
  const problem = combinationProblem(options);
  return problem ? { error: problem } : { options };
}

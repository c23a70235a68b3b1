/** Command-line arguments of `npm run -s lesson -- FILE... [--json] [--guard-ms N] [--timeout-ms N] [--out DIR]`. */
export interface LessonArgs {
  files: string[];
  json: boolean;
  guardMs: number;
  timeoutMs: number;
  out?: string;
  starters: boolean;
}

export const USAGE = 'usage: npm run -s lesson -- FILE... [--json] [--guard-ms N] [--timeout-ms N] [--out DIR] [--starters]';

export function parseArgs(argv: string[]): LessonArgs | { error: string } {
  const args: LessonArgs = { files: [], json: false, guardMs: 3000, timeoutMs: 60_000, starters: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const number = (name: string) => {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number of milliseconds`);
      return value;
    };
    try {
      if (arg === '--json') args.json = true;
      else if (arg === '--starters') args.starters = true;
      else if (arg === '--guard-ms') args.guardMs = number(arg);
      else if (arg === '--timeout-ms') args.timeoutMs = number(arg);
      else if (arg === '--out') {
        args.out = argv[++i];
        if (!args.out) throw new Error('--out needs a directory');
      } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
      else args.files.push(arg);
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  if (args.files.length === 0) return { error: 'no lesson files given' };
  return args;
}

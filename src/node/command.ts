/**
 * What every `npm run` command does with its arguments: Node's util.parseArgs, `--help` that says
 * what the command does and takes, and a bad argument answered with what was wrong, the usage
 * line and exit code 2.
 */
import { parseArgs } from 'node:util';
// The kit's server reads its arguments the same way and must stay package-free: the lab borrows from it.
import { argumentError, portFrom } from '../shipped/workshop-serve.mjs';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What it means, for --help. */
  help: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  name: string;
  usage: string;
  /** A sentence or two for --help. */
  about: string;
  options: O;
  /** How many plain arguments; `missing` says what to give when too few are. */
  positionals?: { min?: number; max?: number; missing?: string };
}

export type Values<O extends Record<string, OptionSpec>> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

/** Prints `name: message` and the usage line to stderr, and exits 2. */
export function failWith(spec: { name: string; usage: string }, message: string): never {
  process.stderr.write(`${spec.name}: ${message}\n${spec.usage}\n`);
  process.exit(2);
}

export function readCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  if (argv.includes('--help') || argv.includes('-h')) {
    const width = Math.max(0, ...Object.keys(spec.options).map((name) => name.length + 9));
    const lines = Object.entries(spec.options).map(
      ([name, option]) => `  --${name}${option.type === 'string' ? ' VALUE' : ''}`.padEnd(width + 2) + option.help,
    );
    process.stdout.write(`${spec.usage}\n\n${spec.about}\n${lines.length ? `\noptions:\n${lines.join('\n')}\n` : ''}`);
    process.exit(0);
  }
  try {
    const options = Object.fromEntries(Object.entries(spec.options).map(([name, option]) => [name, { type: option.type }]));
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    const { min = 0, max = Infinity, missing } = spec.positionals ?? {};
    if (positionals.length < min) failWith(spec, missing ?? (min === 1 ? 'an argument is missing' : `${min} arguments are needed`));
    if (positionals.length > max) failWith(spec, `unexpected arguments: ${positionals.slice(max).join(' ')}`);
    return { values: values as Values<O>, positionals };
  } catch (error) {
    return failWith(spec, argumentError(error as Error));
  }
}

/** A port number (0 picks a free one), or a clear refusal. */
export function portOf(spec: { name: string; usage: string }, raw: string | undefined, fallback: number): number {
  const port = portFrom(raw, fallback);
  return typeof port === 'string' ? failWith(spec, port) : port;
}

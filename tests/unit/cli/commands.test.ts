/**
 * Every command a user types (`npm run …`, and the workshop kit's `node serve.mjs`) reads its
 * arguments one way: `--help` says what it does and exits 0; an unknown option, a missing value or
 * a bad port is named, with the usage line, and exits 2 before anything starts.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const COMMANDS: [string, string][] = [
  ['src/cli/lesson.ts', 'usage: npm run -s lesson'],
  ['src/cli/fork.ts', 'usage: npm run fork'],
  ['src/cli/serve-model.ts', 'usage: npm run serve-model'],
  ['src/cli/serve-site.ts', 'usage: npm run serve-site'],
  ['src/cli/workshop-kit.ts', 'usage: npm run workshop-kit'],
  ['src/cli/bench.ts', 'usage: npm run bench'],
  ['src/cli/bench-gpu.ts', 'usage: npm run bench:gpu'],
  ['src/cli/timings.ts', 'usage: npm run timings'],
  ['src/shipped/workshop-serve.mjs', 'usage: node serve.mjs'],
];

describe('every command', () => {
  it.each(COMMANDS)('%s --help prints its usage and what it does, and exits 0', async (script, usage) => {
    const result = await run(script, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(usage)).toBe(true);
    expect(result.stdout.trim().split('\n').length).toBeGreaterThan(2); // more than the usage line
  });

  it.each(COMMANDS)('%s names an unknown option with its usage line, and exits 2', async (script, usage) => {
    const result = await run(script, ['--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option --no-such-option');
    expect(result.stderr).toContain(usage);
  });

  it.each([
    ['src/cli/serve-site.ts', ['--port', 'eighty'], /--port needs a port number from 0 to 65535.*"eighty"/],
    ['src/cli/serve-model.ts', ['--port', '70000'], /--port needs a port number from 0 to 65535.*"70000"/],
    ['src/shipped/workshop-serve.mjs', ['--port', ''], /--port needs a port number from 0 to 65535.*""/],
    ['src/shipped/workshop-serve.mjs', ['--port'], /--port needs a value/],
    ['src/shipped/workshop-serve.mjs', ['--room-key', 'abcdefgh'], /--room-key goes with --room/],
    ['src/cli/serve-site.ts', ['--host', '0.0.0.0'], /--host, --room-key and --room-file go with --room/],
    ['src/shipped/workshop-serve.mjs', ['--room', '--room-key', 'a b'], /--room-key needs 6 to 64 letters/],
    ['src/cli/fork.ts', ['lessons/00-welcome.md'], /give a lesson and a folder/],
    ['src/cli/fork.ts', ['a', 'b', 'c'], /unexpected arguments: c/],
  ] as const)('%s %j is refused before anything starts', async (script, args, message) => {
    const result = await run(script, [...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

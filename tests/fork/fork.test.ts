/**
 * `npm run fork`: cells become modules whose sharing is explicit, every lesson forks into a project
 * that type-checks, and a forked project's own test runs the cells headless and fails on a failing
 * check. (Installing a fork from the npm registry is tests/fork-install.test.ts.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/notebook/parse.ts';
import { cellModules, ForkError } from '../../src/fork/cell-modules.ts';
import { runLessonFile } from '../../src/node/run-file.ts';

const fixture = (name: string) => parseLesson(readFileSync(`tests/fixtures/fork/${name}`, 'utf8'), `tests/fixtures/fork/${name}`);
const fork = (lesson: string, dir: string) => execFileSync(process.execPath, ['src/cli/fork.ts', lesson, dir], { encoding: 'utf8' });
/** A fork that borrows the lab's node_modules, so it can be type-checked and run without installing. */
function forkWithLabModules(lesson: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fork-'));
  fork(lesson, dir);
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('cells as modules', () => {
  const modules = cellModules(fixture('shared-names.md'));

  it('imports each shared name from the cell that declared it, types with import type', () => {
    const exercise = modules[1]!.text;
    expect(exercise).toContain('import { points } from "./cell-01.ts";');
    expect(exercise).toContain('meanX = points.reduce'); // the solution, as headless runs use
    const fourth = modules[3]!.text;
    expect(fourth).toContain('import type { Point } from "./cell-01.ts";');
    expect(fourth).toContain('import * as tf from "@tensorflow/tfjs";');
    expect(fourth).toContain('import { Plot } from "../plot.ts";');
    expect(modules[0]!.text).toContain('export type { Point };');
    expect(modules[0]!.text).toContain('export { random, points };');
  });

  it("repeats an earlier cell's import of the lab where a later cell uses the name", () => {
    const lesson = parseLesson(
      '---\ntitle: T\nstage: intro\nsummary: S\n---\n\n```ts\nimport { mulberry32 } from "lab";\n```\n\n```ts\nconst r = mulberry32(1);\n```\n',
      'inline.md',
    );
    expect(cellModules(lesson)[1]!.text).toContain('import { mulberry32 } from "../lab/lab/index.ts";');
  });

  it('shows the last expression with display(), as the notebook does, but not a check', () => {
    expect(modules[0]!.text).toContain('display((points.length));');
    expect(modules[3]!.text).toContain('display((total));');
    expect(modules[2]!.text).not.toContain('display(');
  });

  it('keeps run=false cells out of a full run and out of what run cells can import', () => {
    expect(modules[5]!.run).toBe(false);
    expect(modules[5]!.text).toContain('Not run by default');
  });

  const inline = (...cells: string[]) =>
    parseLesson(
      `---\ntitle: T\nstage: intro\nsummary: S\n---\n\n${cells.map((c) => `\`\`\`ts\n${c}\n\`\`\``).join('\n\n')}\n`,
      'inline.md',
    );

  it('imports a name once even when the cell and an earlier cell both bring it', () => {
    const text = cellModules(
      inline('import * as tf from "@tensorflow/tfjs";\nconst a = tf.scalar(1);', 'const b = tf.scalar(2).add(a);'),
    )[1]!.text;
    expect(text.match(/import \* as tf/g)).toHaveLength(1);
  });

  it("allows a function's own variable named like another cell's, refuses destructuring into another cell's", () => {
    expect(() =>
      cellModules(inline('let total = 0;', 'function sum(xs: number[]) { let total = 0; for (const x of xs) total += x; return total; }')),
    ).not.toThrow();
    expect(() => cellModules(inline('let a = 1;\nlet b = 2;', '[a, b] = [b, a];'))).toThrow('cell 2 assigns to `a`');
  });

  it("refuses a cell that assigns another cell's variable, naming the file, line and name", () => {
    expect(() => cellModules(fixture('assigns-across.md'))).toThrow(ForkError);
    expect(() => cellModules(fixture('assigns-across.md'))).toThrow(
      'tests/fixtures/fork/assigns-across.md:12: cell 2 assigns to `counter`, which cell 1 declares',
    );
  });
});

describe('npm run fork', () => {
  it('forks every lesson into a project that type-checks', () => {
    const root = mkdtempSync(join(tmpdir(), 'forks-'));
    const lessons = readdirSync('lessons').filter((name) => name.endsWith('.md'));
    for (const name of lessons) fork(`lessons/${name}`, join(root, name.replace(/\.md$/, '')));
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({ extends: `./${lessons[0]!.replace(/\.md$/, '')}/tsconfig.json`, include: ['*/src', '*/test'] }),
    );
    const result = spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 180_000);

  it("runs the fork's own test: green as forked, red when a check fails", () => {
    const dir = forkWithLabModules('tests/fixtures/fork/shared-names.md');
    const passing = spawnSync(process.execPath, ['--test', 'test/lesson.test.ts'], { cwd: dir, encoding: 'utf8' });
    expect(passing.status, passing.stdout + passing.stderr).toBe(0);
    expect(passing.stdout).toContain('✓ the mean x is');
    const checks = join(dir, 'src/cells/cell-05.ts');
    writeFileSync(checks, readFileSync(checks, 'utf8').replace('total > 40', 'total > 400'));
    const failing = spawnSync(process.execPath, ['--test', 'test/lesson.test.ts'], { cwd: dir, encoding: 'utf8' });
    expect(failing.status).not.toBe(0);
    expect(failing.stdout).toContain('cell 5: twice the sum of x is');
  }, 120_000);

  it('seeds each cell as the lab does: the fork draws the same random numbers', async () => {
    const dir = forkWithLabModules('tests/fixtures/fork/seeded.md');
    const forked = spawnSync(process.execPath, ['--test', 'test/lesson.test.ts'], { cwd: dir, encoding: 'utf8' });
    expect(forked.status, forked.stdout + forked.stderr).toBe(0);
    const lab = await runLessonFile(fixture('seeded.md'), { guardMs: 3000, timeoutMs: 60_000 });
    const printed = lab.cells.map((cell) => cell.outputs[0]!.text);
    expect(printed).toEqual([expect.stringMatching(/^weights -?\d\.\d{6}/), expect.stringMatching(/^draws 0\.\d{6}/)]);
    for (const line of printed) expect(forked.stdout).toContain(line);
  }, 120_000);

  it("refuses to write into the lab's own folder", () => {
    const into = spawnSync(process.execPath, ['src/cli/fork.ts', 'welcome', 'src', '--force'], { encoding: 'utf8' });
    expect(into.status).toBe(2);
    expect(into.stderr).toContain("is the lab's own folder or inside it");
  });

  it('refuses a folder that is not empty, and a lesson that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fork-'));
    writeFileSync(join(dir, 'mine.txt'), 'keep me');
    const busy = spawnSync(process.execPath, ['src/cli/fork.ts', 'welcome', dir], { encoding: 'utf8' });
    expect(busy.status).toBe(2);
    expect(busy.stderr).toContain('exists and is not empty');
    const missing = spawnSync(process.execPath, ['src/cli/fork.ts', 'no-such-lesson', join(dir, 'x')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no lesson file or slug "no-such-lesson"');
  });
});

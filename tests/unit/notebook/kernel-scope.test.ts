import { afterEach, describe, expect, it } from 'vitest';
import type { Kernel } from '../../../src/notebook/kernel.ts';
import { kernelOf, texts } from '../../helpers/lesson.ts';

let kernel: Kernel | undefined;
afterEach(() => kernel?.dispose());

async function runAll(cells: (string | [string, string])[]) {
  kernel = await kernelOf(cells);
  const ok = await kernel.runAll();
  return { ok, kernel };
}

describe('the lesson scope', () => {
  it('shares top-level declarations with later cells, and shows the last expression', async () => {
    const { ok, kernel } = await runAll([
      'const a: number = 2;\nlet b = 3;\nfunction twice(x: number) { return 2 * x }\nclass Box<T> { constructor(public value: T) {} }',
      'const { x, y: [first, ...others] } = { x: a, y: [b, 4, 5] };\nconst box = new Box(twice(x));',
      '`${box.value} ${first} ${others.length}`',
    ]);
    expect(ok).toBe(true);
    expect(texts(kernel, 2)).toEqual(['4 3 2']);
    expect(kernel.cells[0]!.declarations.sort()).toEqual(['Box', 'a', 'b', 'twice']);
    expect(kernel.cells[2]!.references.sort()).toEqual(['box', 'first', 'others']);
  });

  it('keeps live bindings: a function from one cell sees later assignments', async () => {
    const { ok, kernel } = await runAll(['let count = 0;\nconst bump = () => ++count;', 'bump(); bump();\ncount', 'count = 10; bump()']);
    expect(ok).toBe(true);
    expect(texts(kernel, 1)).toEqual(['2']);
    expect(texts(kernel, 2)).toEqual(['11']);
  });

  it('lets two cells declare the same name; the cell run last defines it', async () => {
    kernel = await kernelOf(['const value = "first";', 'const value = "second";', 'value']);
    expect(await kernel.runAll()).toBe(true);
    expect(texts(kernel, 2)).toEqual(['"second"'.slice(1, -1)]);
    await kernel.run(0);
    await kernel.run(2);
    expect(texts(kernel, 2)).toEqual(['first']);
  });

  it('does not let browser-like globals swallow names', async () => {
    const { ok, kernel } = await runAll(['const name = "mine"; let status = 1;', 'status += 1; `${name} ${status}`']);
    expect(ok).toBe(true);
    expect(texts(kernel, 1)).toEqual(['mine 2']);
    expect((globalThis as Record<string, unknown>).status).toBeUndefined();
  });

  it('supports top-level await, generators, async functions and hoisted functions', async () => {
    const { ok, kernel } = await runAll([
      'const later = await Promise.resolve(5);\nconst total = sum(later, 1);\nfunction sum(a: number, b: number) { return a + b }',
      'function* range(n: number) { for (let i = 0; i < n; i++) yield i }\nasync function slowDouble(v: number) { await new Promise((r) => setTimeout(r, 5)); return v * 2 }',
      '[...range(total)].length + await slowDouble(1)',
    ]);
    expect(ok).toBe(true);
    expect(texts(kernel, 2)).toEqual(['8']);
  });

  it('imports the lab modules as in a forked project, and names an unknown module', async () => {
    kernel = await kernelOf([
      'import * as tfjs from "@tensorflow/tfjs";\nimport { shuffled } from "lab";\nimport type { Tensor } from "@tensorflow/tfjs";\nconst t: Tensor = tfjs.scalar(3);',
      'shuffled([1, 2, 3], 1).length + t.dataSync()[0]',
      'import { nope } from "left-pad";',
    ]);
    expect(await kernel.run(0)).toBe(true);
    expect(await kernel.run(1)).toBe(true);
    expect(texts(kernel, 1)).toEqual(['6']);
    expect(await kernel.run(2)).toBe(false);
    expect(texts(kernel, 2)[0]).toMatch(
      /^test\.md:25: CompileError: unknown module "left-pad"; a cell can import "@tensorflow\/tfjs", "@observablehq\/plot", "lab"/,
    );
  });

  it('explains a name that a cell which has not run declares', async () => {
    kernel = await kernelOf(['const later = 1;', 'later + 1']);
    expect(await kernel.run(1)).toBe(false);
    const error = kernel.cells[1]!.outputs[0]!;
    expect(error.kind).toBe('error');
    expect(error.text).toContain('later is not defined: it is declared in cell 1');
    expect(kernel.missingInputs(1)).toEqual([0]);
    await kernel.run(0);
    expect(kernel.missingInputs(1)).toEqual([]);
  });

  it('reports typeof of an unknown name as "undefined" instead of throwing', async () => {
    const { ok, kernel } = await runAll(['typeof notDeclaredAnywhere']);
    expect(ok).toBe(true);
    expect(texts(kernel, 0)).toEqual(['undefined']);
  });
});

describe('statuses', () => {
  it('marks users of a re-run or edited cell stale', async () => {
    kernel = await kernelOf(['const base = 1;', 'const derived = base + 1;', 'const other = 5;', 'derived']);
    await kernel.runAll();
    expect(kernel.cells.map((c) => c.status)).toEqual(['done', 'done', 'done', 'done']);
    await kernel.run(0);
    expect(kernel.cells.map((c) => c.status)).toEqual(['done', 'stale', 'done', 'done']);
    await kernel.run(1);
    expect(kernel.cells.map((c) => c.status)).toEqual(['done', 'done', 'done', 'stale']);
    kernel.edit(2, 'const other = 6;');
    expect(kernel.cells[2]!.status).toBe('stale');
  });

  it('skips run=false cells in Run all and stops the queue at the first error', async () => {
    kernel = await kernelOf([['run=false', 'throw new Error("never")'], 'const a = 1;', 'undefinedThing()', 'const b = 2;']);
    expect(await kernel.runAll()).toBe(false);
    expect(kernel.cells.map((c) => c.status)).toEqual(['skipped', 'done', 'error', 'idle']);
  });
});

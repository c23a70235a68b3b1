import { afterEach, describe, expect, it } from 'vitest';
import type { Kernel } from '../../../src/notebook/kernel.ts';
import { kernelOf, sleep, texts } from '../../helpers/lesson.ts';

let kernel: Kernel | undefined;
afterEach(() => kernel?.dispose());

const kinds = (index: number) => kernel!.cells[index]!.outputs.map((o) => o.kind);

describe('outputs', () => {
  it('captures console output into the cell, in order, by stream', async () => {
    kernel = await kernelOf([
      'console.log("a", 1, { b: [2] });\nconsole.warn("careful");\nconsole.error(new Error("bad"));\nconsole.table([{ x: 1 }, { x: 2 }]);',
    ]);
    expect(await kernel.run(0)).toBe(true);
    const outputs = kernel.cells[0]!.outputs;
    expect(outputs.map((o) => [o.kind, 'stream' in o ? o.stream : undefined, o.text])).toEqual([
      ['text', 'log', 'a 1 { b: [2] }'],
      ['text', 'warn', 'careful'],
      ['text', 'error', 'Error: bad'],
      ['table', undefined, 'x\n1\n2'],
    ]);
  });

  it('shows tensors with shape, dtype and values, tables, charts and plain values', async () => {
    kernel = await kernelOf([
      'display(tf.tensor2d([[1, 2], [3, 4]], undefined, "int32"));\ndisplay([{ name: "a", v: 1 }, { name: "b", v: 2.5 }]);\ndisplay(new Map([["k", 1]]));\nPlot.dot([{ x: 1, y: 2 }], { x: "x", y: "y" }).plot()',
    ]);
    expect(await kernel.run(0)).toBe(true);
    expect(kinds(0)).toEqual(['tensor', 'table', 'text', 'chart']);
    const [tensor, table, map, chart] = kernel.cells[0]!.outputs;
    expect(tensor).toMatchObject({ shape: [2, 2], dtype: 'int32' });
    expect(tensor!.text).toBe('Tensor int32 [2, 2]\n[[1, 2],\n [3, 4]]');
    expect(table).toMatchObject({
      columns: ['name', 'v'],
      rows: [
        ['a', 1],
        ['b', 2.5],
      ],
      total: 2,
    });
    expect(map!.text).toBe('Map(1) {"k" => 1}');
    expect(chart!.text).toBe('chart 640x400: dot');
    expect((chart as { svg: string }).svg).toMatch(/^<svg[^>]*class="plot-/);
  });

  it('shows a model as its summary', async () => {
    kernel = await kernelOf(['tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2] })] })']);
    expect(await kernel.run(0)).toBe(true);
    expect(texts(kernel, 0)[0]).toMatch(/Total params: 9/);
  });

  it('updates a progress bar in place', async () => {
    kernel = await kernelOf([
      'const bar = display.progress("epochs", 3);\nfor (let i = 1; i <= 3; i++) { bar.update(i); await new Promise((r) => setTimeout(r, 1)); }\nbar.done();',
    ]);
    const values: number[] = [];
    kernel.subscribe((cell) => {
      const bar = cell.outputs.find((o) => o.kind === 'progress');
      if (bar && bar.kind === 'progress') values.push(bar.value);
    });
    expect(await kernel.run(0)).toBe(true);
    expect(kernel.cells[0]!.outputs).toHaveLength(1);
    expect(values).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(texts(kernel, 0)[0]).toMatch(/^epochs: 3\/3 in \d+\.\d s$/);
  });

  it('points a runtime error at its Markdown line and column, through functions of other cells', async () => {
    kernel = await kernelOf([
      'function parse(text: string) {\n  const data: { value: number } = JSON.parse(text);\n  return data.value.toFixed(1);\n}',
      'const ok = parse("{\\"value\\": 2}");\nparse("{}")',
    ]);
    await kernel.run(0);
    expect(await kernel.run(1)).toBe(false);
    const error = kernel.cells[1]!.outputs.find((o) => o.kind === 'error')!;
    const line0 = kernel.cells[0]!.block.line;
    const line1 = kernel.cells[1]!.block.line;
    expect(error).toMatchObject({ name: 'TypeError', location: { file: 'test.md', line: line0 + 2 } });
    expect(error.text.split('\n')[0]).toMatch(new RegExp(`^test\\.md:${line0 + 2}:\\d+: TypeError: Cannot read properties of undefined`));
    expect(error.text).toContain(`at parse test.md:${line0 + 2}:`);
    expect(error.text).toMatch(new RegExp(`at test\\.md:${line1 + 1}:`));
  });

  it('points a syntax error at its line', async () => {
    kernel = await kernelOf(['const a = 1;\nconst b = (2;\n']);
    expect(await kernel.run(0)).toBe(false);
    expect(texts(kernel, 0)[0]).toMatch(new RegExp(`^test\\.md:${kernel.cells[0]!.block.line + 1}:\\d+: CompileError: syntax error`));
  });

  it('reports an error thrown later in a timer into the cell that set it', async () => {
    kernel = await kernelOf(['setTimeout(() => { throw new RangeError("late"); }, 1);']);
    expect(await kernel.run(0)).toBe(true);
    await sleep(30);
    expect(texts(kernel, 0).join('\n')).toMatch(/RangeError: late/);
  });
});

describe('checks and exercises', () => {
  const exercise: (string | [string, string])[] = [
    ['exercise id=lr', 'const rate = 10; // too high'],
    ['solution for=lr', 'const rate = 0.1;'],
    ['check for=lr', 'check(rate < 1, `the rate is ${rate}; it should be below 1`);'],
  ];

  it('a failing check in a check cell fails the cell with the message', async () => {
    kernel = await kernelOf([['check', 'check(1 + 1 === 2, "arithmetic");\ncheck(false, "a claim that broke");']]);
    expect(await kernel.run(0)).toBe(false);
    expect(texts(kernel, 0)).toEqual(['✓ arithmetic', '✗ a claim that broke', expect.stringMatching(/CheckFailed: 1 of 2 checks failed/)]);
  });

  it('headless runs the solution in place of the starter and the check passes', async () => {
    kernel = await kernelOf(exercise, { useSolutions: true });
    expect(await kernel.runAll()).toBe(true);
    expect(kernel.cells[0]!.ran).toBe('solution');
    expect(kernel.cells).toHaveLength(2);
  });

  it('the starter fails its check: an error headless, "not yet" in the browser', async () => {
    kernel = await kernelOf(exercise);
    expect(await kernel.runAll()).toBe(false);
    expect(kernel.cells[0]!.ran).toBe('starter');
    kernel.dispose();
    kernel = await kernelOf(exercise, { softExerciseChecks: true });
    expect(await kernel.runAll()).toBe(true);
    expect(kernel.cells[1]!.status).toBe('done');
    expect(texts(kernel, 1)).toEqual(['✗ the rate is 10; it should be below 1', 'Not yet: 1 of 1 checks do not pass.']);
  });
});

describe('memory and randomness', () => {
  it('warns when re-running a cell keeps adding live tensors', async () => {
    kernel = await kernelOf(['const weights = tf.ones([4]);', 'const total = tf.tidy(() => tf.ones([4]).sum().dataSync()[0]);']);
    await kernel.runAll();
    await kernel.runAll();
    expect(kernel.cells[0]!.leakedTensors).toBe(1);
    expect(texts(kernel, 0).join('\n')).toMatch(/left 1 more tensors alive.*tf\.tidy/s);
    expect(kernel.cells[1]!.leakedTensors).toBe(0);
    expect(texts(kernel, 1)).toEqual([]);
  });

  it('gives the same numbers on every Run all, after Restart, and on a re-run: Math.random and TF.js initialisers are seeded per cell', async () => {
    const cells = [
      'const r = Math.random();\nconst w = tf.layers.dense({ units: 1, inputShape: [3] });\nconst m = tf.sequential({ layers: [w] });\nconst first = Array.from(m.getWeights()[0]!.dataSync());\n[r, ...first].map((v) => v.toFixed(6)).join(" ")',
    ];
    kernel = await kernelOf(cells);
    await kernel.runAll();
    const once = texts(kernel, 0)[0];
    await kernel.restart();
    await kernel.runAll();
    expect(texts(kernel, 0)[0]).toBe(once);
    await kernel.run(0); // a re-run is seeded as the cell was in Run all (kernel-seed.test.ts)
    expect(texts(kernel, 0)[0]).toBe(once);
  });

  it('ends in error, with a message, whatever a cell throws (never stuck running)', async () => {
    const throws = [
      'throw Object.create(null);',
      'throw null;',
      'const e = new Error("boom"); Object.defineProperty(e, "stack", { get() { throw new Error("no stack for you"); } }); throw e;',
      'throw new Proxy({}, { getPrototypeOf() { throw new Error("trap"); }, get() { throw new Error("trap"); } });',
      'await Promise.reject(Object.create(null));',
    ];
    kernel = await kernelOf(throws);
    for (const [index, source] of throws.entries()) {
      expect(await kernel.run(index), source).toBe(false);
      expect(kernel.cells[index]!.status).toBe('error');
      expect(texts(kernel, index).join('\n'), source).toMatch(/^test\.md:\d+(:\d+)?: Error: /);
    }
    expect(texts(kernel, 2)[0]).toContain('Error: boom');
    expect(texts(kernel, 0)[0]).toContain('an object that is not an Error');
  });
});

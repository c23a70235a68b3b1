/**
 * Stop, the loop guard and Restart, on the runaway cases a learner writes. Each test asserts the
 * work really stopped (a counter stops growing) and that the kernel still runs the next cell.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/notebook/kernel.ts';
import { kernelOf, lessonOf, nodeHost, sleep, texts } from '../../helpers/lesson.ts';

let kernel: Kernel | undefined;
afterEach(() => kernel?.dispose());

async function waitFor(condition: () => boolean, ms = 10_000) {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await sleep(10);
  }
}

const scopeValue = (name: string) => kernel!.scope[name];

describe('Stop', () => {
  it('ends a loop that awaits, keeps the scope, and the next cell runs', async () => {
    kernel = await kernelOf([
      'let counter = 0;\nconst keep = "kept";',
      'while (true) {\n  counter++;\n  await new Promise((resolve) => setTimeout(resolve, 1));\n}',
      'keep + " " + (counter > 0)',
    ]);
    await kernel.run(0);
    const running = kernel.run(1);
    await waitFor(() => (scopeValue('counter') as number) > 5);
    await kernel.stop();
    expect(await running).toBe(false);
    // The learner's Stop is not a failure: its own status, a note, no loop-guard advice.
    expect(kernel.cells[1]!.status).toBe('stopped');
    expect(kernel.cells[1]!.outputs).toEqual([{ kind: 'text', stream: 'warn', text: 'Stopped by you.' }]);
    const stoppedAt = scopeValue('counter');
    await sleep(100);
    expect(scopeValue('counter')).toBe(stoppedAt);
    expect(await kernel.run(2)).toBe(true);
    expect(texts(kernel, 2)).toEqual(['kept true']);
  });

  it('ends a cell waiting on a long timer, and clears the timer', async () => {
    kernel = await kernelOf([
      'let fired = false;\nsetTimeout(() => { fired = true; }, 300);\nawait new Promise((resolve) => setTimeout(resolve, 60_000));',
    ]);
    const running = kernel.run(0);
    await sleep(50);
    await kernel.stop();
    expect(await running).toBe(false);
    await sleep(400);
    expect(scopeValue('fired')).toBe(false);
  });

  it('ends a running fit at the end of a batch, shows stopping, and a second fit works', async () => {
    kernel = await kernelOf([
      [
        'id=data',
        'const xs = tf.randomNormal([256, 4]);\nconst ys = tf.randomNormal([256, 1]);\nconst model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });\nmodel.compile({ optimizer: "sgd", loss: "meanSquaredError" });\nlet batches = 0;',
      ],
      'await model.fit(xs, ys, { epochs: 10_000, batchSize: 8, verbose: 0, callbacks: { onBatchEnd: async () => { batches++; } } });\nconsole.log("carried on after fit");',
      'const history = await model.fit(xs, ys, { epochs: 2, batchSize: 64, verbose: 0 });\nhistory.history.loss.length',
    ]);
    await kernel.run(0);
    const seen: string[] = [];
    kernel.subscribe((cell) => {
      if (cell.index === 1 && seen.at(-1) !== cell.status) seen.push(cell.status);
    });
    const running = kernel.run(1);
    await waitFor(() => (scopeValue('batches') as number) > 3);
    await kernel.stop();
    expect(await running).toBe(false);
    expect(seen).toEqual(['queued', 'running', 'stopping', 'stopped']);
    expect(texts(kernel, 1)).toEqual(['Stopped by you. Training ended at the end of its batch.']);
    const stoppedAt = scopeValue('batches');
    await sleep(200);
    expect(scopeValue('batches')).toBe(stoppedAt);
    expect(await kernel.run(2)).toBe(true);
    expect(texts(kernel, 2)).toEqual(['2']);
  });

  it("Stop during lab's train() marks its panel stopped; early stopping's own end stays done", async () => {
    kernel = await kernelOf([
      [
        'id=data',
        'import { train } from "lab";\nconst xs = tf.randomNormal([256, 4]);\nconst ys = tf.randomNormal([256, 1]);\nconst model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });\nmodel.compile({ optimizer: "sgd", loss: "meanSquaredError" });\nlet batches = 0;',
      ],
      'await train(model, xs, ys, { epochs: 10_000, batchSize: 8, callbacks: { onBatchEnd: async () => { batches++; } } });',
      'await train(model, xs, ys, { epochs: 50, batchSize: 64, callbacks: { onEpochEnd: async (epoch) => { if (epoch === 1) model.stopTraining = true; } } });',
    ]);
    await kernel.run(0);
    const running = kernel.run(1);
    await waitFor(() => (scopeValue('batches') as number) > 3);
    await kernel.stop();
    expect(await running).toBe(false);
    await waitFor(() => kernel!.cells[1]!.outputs.some((o) => o.kind === 'training' && o.state === 'stopped'));
    expect(await kernel.run(2)).toBe(true);
    const panel = kernel.cells[2]!.outputs.find((o) => o.kind === 'training');
    expect(panel?.kind === 'training' && [panel.state, panel.epochEnds.length]).toEqual(['done', 2]);
  });
});

describe('the loop guard', () => {
  const runaways: [string, string][] = [
    ['for(;;)', 'for (;;) { counter++; }'],
    ['while (true) without braces', 'while (true) counter++;'],
    ['nested loops', 'for (let i = 0; i < 10; i++) {\n  for (let j = 0; ; j++) counter++;\n}'],
    ['a labelled loop', 'outer: for (let i = 0; ; i++) {\n  for (let j = 0; j < 3; j++) { counter++; continue outer; }\n}'],
    ['do-while', 'do { counter++; } while (counter > -1);'],
    ['a loop in a function', 'function spin() { while (true) counter++; }\nspin();'],
    ['a loop in a callback', '[1, 2].forEach(() => { for (;;) counter++; });'],
    ['a loop in a generator', 'function* numbers() { while (true) { counter++; if (counter < 0) yield counter; } }\nnumbers().next();'],
    ['a loop after an await', 'await Promise.resolve();\nwhile (true) counter++;'],
    ['a loop caught by try/catch inside', 'while (true) {\n  try { for (;;) counter++; } catch (e) { counter++; }\n}'],
  ];

  it.each(runaways)('stops %s that never yields, and the kernel goes on', async (_name, loop) => {
    kernel = await kernelOf(['let counter = 0;', loop, 'counter > 0'], { guardMs: 150 });
    await kernel.run(0);
    expect(await kernel.run(1)).toBe(false);
    const error = kernel.cells[1]!.outputs.find((o) => o.kind === 'error')!;
    expect(error.text).toMatch(/The loop at test\.md:\d+ has run for \d+\.\d s without letting the page update/);
    expect(error.text).toMatch(/guard=SECONDS/);
    const stoppedAt = scopeValue('counter') as number;
    expect(stoppedAt).toBeGreaterThan(0);
    await sleep(50);
    expect(scopeValue('counter')).toBe(stoppedAt);
    expect(await kernel.run(2)).toBe(true);
    expect(texts(kernel, 2)).toEqual(['true']);
  });

  it('names the loop line in the Markdown file', async () => {
    kernel = await kernelOf(['let n = 0;\nn++;\nwhile (true) n++;'], { guardMs: 100 });
    await kernel.run(0);
    const cellLine = kernel.cells[0]!.block.line;
    expect(texts(kernel, 0)[0]).toContain(`The loop at test.md:${cellLine + 2} `);
  });

  it('honours guard=SECONDS on the cell over the default', async () => {
    kernel = await kernelOf([['guard=0.3', 'const start = performance.now();\nwhile (true) {}']], { guardMs: 50 });
    await kernel.run(0);
    const seconds = Number(/has run for (\d+\.\d) s/.exec(texts(kernel, 0)[0]!)![1]);
    expect(seconds).toBeGreaterThanOrEqual(0.3);
  });

  it('asks the learner; Cancel lets the loop go on until OK', async () => {
    const base = await nodeHost();
    const asked: string[] = [];
    const host = {
      ...base,
      confirmStop: (message: string) => {
        asked.push(message);
        const until = performance.now() + 40; // a real dialog takes time to answer
        while (performance.now() < until);
        return asked.length >= 2;
      },
    };
    kernel = new Kernel(lessonOf(['let spins = 0;\nwhile (true) spins++;']), host, { guardMs: 100 });
    expect(await kernel.run(0)).toBe(false);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/OK stops it/);
  });

  it('does not fire on a long loop that yields', async () => {
    kernel = await kernelOf(
      [
        'let turns = 0;\nconst until = performance.now() + 400;\nwhile (performance.now() < until) { turns++; await new Promise((r) => setTimeout(r, 0)); }\nturns > 0',
      ],
      { guardMs: 100 },
    );
    expect(await kernel.run(0)).toBe(true);
  });

  // Each turn computes 40 ms, then awaits a promise that resolves on a microtask (as model.fit does
  // in Node): 320 ms in all against a 150 ms guard.
  const awaitingLoop =
    'let rounds = 0;\nfor (let i = 0; i < 8; i++) {\n  const until = performance.now() + 40;\n  while (performance.now() < until) {}\n  await Promise.resolve();\n  rounds++;\n}\nrounds';

  it('headless, an await counts as a turn: a loop awaiting work each round runs to the end', async () => {
    kernel = new Kernel(lessonOf([awaitingLoop]), await nodeHost(), { guardMs: 150 });
    expect(await kernel.run(0)).toBe(true);
    expect(texts(kernel, 0)).toEqual(['8']);
  });

  it('in a page, an await that lets nothing paint is not a turn: the same loop is stopped', async () => {
    kernel = new Kernel(lessonOf([awaitingLoop]), { ...(await nodeHost()), awaitIsATurn: false }, { guardMs: 150 });
    expect(await kernel.run(0)).toBe(false);
    expect(texts(kernel, 0)[0]).toMatch(/has run for/);
  });

  it('stops a runaway loop in a timer callback and reports it in the cell', async () => {
    kernel = await kernelOf(['let ticks = 0;\nsetTimeout(() => { while (true) ticks++; }, 0);'], { guardMs: 100 });
    expect(await kernel.run(0)).toBe(true);
    await waitFor(() => kernel!.cells[0]!.outputs.some((o) => o.kind === 'error'));
    expect(texts(kernel, 0).join('\n')).toMatch(/The loop at test\.md:\d+ has run/);
  });
});

describe('timers, listeners and Restart', () => {
  it('clears the timers of a cell when it re-runs', async () => {
    kernel = await kernelOf(['const seen = new Set<number>();', 'const me = Math.random();\nsetInterval(() => seen.add(me), 5);']);
    await kernel.run(0);
    await kernel.run(1);
    await kernel.run(1);
    await sleep(30);
    (scopeValue('seen') as Set<number>).clear();
    await sleep(60);
    expect([...(scopeValue('seen') as Set<number>)]).toEqual([scopeValue('me')]);
  });

  it('removes the event listeners a cell added when it re-runs', async () => {
    kernel = await kernelOf(['const target = new EventTarget();\nlet hits = 0;', 'target.addEventListener("ping", () => hits++);']);
    await kernel.run(0);
    await kernel.run(1);
    await kernel.run(1);
    (scopeValue('target') as EventTarget).dispatchEvent(new Event('ping'));
    expect(scopeValue('hits')).toBe(1);
  });

  it('Restart stops the work, clears the scope, timers and tensors', async () => {
    const tf = (await nodeHost()).tf;
    kernel = await kernelOf([
      'const ticker = { n: 0 };\nsetInterval(() => ticker.n++, 5);\nconst big = tf.ones([100, 100]);',
      'await new Promise(() => {});',
    ]);
    await kernel.run(0);
    const hanging = kernel.run(1);
    await sleep(30);
    const ticker = scopeValue('ticker') as { n: number };
    expect(ticker.n).toBeGreaterThan(0);
    await kernel.restart();
    expect(await hanging).toBe(false);
    expect(Object.keys(kernel.scope)).toEqual([]);
    expect(kernel.cells.map((c) => c.status)).toEqual(['idle', 'idle']);
    expect(tf.memory().numTensors).toBe(0);
    const n = ticker.n;
    await sleep(50);
    expect(ticker.n).toBe(n);
  });
});

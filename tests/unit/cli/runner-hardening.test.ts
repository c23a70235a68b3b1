/**
 * The headless runner cannot be fooled by what a cell does: errors that arrive after a cell was
 * reported, after the last cell, or from an unawaited promise fail the file at that cell; a promise
 * that never settles meets --timeout-ms; process.exit() and odd throws name the cell; a forged
 * "done" does not pass a file. Fixtures in tests/fixtures/hostile/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/notebook/parse.ts';
import { runLessonFile } from '../../../src/node/run-file.ts';

const fixture = (name: string) => `tests/fixtures/hostile/${name}.md`;
const lessonAt = (file: string) => parseLesson(readFileSync(file, 'utf8'), file);
const run = (name: string, timeoutMs = 20_000, sandbox = false) =>
  runLessonFile(lessonAt(fixture(name)), { guardMs: 3000, timeoutMs, sandbox });
const statuses = (report: { cells: { status: string }[] }) => report.cells.map((cell) => cell.status);
const allText = (report: { cells: { outputs: { text: string }[] }[] }, index: number) =>
  report.cells[index]!.outputs.map((o) => o.text).join('\n');

describe('the headless runner against hostile cells', () => {
  it('a timer that throws after its cell was reported fails that cell, at its line', async () => {
    const report = await run('throwing-timer');
    expect(report.ok).toBe(false);
    expect(statuses(report)).toEqual(['error', 'done']);
    expect(allText(report, 0)).toMatch(/throwing-timer\.md:8:\d+: Error: late boom/);
  });

  it('a timer that rejects after the last cell fails the file', async () => {
    const report = await run('error-after-last');
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/error-after-last\.md:12:\d+: Error: after the last cell/);
    expect(statuses(report)).toEqual(['done', 'error']);
  });

  it('an unawaited rejection fails the cell it came from', async () => {
    const report = await run('unawaited-rejection');
    expect(report.ok).toBe(false);
    expect(allText(report, 0)).toMatch(/unawaited-rejection\.md:8:\d+: Error: nobody awaited me/);
  });

  it('a promise that never settles meets --timeout-ms, named at its cell', async () => {
    const report = await run('never-settles', 1500);
    expect(report.ok).toBe(false);
    expect(statuses(report)).toEqual(['done', 'error']);
    expect(allText(report, 1)).toMatch(/never-settles\.md:12: TimeoutError: cell 2 ran longer than 1500 ms/);
  });

  it('process.exit() in a cell fails that cell, at its line', async () => {
    const report = await run('process-exit');
    expect(report.ok).toBe(false);
    expect(allText(report, 1)).toMatch(/process-exit\.md:12: the runner exited \(code 0\) while this cell ran/);
  });

  it('a "done" posted by a cell does not pass the file', async () => {
    const report = await run('forged-done');
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/the run ended before cells 1, 2 were reported/);
  });

  it('a cell that throws what is not an Error ends in error with a message', async () => {
    const report = await run('odd-throw');
    expect(report.ok).toBe(false);
    expect(allText(report, 0)).toMatch(/odd-throw\.md:8: Error: the cell threw an object that is not an Error/);
  });
});

describe("--sandbox: a child process under Node's permission model", () => {
  it('refuses writes outside its folder and new processes, and still reads datasets (without it, both happen)', async () => {
    const [inside, outside] = await Promise.all([run('sandbox-escape', 20_000, true), run('sandbox-escape')]);
    expect(inside.ok).toBe(true);
    expect(inside.cells.slice(0, 2).map((cell) => cell.outputs[0]!.text)).toEqual(['ERR_ACCESS_DENIED', 'ERR_ACCESS_DENIED']);
    expect(outside.ok).toBe(false);
    expect(outside.cells.slice(0, 2).map((cell) => cell.outputs[0]!.text)).toEqual(['wrote', 'spawned']);
  });

  it('saves and loads lab:// models in its own folder, and names the cell that exits or never settles', async () => {
    const models = await runLessonFile(lessonAt('tests/fixtures/site/ui-model.md'), { guardMs: 3000, timeoutMs: 20_000, sandbox: true });
    expect(models.ok).toBe(true);
    const exited = await run('process-exit', 20_000, true);
    expect(exited.cells[1]!.outputs[0]!.text).toMatch(/process-exit\.md:12: the runner exited \(code 0\) while this cell ran/);
    const stuck = await run('never-settles', 1500, true);
    expect(stuck.cells[1]!.outputs[0]!.text).toMatch(/never-settles\.md:12: TimeoutError/);
  });
});

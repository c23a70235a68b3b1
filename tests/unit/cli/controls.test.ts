/**
 * `--controls`: a trunk run with a branch per control and per exercise starter, on small fixture
 * lessons: controls that hold and that do not, a branch that leaks into the trunk, a branch that
 * runs too long, and a branch that trains the trunk's own model (rewound after it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/notebook/parse.ts';
import { runLessonControls } from '../../../src/node/run-controls.ts';
import { runLessonFile } from '../../../src/node/run-file.ts';

const fixture = (name: string) => `tests/fixtures/controls/${name}.md`;
const lesson = (name: string) => parseLesson(readFileSync(fixture(name), 'utf8'), fixture(name));
const options = { guardMs: 3000, timeoutMs: 30_000 };
const outputsOf = (cells: { outputs: { text: string }[] }[]) => cells.map((cell) => cell.outputs.map((o) => o.text));

describe('npm run lesson -- --controls', () => {
  it('judges each control and starter in a branch; the trunk prints what a plain run prints', async () => {
    const [branched, plain] = await Promise.all([runLessonControls(lesson('holds'), options), runLessonFile(lesson('holds'), options)]);
    expect(branched.ok).toBe(true);
    expect(branched.controls).toMatchObject([
      { kind: 'control', cell: 'train', check: 'slope', lever: 'two epochs', failed: true, line: 27 },
    ]);
    expect(branched.starters).toMatchObject([{ kind: 'starter', exercise: 'double', failed: true }]);
    expect(branched.notes).toEqual([]);
    // The branch trained the trunk's model (Adam, whose slots appear at the first step): its
    // weights are put back, so the trunk's numbers are exactly a plain run's.
    expect(outputsOf(branched.cells)).toEqual(outputsOf(plain.cells));
    expect(branched.cells.every((cell) => cell.status === 'done')).toBe(true);
  });

  it('a control whose check still passes, or whose lever throws first, fails at its line', async () => {
    const report = await runLessonControls(lesson('broken'), options);
    expect(report.ok).toBe(false);
    expect(report.cells.every((cell) => cell.status === 'done')).toBe(true); // the trunk itself is fine
    expect(report.controls).toMatchObject([
      { line: 20, failed: false, error: 'check "mean-above-one" still passes with the lever flipped' },
      {
        line: 28,
        failed: false,
        error: expect.stringMatching(
          /^cell 2 failed before check "mean-above-one" ran: tests\/fixtures\/controls\/broken\.md:13:\d+: TypeError/,
        ),
      },
    ]);
  });

  it('a trunk check that fails after a branch is reported as a leak, and the lesson starts again without it', async () => {
    const report = await runLessonControls(lesson('leak'), options);
    expect(report.notes).toEqual([
      expect.stringMatching(/leak\.md:32: cell 5 failed in the trunk after 2 branches; one may have leaked into it/),
    ]);
    expect(report.ok).toBe(true);
    expect(report.controls.map((c) => c.failed)).toEqual([true, true]);
    expect(report.cells.find((cell) => cell.id === 'more-checks')!.outputs[0]!.text).toBe('✓ the trunk saw 1 then 2');
  });

  it('a branch past --timeout-ms is killed and fails its control; the other branches still run', async () => {
    const started = Date.now();
    const report = await runLessonControls(lesson('slow-branch'), { guardMs: 3000, timeoutMs: 1500 });
    expect(Date.now() - started).toBeLessThan(40_000); // the blocked call lasts 60 s
    expect(report.controls).toMatchObject([
      {
        cell: 'size',
        failed: false,
        error: expect.stringMatching(/slow-branch\.md:8: TimeoutError: cell 1 ran longer than 1500 ms and was killed/),
      },
      { cell: 'work', failed: true },
    ]);
    expect(report.notes).toHaveLength(1);
    expect(report.cells.map((cell) => cell.status)).toEqual(['done', 'done', 'done']);
  });
});

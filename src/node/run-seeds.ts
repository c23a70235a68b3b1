/**
 * `--seeds K`: a lesson run on K seeds, and each check's record across them: how often it passed,
 * on which seeds it did not, and its worst margin. A claim that holds on the seed the author tried
 * but not on the next one is a claim about that seed; this is how to find out.
 */
import type { Lesson } from '../notebook/lesson.ts';
import { cellsOf } from '../notebook/lesson.ts';
import type { FileReport } from './report.ts';
import { runLessonFile, type RunFileOptions } from './run-file.ts';

export interface CheckRecord {
  /** The check's id, or `cell N #k` for the k-th check without one in cell N. */
  id: string;
  /** Line of the cell that holds it. */
  line: number;
  passed: number;
  /** Seeds on which it ran. */
  runs: number;
  /** Seeds on which it ran and failed. */
  failedSeeds: number[];
  /** Seeds whose run stopped (an earlier cell failed) before this check ran. */
  notRunSeeds: number[];
  /** The smallest margin any seed gave, where the check states one. */
  worstMargin?: number;
}

export interface SeedsReport {
  file: string;
  /** Every check passed on every seed. */
  ok: boolean;
  seeds: number[];
  checks: CheckRecord[];
  /** Each seed's run: whether it passed, and its first error when it did not. */
  runs: { seed: number; ok: boolean; error?: string }[];
}

export interface SeedsOptions extends RunFileOptions {
  /** Runs at once, each in its own worker (default 1). */
  jobs?: number;
  onRun?: (seed: number, report: FileReport) => void;
}

export const withSeed = (lesson: Lesson, seed: number): Lesson => ({ ...lesson, meta: { ...lesson.meta, seed } });

/** Runs `tasks` with at most `jobs` at once, results in order. */
async function pool<T>(tasks: (() => Promise<T>)[], jobs: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const at = next++;
      results[at] = await tasks[at]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, worker));
  return results;
}

function firstError(report: FileReport): string | undefined {
  if (report.error) return report.error.split('\n')[0];
  const failed = report.cells.find((cell) => cell.status === 'error');
  // A failed check says more than the cell's "1 of 2 checks failed".
  const output = failed?.outputs.find((o) => o.kind === 'check' && o.pass === false) ?? failed?.outputs.find((o) => o.kind === 'error');
  return output?.text.split('\n')[0];
}

export async function runLessonSeeds(lesson: Lesson, seeds: number[], options: SeedsOptions): Promise<SeedsReport> {
  const reports = await pool(
    seeds.map((seed) => async () => {
      const report = await runLessonFile(withSeed(lesson, seed), options);
      options.onRun?.(seed, report);
      return report;
    }),
    options.jobs ?? 1,
  );

  const lines = new Map(cellsOf(lesson).map((cell) => [cell.index, cell.line]));
  const records = new Map<string, CheckRecord & { seen: Set<number> }>();
  reports.forEach((report, i) => {
    const seed = seeds[i]!;
    for (const cell of report.cells) {
      let unnamed = 0;
      for (const output of cell.outputs) {
        if (output.kind !== 'check') continue;
        const id = output.id ?? `cell ${cell.index + 1} #${++unnamed}`;
        const record = records.get(id) ?? {
          id,
          line: lines.get(cell.index) ?? cell.line,
          passed: 0,
          runs: 0,
          failedSeeds: [],
          notRunSeeds: [],
          seen: new Set(),
        };
        records.set(id, record);
        // A check in a loop is one claim: it holds on a seed when every evaluation passed.
        if (record.seen.has(seed)) {
          if (output.pass === false && !record.failedSeeds.includes(seed)) {
            record.failedSeeds.push(seed);
            record.passed--;
          }
        } else {
          record.seen.add(seed);
          record.runs++;
          if (output.pass) record.passed++;
          else record.failedSeeds.push(seed);
        }
        if (output.margin !== undefined) record.worstMargin = Math.min(record.worstMargin ?? Infinity, output.margin);
      }
    }
  });
  const checks = [...records.values()]
    .map(({ seen, ...record }) => {
      record.notRunSeeds = seeds.filter((seed) => !seen.has(seed));
      record.failedSeeds.sort((a, b) => a - b);
      return record;
    })
    .sort((a, b) => a.line - b.line);
  const runs = reports.map((report, i) => ({ seed: seeds[i]!, ok: report.ok, ...(report.ok ? {} : { error: firstError(report) }) }));
  // Every check on every seed: one that did not run there (an earlier cell failed) did not hold.
  return {
    file: lesson.file,
    ok: runs.every((run) => run.ok) && checks.every((check) => check.passed === seeds.length),
    seeds,
    checks,
    runs,
  };
}

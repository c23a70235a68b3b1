/** Plain-text printing of headless results, for an instructor reading a terminal. */
import type { CellReport, FileReport } from './report.ts';
import type { BranchResult } from './branch.ts';
import type { SeedsReport } from './run-seeds.ts';

const MARK: Record<string, string> = { done: '✓', error: '✗', skipped: '-', idle: '·' };

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/** `timings: false` leaves out milliseconds, for output that must compare equal between runs. */
export function printCell(cell: CellReport, { timings = true } = {}): string {
  const name = cell.id ? `cell ${cell.index + 1} "${cell.id}"` : `cell ${cell.index + 1}`;
  const ran = cell.ran === 'solution' ? ' [solution]' : '';
  const time = cell.status === 'skipped' ? '  skipped' : timings ? `  ${cell.ms} ms` : '';
  const head = `  ${MARK[cell.status] ?? '?'} ${name} (line ${cell.line})${ran}${time}\n`;
  const body = cell.outputs.map((output) => `${indent(output.text, '      ')}\n`).join('');
  return head + body;
}

export function printSummary(report: FileReport & { controls?: BranchResult[]; starters?: BranchResult[] }): string {
  const count = (status: string) => report.cells.filter((c) => c.status === status).length;
  const branches = [...(report.controls ?? []), ...(report.starters ?? [])];
  const ms = report.cells.reduce((sum, c) => sum + c.ms, 0) + branches.reduce((sum, b) => sum + b.ms, 0);
  const parts = [`${count('done')} done`, `${count('error')} failed`];
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  if (count('idle')) parts.push(`${count('idle')} not run`);
  const held = (list?: BranchResult[]) => `${list!.filter((b) => b.failed).length} of ${list!.length}`;
  if (report.controls) parts.push(`controls: ${held(report.controls)} make their check fail`);
  if (report.starters?.length) parts.push(`starters: ${held(report.starters)} fail their checks`);
  return `  ${report.ok ? 'ok' : 'FAILED'}: ${parts.join(', ')} in ${(ms / 1000).toFixed(1)} s${report.error ? `\n  ${report.error}` : ''}\n`;
}

/** One judged branch of a --controls run: a control (its check must fail) or an exercise starter. */
export function printBranch(file: string, result: BranchResult): string {
  const mark = result.failed ? '✓' : '✗';
  const time = result.ms ? `  ${result.ms} ms` : '';
  if (result.kind === 'control') {
    const what = result.lever ? `${result.lever}: ` : '';
    const verdict = result.failed ? `check "${result.check}" fails, as it must` : (result.error ?? `check "${result.check}" did not fail`);
    return `  ${mark} control ${file}:${result.line} (cell "${result.cell}") ${what}${verdict}${time}\n`;
  }
  const verdict = result.failed ? 'runs and fails its checks, as it must' : (result.error ?? 'did not fail its checks');
  return `  ${mark} starter of exercise "${result.exercise}" (${file}:${result.line}) ${verdict}${time}\n`;
}

/** A --seeds run: each check's pass count across the seeds, the seeds it failed on, its worst margin. */
export function printSeeds(report: SeedsReport): string {
  const range = report.seeds.length > 1 ? `seeds ${report.seeds[0]}–${report.seeds.at(-1)}` : `seed ${report.seeds[0]}`;
  const width = Math.max(0, ...report.checks.map((c) => c.id.length));
  const rows = report.checks
    .map((check) => {
      const mark = check.passed === report.seeds.length ? '✓' : check.failedSeeds.length ? '✗' : '·';
      const margin = check.worstMargin === undefined ? '' : `  worst margin ${Number(check.worstMargin.toPrecision(3))}`;
      const seedList = (seeds: number[]) => `seed${seeds.length > 1 ? 's' : ''} ${seeds.join(', ')}`;
      const failed = check.failedSeeds.length ? `  fails on ${seedList(check.failedSeeds)}` : '';
      const notRun = check.notRunSeeds.length ? `  not run on ${seedList(check.notRunSeeds)} (an earlier cell failed)` : '';
      return `  ${mark} ${check.id.padEnd(width)}  line ${String(check.line).padEnd(4)} ${check.passed}/${check.runs}${margin}${failed}${notRun}\n`;
    })
    .join('');
  const broken = report.runs.filter((run) => !run.ok);
  const errors = broken.map((run) => `    seed ${run.seed}: ${run.error ?? 'failed'}\n`).join('');
  const verdict = report.ok
    ? `  ok: every check passed on ${range}`
    : `  FAILED: ${broken.length} of ${report.runs.length} runs on ${range} failed`;
  return `${rows}${errors}${verdict}\n`;
}

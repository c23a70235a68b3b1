/** Plain-text printing of headless results, for an instructor reading a terminal. */
import type { CellReport, FileReport } from './report.ts';

const MARK: Record<string, string> = { done: '✓', error: '✗', skipped: '-', idle: '·' };

const indent = (text: string, by: string) => text.split('\n').map((line) => `${by}${line}`).join('\n');

/** `timings: false` leaves out milliseconds, for output that must compare equal between runs. */
export function printCell(cell: CellReport, { timings = true } = {}): string {
  const name = cell.id ? `cell ${cell.index + 1} "${cell.id}"` : `cell ${cell.index + 1}`;
  const ran = cell.ran === 'solution' ? ' [solution]' : '';
  const time = cell.status === 'skipped' ? '  skipped' : timings ? `  ${cell.ms} ms` : '';
  const head = `  ${MARK[cell.status] ?? '?'} ${name} (line ${cell.line})${ran}${time}\n`;
  const body = cell.outputs.map((output) => `${indent(output.text, '      ')}\n`).join('');
  return head + body;
}

export function printSummary(report: FileReport): string {
  const count = (status: string) => report.cells.filter((c) => c.status === status).length;
  const ms = report.cells.reduce((sum, c) => sum + c.ms, 0);
  const parts = [`${count('done')} done`, `${count('error')} failed`];
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  if (count('idle')) parts.push(`${count('idle')} not run`);
  return `  ${report.ok ? 'ok' : 'FAILED'}: ${parts.join(', ')} in ${(ms / 1000).toFixed(1)} s${report.error ? `\n  ${report.error}` : ''}\n`;
}

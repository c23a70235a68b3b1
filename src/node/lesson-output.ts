/**
 * What the headless runner writes besides its live lines: charts as SVG files (--out), and the
 * closing summary or JSON document, with the exit code (0 all passed, 1 a cell or seed failed,
 * 2 a file could not be read or parsed).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lesson } from '../notebook/lesson.ts';
import type { FileReport } from './report.ts';
import type { SeedsReport } from './run-seeds.ts';

/** Why --out cannot be used as a folder (made when missing), or undefined when it can. */
export async function outFolderProblem(dir: string): Promise<string | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) return 'is a file, not a folder';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return (error as Error).message;
    try {
      await mkdir(dir, { recursive: true });
    } catch (made) {
      return `cannot be made: ${(made as Error).message}`;
    }
  }
  return undefined;
}

/** Each chart a cell drew, as SLUG-cellN-K.svg. */
export async function writeCharts(dir: string, lesson: Lesson, report: FileReport) {
  await mkdir(dir, { recursive: true });
  for (const cell of report.cells) {
    let n = 0;
    for (const output of cell.outputs) {
      if (output.kind !== 'chart' || !output.svg) continue;
      await writeFile(join(dir, `${lesson.slug}-cell${cell.index + 1}-${++n}.svg`), output.svg);
    }
  }
}

export function finish(
  options: { json: boolean; seeds: boolean },
  reports: FileReport[],
  seedReports: SeedsReport[],
  unreadable: boolean,
): void {
  if (options.seeds) {
    const unreadableReports = reports.map((r) => ({ file: r.file, ok: false, error: r.error, seeds: [], checks: [], runs: [] }));
    const all = [...unreadableReports, ...seedReports];
    if (options.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    else {
      const passed = seedReports.filter((r) => r.ok).length;
      process.stdout.write(`${passed} of ${all.length} lessons held on every seed\n`);
    }
    process.exitCode = unreadable ? 2 : all.every((r) => r.ok) ? 0 : 1;
  } else if (options.json) {
    // Chart markup goes to --out files; the JSON keeps each output's kind and text.
    const plain = reports.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, outputs: c.outputs.map(({ svg: _svg, ...o }) => o) })) }));
    process.stdout.write(`${JSON.stringify(plain, null, 2)}\n`);
  } else {
    const passed = reports.filter((r) => r.ok).length;
    process.stdout.write(`${passed} passed, ${reports.length - passed} failed\n`);
  }
  if (!options.seeds) process.exitCode = unreadable ? 2 : reports.every((r) => r.ok) ? 0 : 1;
}

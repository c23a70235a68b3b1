/**
 * The headless runner: runs every cell of each lesson file in order on TF.js's CPU backend.
 * Exit 0 when all passed, 1 when a cell failed, 2 when a file could not be read or parsed.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LessonError } from '../notebook/errors.ts';
import { parseLesson } from '../notebook/parse.ts';
import type { Lesson } from '../notebook/lesson.ts';
import { HELP, parseArgs, USAGE } from './args.ts';
import { runLessonFile } from './run-file.ts';
import { runLessonControls } from './run-controls.ts';
import { runLessonSeeds, withSeed, type SeedsReport } from './run-seeds.ts';
import type { CellReport, FileReport } from './report.ts';
import { printBranch, printCell, printSeeds, printSummary } from './print.ts';

// A reader such as `head` may close the pipe early; that is not a failure of the lessons.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}
const args = parseArgs(process.argv.slice(2));
if ('error' in args) {
  process.stderr.write(`${args.error}\n${USAGE}\n`);
  process.exit(2);
}

// --out must be a folder we can write to; say so before running anything, not with a stack trace after.
if (args.out) {
  const problem = await outFolderProblem(args.out);
  if (problem) {
    process.stderr.write(`--out ${args.out}: ${problem}\n${USAGE}\n`);
    process.exit(2);
  }
}

const reports: FileReport[] = [];
const seedReports: SeedsReport[] = [];
let unreadable = false;
for (const file of args.files) {
  let lesson: Lesson;
  try {
    lesson = parseLesson(await readFile(file, 'utf8'), file);
  } catch (error) {
    unreadable = true;
    const message = error instanceof LessonError ? error.message : `${file}: ${(error as Error).message}`;
    reports.push({ file, ok: false, error: message, cells: [] });
    if (!args.json) process.stdout.write(`${file}\n  ✗ ${message}\n\n`);
    continue;
  }
  if (args.seeds !== undefined) {
    const first = args.seed ?? lesson.meta.seed;
    const seeds = Array.from({ length: args.seeds }, (_, i) => first + i);
    if (!args.json) process.stdout.write(`${file}  (${lesson.meta.title}) on ${seeds.length} seeds from ${first}\n`);
    const report = await runLessonSeeds(lesson, seeds, {
      guardMs: args.guardMs,
      timeoutMs: args.timeoutMs,
      jobs: args.jobs,
      sandbox: args.sandbox,
    });
    seedReports.push(report);
    if (!args.json) process.stdout.write(`${printSeeds(report)}\n`);
    continue;
  }
  if (args.seed !== undefined) lesson = withSeed(lesson, args.seed);
  if (!args.json) process.stdout.write(`${file}  (${lesson.meta.title})\n`);
  const live = !args.json;
  const options = {
    guardMs: args.guardMs,
    timeoutMs: args.timeoutMs,
    starters: args.starters,
    sandbox: args.sandbox,
    onCell: live ? (cell: CellReport) => process.stdout.write(printCell(cell)) : undefined,
  };
  const report = args.controls
    ? await runLessonControls(lesson, {
        ...options,
        onBranch: live ? (result) => process.stdout.write(printBranch(lesson.file, result)) : undefined,
        onNote: live ? (why) => process.stdout.write(`  ! ${why}\n`) : undefined,
      })
    : await runLessonFile(lesson, options);
  reports.push(report);
  if (live) process.stdout.write(`${printSummary(report)}\n`);
  if (args.out) await writeCharts(args.out, lesson, report);
}

async function outFolderProblem(dir: string): Promise<string | undefined> {
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

async function writeCharts(dir: string, lesson: Lesson, report: FileReport) {
  await mkdir(dir, { recursive: true });
  for (const cell of report.cells) {
    let n = 0;
    for (const output of cell.outputs) {
      if (output.kind !== 'chart' || !output.svg) continue;
      await writeFile(join(dir, `${lesson.slug}-cell${cell.index + 1}-${++n}.svg`), output.svg);
    }
  }
}

if (args.seeds !== undefined) {
  const unreadableReports = reports.map((r) => ({ file: r.file, ok: false, error: r.error, seeds: [], checks: [], runs: [] }));
  const all = [...unreadableReports, ...seedReports];
  if (args.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  else {
    const passed = seedReports.filter((r) => r.ok).length;
    process.stdout.write(`${passed} of ${all.length} lessons held on every seed\n`);
  }
  process.exitCode = unreadable ? 2 : all.every((r) => r.ok) ? 0 : 1;
} else if (args.json) {
  // Chart markup goes to --out files; the JSON keeps each output's kind and text.
  const plain = reports.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, outputs: c.outputs.map(({ svg: _svg, ...o }) => o) })) }));
  process.stdout.write(`${JSON.stringify(plain, null, 2)}\n`);
} else {
  const passed = reports.filter((r) => r.ok).length;
  process.stdout.write(`${passed} passed, ${reports.length - passed} failed\n`);
}
if (args.seeds === undefined) process.exitCode = unreadable ? 2 : reports.every((r) => r.ok) ? 0 : 1;

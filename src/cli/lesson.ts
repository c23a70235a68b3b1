/**
 * The headless runner: runs every cell of each lesson file in order on TF.js's CPU backend.
 * Exit 0 when all passed, 1 when a cell failed, 2 when a file could not be read or parsed.
 */
import { readFile } from 'node:fs/promises';
import { LessonError } from '../notebook/errors.ts';
import { parseLesson } from '../notebook/parse.ts';
import type { Lesson } from '../notebook/lesson.ts';
import { HELP, parseArgs, USAGE } from '../node/args.ts';
import { runLessonFile } from '../node/run-file.ts';
import { runLessonControls } from '../node/run-controls.ts';
import { runLessonSeeds, withSeed, type SeedsReport } from '../node/run-seeds.ts';
import type { CellReport, FileReport } from '../node/report.ts';
import { printBranch, printCell, printSeeds, printSummary } from '../node/print.ts';
import { finish, outFolderProblem, writeCharts } from '../node/lesson-output.ts';

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

finish({ json: args.json, seeds: args.seeds !== undefined }, reports, seedReports, unreadable);

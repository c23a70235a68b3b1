/**
 * `npm run fork -- <lesson file or slug> <folder> [--force]`: writes a standalone TypeScript
 * project from a lesson (see src/fork/). Exit 0: written; 2: bad arguments or a lesson that
 * cannot be forked, with the reason.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson } from '../notebook/parse.ts';
import { planFork } from '../fork/kit.ts';
import { readKit } from '../fork/read-kit.ts';
import { failWith, readCommand } from '../node/command.ts';

const COMMAND = {
  name: 'fork',
  usage: 'usage: npm run fork -- <lesson file or slug> <folder> [--force]',
  about: 'Writes a standalone TypeScript project from a lesson: its cells as modules, a page, a test.',
  options: { force: { type: 'boolean', help: 'write into a folder that is not empty (an earlier fork)' } },
  positionals: { min: 2, max: 2, missing: 'give a lesson and a folder' },
} as const;
const LAB = fileURLToPath(new URL('../../', import.meta.url));
function fail(message: string): never {
  return failWith(COMMAND, message);
}

const { values, positionals } = readCommand(COMMAND);
const force = values.force ?? false;
const [lessonArg, folderArg] = positionals as [string, string];

function findLesson(arg: string): string {
  if (existsSync(arg)) return arg;
  const match = readdirSync(join(LAB, 'lessons')).find(
    (name) => name === `${arg}.md` || name.replace(/^\d+-/, '').replace(/\.md$/, '') === arg,
  );
  if (!match) fail(`no lesson file or slug "${arg}" (lessons are in lessons/)`);
  return join(LAB, 'lessons', match);
}

const lessonPath = findLesson(lessonArg);
const lessonFile = relative(LAB, resolve(lessonPath)).startsWith('..') ? lessonPath : relative(LAB, resolve(lessonPath));
let lesson: ReturnType<typeof parseLesson>;
try {
  lesson = parseLesson(readFileSync(lessonPath, 'utf8'), lessonFile);
} catch (error) {
  fail((error as Error).message);
}
const out = resolve(folderArg);
const inside = (child: string, parent: string) => !relative(parent, child).startsWith('..') && !isAbsolute(relative(parent, child));
if (inside(out, LAB) || inside(LAB, out)) fail(`${folderArg} is the lab's own folder or inside it: fork into a folder of its own`);
if (existsSync(out) && !statSync(out).isDirectory()) fail(`${folderArg} is a file, not a folder`);
if (existsSync(out) && readdirSync(out).length > 0 && !force) fail(`${folderArg} exists and is not empty (add --force to write into it)`);
// --force over an earlier fork: its cells go, so no stale cell module is left to type-check.
if (force) rmSync(join(out, 'src/cells'), { recursive: true, force: true });

let plan: ReturnType<typeof planFork>;
try {
  plan = planFork(lesson, readKit(LAB));
} catch (error) {
  fail((error as Error).message);
}
for (const file of plan.files) {
  mkdirSync(dirname(join(out, file.path)), { recursive: true });
  writeFileSync(join(out, file.path), file.text);
}
for (const { from, to } of plan.copies) {
  mkdirSync(dirname(join(out, to)), { recursive: true });
  copyFileSync(join(LAB, from), join(out, to));
}
const copied = [...new Set(plan.copies.map((c) => c.from.split('/').slice(0, 2).join('/')))];

console.log(`forked ${lessonFile} into ${folderArg}: ${plan.cellCount} cell modules${copied.length ? `, ${copied.join(', ')}` : ''}`);
console.log(
  `next:\n  cd ${folderArg}\n  npm install && npm test     # type-check, run every cell headless, check every claim\n  npm start                    # the lesson as a page`,
);

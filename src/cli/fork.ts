/**
 * `npm run fork -- <lesson file or slug> <folder> [--force]`: writes a standalone TypeScript
 * project from a lesson (see src/fork/). Exit 0: written; 2: bad arguments or a lesson that
 * cannot be forked, with the reason.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson } from '../notebook/parse.ts';
import { cellsOf } from '../notebook/lesson.ts';
import { generatedFiles, LAB_SOURCES, TEMPLATE_FILES, type ForkVersions } from '../fork/project.ts';

const USAGE = 'usage: npm run fork -- <lesson file or slug> <folder> [--force]';
const LAB = fileURLToPath(new URL('../../', import.meta.url));

function fail(message: string): never {
  console.error(`fork: ${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const [lessonArg, folderArg, ...rest] = args.filter((a) => a !== '--force');
if (!lessonArg || !folderArg) fail('give a lesson and a folder');
if (rest.length) fail(`unexpected arguments: ${rest.join(' ')}`);

function findLesson(arg: string): string {
  if (existsSync(arg)) return arg;
  const match = readdirSync(join(LAB, 'lessons')).find((name) => name === `${arg}.md` || name.replace(/^\d+-/, '').replace(/\.md$/, '') === arg);
  if (!match) fail(`no lesson file or slug "${arg}" (lessons are in lessons/)`);
  return join(LAB, 'lessons', match);
}

const lessonPath = findLesson(lessonArg);
const lessonFile = relative(LAB, resolve(lessonPath)).startsWith('..') ? lessonPath : relative(LAB, resolve(lessonPath));
let lesson;
try {
  lesson = parseLesson(readFileSync(lessonPath, 'utf8'), lessonFile);
} catch (error) {
  fail((error as Error).message);
}
const out = resolve(folderArg);
if (existsSync(out) && readdirSync(out).length > 0 && !force) fail(`${folderArg} exists and is not empty (add --force to write into it)`);

const labPackage = JSON.parse(readFileSync(join(LAB, 'package.json'), 'utf8'));
const installed = (name: string, fallback: string) => {
  try {
    return `^${JSON.parse(readFileSync(join(LAB, 'node_modules', name, 'package.json'), 'utf8')).version}`;
  } catch {
    return fallback;
  }
};
const all = { ...labPackage.dependencies, ...labPackage.devDependencies } as Record<string, string>;
const versions: ForkVersions = {
  tfjs: all['@tensorflow/tfjs']!, plot: all['@observablehq/plot']!, seedrandom: all.seedrandom!,
  vite: installed('vite', '^8.3.0'), typescript: all.typescript!, node: all.node!, typesNode: all['@types/node']!,
  typesSeedrandom: all['@types/seedrandom']!, linkedom: all.linkedom!, canvas: all['@napi-rs/canvas']!,
};

let generated;
try {
  generated = generatedFiles(lesson, versions, readFileSync(join(LAB, 'src/fork/template/index.html'), 'utf8'));
} catch (error) {
  fail((error as Error).message);
}

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), text);
};
for (const file of generated.files) write(file.path, file.text);
for (const path of TEMPLATE_FILES) write(path, readFileSync(join(LAB, 'src/fork/template', path), 'utf8'));
for (const [from, to] of LAB_SOURCES) cpSync(join(LAB, from), join(out, to), { recursive: true });
// Data: the dataset folders the lesson names (shapes is generated, it has none), and the shipped
// models when a cell loads one.
const copied: string[] = [];
for (const name of lesson.meta.datasets) {
  const folder = join(LAB, 'datasets', name);
  if (!existsSync(folder)) continue;
  cpSync(folder, join(out, 'public/datasets', name), { recursive: true });
  copied.push(`datasets/${name}`);
}
if (cellsOf(lesson).some((cell) => /loadShippedModel/.test(cell.source))) {
  cpSync(join(LAB, 'models'), join(out, 'public/models'), { recursive: true });
  copied.push('models');
}

console.log(`forked ${lessonFile} into ${folderArg}: ${generated.modules.length} cell modules${copied.length ? `, ${copied.join(', ')}` : ''}`);
console.log(`next:\n  cd ${folderArg}\n  npm install && npm test     # type-check, run every cell headless, check every claim\n  npm start                    # the lesson as a page`);

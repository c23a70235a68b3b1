/**
 * Golden compile tests: each cell in tests/fixtures/compile/ (read in order, as the cells of one
 * lesson) and what the kernel's compiler makes of it, kept beside it as NAME.js. A change to the
 * rewriter shows up as a diff of those files. `UPDATE_GOLDEN=1` rewrites them; read the diff before
 * committing it.
 *
 * The same cells go through the fork's analyser (TypeScript's parser, types included), which must
 * agree with the kernel's (acorn, after types are stripped) on what each cell declares and which
 * other cells' names it needs. Where they differ by design, the difference is listed below, exactly:
 * a new one fails the test.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCell } from '../../../src/fork/analyse.ts';
import { compileCell } from '../../../src/notebook/compile.ts';

const DIR = 'tests/fixtures/compile';
const MODULES = ['lab', '@tensorflow/tfjs'];
const cells = readdirSync(DIR)
  .filter((name) => name.endsWith('.ts'))
  .sort()
  .map((name) => ({ name, source: readFileSync(join(DIR, name), 'utf8') }));

const compiled = cells.map(({ name, source }) => ({
  name,
  source,
  kernel: compileCell(source, { file: `${DIR}/${name}`, line: 1, modules: MODULES, sourceURL: `labcell-${name}` }),
  fork: analyseCell(source),
}));

function golden(kernel: ReturnType<typeof compileCell>): string {
  return [
    `// declarations: ${kernel.declarations.join(', ')}`,
    `// references: ${kernel.references.join(', ')}`,
    `// imports: ${kernel.imports.join(', ')}`,
    kernel.code,
    '',
  ].join('\n');
}

/**
 * Differences by design, per cell. `types`: names only the fork sees, because types are stripped
 * before the kernel looks. `shadowed`: a lesson name used only where a local of the same name
 * shadows it; the fork's analyser does not track scopes, so it imports that name too (one import
 * more than needed, never one fewer).
 */
const EXPECTED: Record<string, { types?: string[]; shadowed?: string[] }> = {
  '02-declarations.ts': { types: ['Point', 'Pair'], shadowed: ['n'] }, // the parameter of add(n = 1)
  '05-shadowing.ts': { shadowed: ['points', 'total', 'rest'] },
};

describe('compiling cells (golden files in tests/fixtures/compile)', () => {
  it('has fixtures to compare', () => {
    expect(cells.length).toBeGreaterThanOrEqual(8);
  });

  it.each(compiled.map((cell) => [cell.name, cell] as const))('%s compiles to its golden file', (name, cell) => {
    const file = join(DIR, name.replace(/\.ts$/, '.js'));
    const actual = golden(cell.kernel);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and read what it wrote`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });

  it('keeps every line where it was, so errors point at the cell line', () => {
    for (const cell of compiled) {
      const body = cell.kernel.code.split('\n').slice(cell.kernel.headerLines);
      // The body holds the cell's lines, then the closing "})" and the sourceURL line.
      expect(body.length - 2, cell.name).toBe(cell.source.split('\n').length);
      // A line that declares something stays on its line.
      const line = cell.source.split('\n').findIndex((text) => /^(const|let|function|class) /.test(text));
      if (line >= 0) expect(body[line], cell.name).toMatch(/\b(const|let|function|class)\b|__s\./);
    }
  });
});

describe("the fork's analyser and the kernel's agree", () => {
  const lessonNames = new Set(compiled.flatMap((cell) => cell.kernel.declarations));

  it.each(compiled.map((cell) => [cell.name, cell] as const))('%s: on what it declares', (name, cell) => {
    const forkValues = [...cell.fork.declares].filter(([, kind]) => kind === 'value').map(([n]) => n);
    const forkTypes = [...cell.fork.declares].filter(([, kind]) => kind === 'type').map(([n]) => n);
    const forkImports = cell.fork.imports.filter((i) => !i.typeOnly).map((i) => i.local);
    expect(new Set([...forkValues, ...forkImports])).toEqual(new Set(cell.kernel.declarations));
    expect(forkTypes.sort()).toEqual([...(EXPECTED[name]?.types ?? [])].sort());
  });

  it.each(compiled.map((cell) => [cell.name, cell] as const))("%s: on which other cells' names it needs", (name, cell) => {
    const own = new Set([...cell.fork.declares.keys(), ...cell.fork.imports.map((i) => i.local)]);
    const kernelNeeds = cell.kernel.references.filter((n) => lessonNames.has(n)).sort();
    const forkNeeds = [...cell.fork.uses].filter((n) => lessonNames.has(n) && !own.has(n)).sort();
    const forkOnly = forkNeeds.filter((n) => !kernelNeeds.includes(n));
    const kernelOnly = kernelNeeds.filter((n) => !forkNeeds.includes(n));
    expect(kernelOnly, 'names the kernel needs and the fork would not import').toEqual([]);
    expect(forkOnly.sort()).toEqual([...(EXPECTED[name]?.shadowed ?? [])].sort());
  });
});

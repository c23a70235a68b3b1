/**
 * A lesson's cells as ES modules. In the notebook, cells share one scope; in a project, sharing
 * must be explicit: each cell module exports what it declares and imports what it uses from the
 * last earlier cell that declared it (or repeats that cell's import of a library). The last
 * expression, which the notebook shows, becomes `display(...)`.
 */
import type { CellBlock, Lesson } from '../notebook/lesson.ts';
import { cellsOf } from '../notebook/lesson.ts';
import { analyseCell, type CellAnalysis, type DeclarationKind, type ImportedName } from './analyse.ts';

export class ForkError extends Error {}

export interface CellModule {
  index: number;
  /** Path inside the project, e.g. src/cells/cell-03.ts. */
  path: string;
  line: number;
  run: boolean;
  text: string;
}

/** Where a shared name comes from: an earlier cell's declaration, or an earlier cell's import. */
type Origin = { kind: 'cell'; cell: number; declaration: DeclarationKind } | { kind: 'import'; from: ImportedName };

/** Module specifiers as a project sees them: "lab" is the copy of the lab's helpers. */
export const LAB_IMPORT = '../lab/lab/index.ts';
const PLOT_IMPORT = '../plot.ts';
const RUNTIME_IMPORT = '../runtime.ts';
const rewriteModule = (module: string) => (module === 'lab' ? LAB_IMPORT : module);

export const cellPath = (index: number) => `src/cells/cell-${String(index + 1).padStart(2, '0')}.ts`;

function importLine(from: ImportedName, local: string): string {
  const module = rewriteModule(from.module);
  // The Plot namespace comes from the project's plot.ts (which has a DOM in Node); named marks
  // (`import { dot }`) stay as they are.
  if (from.module === '@observablehq/plot' && (from.imported === '*' || from.imported === 'default'))
    return `import { Plot as ${local} } from "${PLOT_IMPORT}";`;
  const type = from.typeOnly ? 'type ' : '';
  if (from.imported === '*') return `import ${type}* as ${local} from "${module}";`;
  if (from.imported === 'default') return `import ${type}${local} from "${module}";`;
  return `import ${type}{ ${from.imported === local ? local : `${from.imported} as ${local}`} } from "${module}";`;
}

function bodyOf(source: string, analysis: CellAnalysis): string {
  let body = source;
  const last = analysis.lastExpression;
  if (last && !last.isDisplayCall) {
    // Parenthesised, so that a comma expression stays one argument.
    body = `${body.slice(0, last.start)}display((${body.slice(last.start, last.end)}));${body.slice(last.statementEnd)}`;
  }
  // Imports are lifted to the module's head; blank them out from the last one back so spans stay valid.
  for (const span of [...analysis.importSpans].sort((a, b) => b.start - a.start)) {
    body = body.slice(0, span.start) + body.slice(span.end).replace(/^[ \t]*\r?\n/, '');
  }
  return body.replace(/^\s*\n/, '').trimEnd();
}

export function cellModules(lesson: Lesson): CellModule[] {
  // Headless runs use each exercise's solution; so does the fork.
  const cells = cellsOf(lesson).map((cell: CellBlock) => ({
    cell,
    source: cell.solution?.source ?? cell.source,
    line: cell.solution?.line ?? cell.line,
  }));
  const analyses = cells.map(({ source, cell }) => {
    try {
      return analyseCell(source);
    } catch (error) {
      throw new ForkError(`${lesson.file}:${cell.line}: cell ${cell.index + 1} could not be read: ${(error as Error).message}`);
    }
  });
  // Names visible to cells that Run all runs, and (separately) to cells run by hand, which may use those too.
  const shared = new Map<string, Origin>();
  const sharedWithManual = new Map<string, Origin>();
  const modules: CellModule[] = [];

  cells.forEach(({ cell, source, line }, i) => {
    const analysis = analyses[i]!;
    const visible = cell.options.run ? shared : sharedWithManual;
    const head: string[] = [];
    const own = new Set([...analysis.declares.keys(), ...analysis.imports.map((imp) => imp.local)]);
    /** Names bound by the module's head so far: each is imported once. */
    const bound = new Set<string>(analysis.imports.map((imp) => imp.local));
    const needsDisplay = analysis.uses.has('display') || (analysis.lastExpression && !analysis.lastExpression.isDisplayCall);
    const runtimeNames = [needsDisplay && 'display', analysis.uses.has('check') && 'check'].filter(Boolean);
    if (runtimeNames.length > 0) head.push(`import { ${runtimeNames.join(', ')} } from "${RUNTIME_IMPORT}";`);
    if (analysis.uses.has('tf') && !own.has('tf')) {
      head.push('import * as tf from "@tensorflow/tfjs";');
      bound.add('tf');
    }
    if (analysis.uses.has('Plot') && !own.has('Plot')) {
      head.push(`import { Plot } from "${PLOT_IMPORT}";`);
      bound.add('Plot');
    }
    for (const imp of analysis.imports) head.push(importLine(imp, imp.local));
    const fromCells = new Map<number, { values: string[]; types: string[] }>();
    for (const name of [...analysis.uses].sort()) {
      if (own.has(name) || bound.has(name)) continue;
      const origin = visible.get(name);
      if (!origin) continue;
      bound.add(name);
      if (origin.kind === 'import') {
        head.push(importLine(origin.from, name));
        continue;
      }
      if (analysis.assigns.has(name) && origin.declaration === 'value') {
        throw new ForkError(
          `${lesson.file}:${line}: cell ${cell.index + 1} assigns to \`${name}\`, which cell ${origin.cell + 1} declares; a module cannot assign another module's variable. Declare it in one cell, or keep it in an object (\`state.${name} = ...\`).`,
        );
      }
      const entry = fromCells.get(origin.cell) ?? { values: [], types: [] };
      (origin.declaration === 'type' ? entry.types : entry.values).push(name);
      fromCells.set(origin.cell, entry);
    }
    for (const [from, { values, types }] of [...fromCells].sort((a, b) => a[0] - b[0])) {
      const path = `./${cellPath(from).split('/').at(-1)}`;
      if (values.length) head.push(`import { ${values.join(', ')} } from "${path}";`);
      if (types.length) head.push(`import type { ${types.join(', ')} } from "${path}";`);
    }
    const values = [...analysis.declares].filter(([, kind]) => kind === 'value').map(([name]) => name);
    const types = [...analysis.declares].filter(([, kind]) => kind === 'type').map(([name]) => name);
    const exports = [values.length && `export { ${values.join(', ')} };`, types.length && `export type { ${types.join(', ')} };`].filter(
      Boolean,
    );
    const what = cell.options.check ? 'checks' : cell.solution ? 'exercise (its solution)' : 'cell';
    const text = [
      `// Cell ${cell.index + 1} of "${lesson.meta.title}": ${what} from ${lesson.file}, line ${line}.${cell.options.run ? '' : '\n// Not run by default (run=false in the lesson): it needs something you start by hand.'}`,
      ...head,
      '',
      bodyOf(source, analysis),
      ...(exports.length ? ['', ...exports] : []),
      '',
    ].join('\n');
    modules.push({ index: cell.index, path: cellPath(cell.index), line, run: cell.options.run, text });

    const origins: [string, Origin][] = [
      ...[...analysis.declares].map(([name, declaration]): [string, Origin] => [name, { kind: 'cell', cell: i, declaration }]),
      ...analysis.imports.map((from): [string, Origin] => [from.local, { kind: 'import', from }]),
    ];
    for (const [name, origin] of origins) {
      sharedWithManual.set(name, origin);
      if (cell.options.run) shared.set(name, origin);
    }
  });
  return modules;
}

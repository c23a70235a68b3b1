/**
 * Cell source (TypeScript) → a JavaScript function the kernel can call, plus what the cell
 * declares and which names it needs from other cells.
 *
 * Sucrase strips the types (small enough to ship to the browser, and it keeps every line where it
 * was); acorn parses the result; rewrite.ts instruments it. Lines of the output match lines of the
 * cell, so an error at output line N is Markdown line `cell.line + N - 1`.
 */
import { parse } from 'acorn';
import type { Program } from 'estree';
import { transform } from 'sucrase';
import { CompileError } from './errors.ts';
import { CELL_ENV_NAMES, LOOKUP, RUNTIME, SCOPE } from './names.ts';
import { rewriteCell } from './rewrite.ts';

export interface CompileOptions {
  /** The lesson file, for messages. */
  file: string;
  /** Markdown line of the cell's first code line. */
  line: number;
  /** Module specifiers a cell may import. */
  modules: readonly string[];
  /** Name shown in stack traces; the kernel maps it back to the lesson file. */
  sourceURL: string;
}

export interface CompiledCell {
  /** Source of a function expression: `(async function (__s, __r, __rt, display, ...) {...})`. */
  code: string;
  /** Top-level names the cell defines in the lesson scope. */
  declarations: string[];
  /** Free names it reads that are neither its own nor built in: other cells' names, or globals. */
  references: string[];
  imports: string[];
  /** Lines of the function source before the cell's first line. */
  headerLines: number;
}

export const CELL_PARAMETERS = [SCOPE, LOOKUP, RUNTIME, ...CELL_ENV_NAMES];

function stripTypes(source: string, options: CompileOptions): string {
  try {
    return transform(source, {
      transforms: ['typescript'],
      disableESTransforms: true,
      keepUnusedImports: true,
      production: true,
    }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const reason = String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, '');
    throw new CompileError(`syntax error: ${reason}`, {
      file: options.file,
      line: options.line + (loc ? loc.line - 1 : 0),
      column: loc ? loc.column + 1 : undefined,
    });
  }
}

export function compileCell(source: string, options: CompileOptions): CompiledCell {
  const javascript = stripTypes(source, options);
  let program: Program;
  try {
    program = parse(javascript, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowAwaitOutsideFunction: true,
      locations: true,
    }) as unknown as Program;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const reason = String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, '');
    throw new CompileError(`syntax error: ${reason}`, {
      file: options.file,
      line: options.line + (loc ? loc.line - 1 : 0),
      column: loc ? loc.column + 1 : undefined,
    });
  }
  const lineOf = (offset: number) => options.line + javascript.slice(0, offset).split('\n').length - 1;
  const result = rewriteCell(program, javascript, lineOf, options.modules);
  if ('message' in result) {
    throw new CompileError(result.message, { file: options.file, line: lineOf(result.at) });
  }
  const header = `(async function (${CELL_PARAMETERS.join(', ')}) { "use strict"; ${result.prologue}`;
  const code = `${header}\n${result.body}\n})\n//# sourceURL=${options.sourceURL}`;
  return {
    code,
    declarations: result.declarations,
    references: result.references,
    imports: result.imports,
    headerLines: 1,
  };
}

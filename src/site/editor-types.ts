/**
 * The type declarations the in-page editor needs, gathered at build time: every .d.ts that
 * TypeScript reads for `@tensorflow/tfjs` and `@observablehq/plot`, the "lab" helpers' sources,
 * and the globals cells see (tf, Plot, display, check). Shipping only this closure (about 660
 * files) instead of the packages' 1,800 declaration files keeps the download to one request.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const LICENSE_HEADER = /^\/\*\*?\s*\n\s*\*\s*@license[\s\S]*?\*\/\s*/;

const GLOBALS = `
interface LabProgress { update(value: number, label?: string): void; done(): void }
/** Shows a value under the cell (a tensor, a chart, a table, an element); returns it. */
declare const display: { <T>(value: T): T; progress(label: string, total: number): LabProgress };
/**
 * Records a check of a lesson claim; a failing check fails the cell. The message is one sentence,
 * or { id, pass, fail, margin? }: an id a control can name, the wording for each outcome, and how far
 * past its threshold the measurement is.
 */
declare function check(condition: unknown, message: string | { id?: string; pass: string; fail: string; margin?: number }): void;
`;

let cached: Record<string, string> | undefined;

/** Paths are given as they appear to the editor: file:///node_modules/... Computed once. */
export function editorTypes(): Record<string, string> {
  cached ??= collectTypes();
  return cached;
}

function collectTypes(): Record<string, string> {
  const entry = join(root, 'src/site/editor-types-entry.ts');
  const program = ts.createProgram([entry, join(root, 'src/lab/index.ts')], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    allowImportingTsExtensions: true,
    noEmit: true,
    types: [],
    skipLibCheck: true,
  });
  const files: Record<string, string> = {};
  const packages = new Map<string, string>();
  for (const source of program.getSourceFiles()) {
    const name = source.fileName;
    if (name.includes('/node_modules/typescript/')) continue;
    const inModules = /^(.*\/node_modules\/)((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(name);
    if (inModules) {
      const [, base, pkg, rest] = inModules as unknown as [string, string, string, string];
      files[`file:///node_modules/${pkg}/${rest}`] = source.text.replace(LICENSE_HEADER, '');
      packages.set(pkg, join(base, pkg));
    } else if (name.startsWith(join(root, 'src/')) && !name.endsWith('editor-types-entry.ts')) {
      // The lab's own helpers become the package "lab", keeping their relative imports.
      files[`file:///node_modules/lab/${relative(join(root, 'src'), name)}`] = source.text;
    }
  }
  for (const [pkg, dir] of packages) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { types?: string; typings?: string };
    files[`file:///node_modules/${pkg}/package.json`] = JSON.stringify({
      name: pkg,
      types: manifest.types ?? manifest.typings ?? 'index.d.ts',
    });
  }
  files['file:///node_modules/lab/package.json'] = JSON.stringify({ name: 'lab', types: 'lab/index.ts' });
  // UMD-style globals: cells use `tf` and `Plot` as values and as namespaces of types (tf.Tensor).
  files['file:///node_modules/@lab/globals/tf.d.ts'] = "export * from '@tensorflow/tfjs';\nexport as namespace tf;\n";
  files['file:///node_modules/@lab/globals/plot.d.ts'] = "export * from '@observablehq/plot';\nexport as namespace Plot;\n";
  files['file:///node_modules/@lab/globals/cells.d.ts'] = GLOBALS;
  return files;
}

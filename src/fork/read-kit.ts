/** The fork kit read from the repository (Node only): see kit.ts. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ForkKit } from './kit.ts';
import { LAB_SOURCES, TEMPLATE_FILES, type ForkVersions } from './project.ts';

function filesUnder(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [dir];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, join(dir, name)));
}

export function readKit(lab: string): ForkKit {
  const labPackage = JSON.parse(readFileSync(join(lab, 'package.json'), 'utf8'));
  const all = { ...labPackage.dependencies, ...labPackage.devDependencies } as Record<string, string>;
  const installed = (name: string, fallback: string) => {
    try {
      return `^${JSON.parse(readFileSync(join(lab, 'node_modules', name, 'package.json'), 'utf8')).version}`;
    } catch {
      return fallback;
    }
  };
  const versions: ForkVersions = {
    tfjs: all['@tensorflow/tfjs']!,
    plot: all['@observablehq/plot']!,
    seedrandom: all.seedrandom!,
    vite: installed('vite', '^8.3.0'),
    typescript: all.typescript!,
    node: all.node!,
    typesNode: all['@types/node']!,
    typesSeedrandom: all['@types/seedrandom']!,
    linkedom: all.linkedom!,
    canvas: all['@napi-rs/canvas']!,
  };
  const files = [
    ...TEMPLATE_FILES.map((path) => ({ path, text: readFileSync(join(lab, 'src/fork/template', path), 'utf8') })),
    ...LAB_SOURCES.flatMap(([from, to]) =>
      filesUnder(lab, from).map((file) => ({
        path: join(to, relative(from, file)).replace(/\\/g, '/') || to,
        text: readFileSync(join(lab, file), 'utf8'),
      })),
    ),
  ];
  const data: Record<string, string[]> = {};
  for (const name of readdirSync(join(lab, 'datasets'))) {
    if (statSync(join(lab, 'datasets', name)).isDirectory()) data[name] = filesUnder(lab, `datasets/${name}`);
  }
  data.models = filesUnder(lab, 'models');
  return { versions, indexHtml: readFileSync(join(lab, 'src/fork/template/index.html'), 'utf8'), files, data };
}

/**
 * Serving a folder of the repository (datasets/, models/) as static files of the site: one
 * page per file at build time, read from disk in dev. READMEs and scripts stay out.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function files(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(root, path) : [relative(root, path)];
  });
}

export function repoFolder(folder: string) {
  const root = join(process.cwd(), folder);
  return {
    paths: () =>
      files(root)
        .filter((path) => !/\.(md|ts|mjs|py)$/.test(path))
        .map((path) => ({ params: { path } })),
    read: (path: string) => new Response(readFileSync(join(root, path))),
  };
}

// The files of datasets/ served by the site (built into dist/datasets/), for loadDataset in the page.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { APIRoute } from 'astro';

const ROOT = join(process.cwd(), 'datasets');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [relative(ROOT, path)];
  });
}

export function getStaticPaths() {
  return files(ROOT).filter((path) => !path.endsWith('.md') && !path.endsWith('.ts')).map((path) => ({ params: { path } }));
}

export const GET: APIRoute = ({ params }) => new Response(readFileSync(join(ROOT, params.path!)));

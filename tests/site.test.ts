/** The static site builds from lessons/ and every lesson page carries the page contract. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLesson } from '../src/notebook/parse.ts';
import { cellsOf } from '../src/notebook/lesson.ts';

const out = mkdtempSync(join(tmpdir(), 'lab-site-'));
const lessons = readdirSync('lessons').filter((name) => /^\d+-.*\.md$/.test(name)).sort()
  .map((name) => parseLesson(readFileSync(`lessons/${name}`, 'utf8'), `lessons/${name}`));

function withoutViteVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...rest } = env;
  return rest;
}

beforeAll(() => {
  // Under a sub-path, as a workshop host would serve it.
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
    // Vitest puts Vite's own variables (BASE_URL, MODE, ...) in process.env; Astro's build would
    // read them as its own, so the child gets the environment without them.
    env: { ...withoutViteVariables(process.env), BASE_PATH: '/lab/' },
    stdio: 'pipe',
  });
}, 180_000);

describe('the built site', () => {
  it('lists every lesson on the index, linked under the base path', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const lesson of lessons) {
      expect(index).toMatch(new RegExp(`href="/lab/lessons/${lesson.slug}/"`));
      expect(index).toContain(lesson.meta.title);
    }
  });

  it('renders each lesson page with its prose and one data-cell element per cell', () => {
    for (const lesson of lessons) {
      const html = readFileSync(join(out, 'lessons', lesson.slug, 'index.html'), 'utf8');
      const cells = cellsOf(lesson);
      const marked = [...html.matchAll(/data-cell="(\d+)"/g)].map((m) => Number(m[1]));
      expect(marked).toEqual(cells.map((cell) => cell.index));
      expect(html.match(/data-status="idle"/g)?.length).toBe(cells.filter((c) => c.options.run).length);
      expect(html.match(/data-output/g)?.length).toBe(cells.length);
      expect(html).toMatch(new RegExp(`<h1[^>]*>${lesson.meta.title}</h1>`));
    }
  });
});

/** The static site builds from lessons/ and every lesson page carries the page contract. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { prepared } from './helpers/prepared.ts';
import { parseLesson } from '../src/notebook/parse.ts';
import { cellsOf } from '../src/notebook/lesson.ts';

const out = inject('siteDir');
beforeAll(() => prepared('site'));
/** Text as Astro writes it into HTML (an apostrophe in a title becomes &#39;). */
const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const lessons = readdirSync('lessons')
  .filter((name) => /^\d+-.*\.md$/.test(name))
  .sort()
  .map((name) => parseLesson(readFileSync(`lessons/${name}`, 'utf8'), `lessons/${name}`));

describe('the built site', () => {
  it('lists every lesson on the index, linked under the base path', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const lesson of lessons) {
      expect(index).toMatch(new RegExp(`href="/lab/lessons/${lesson.slug}/"`));
      expect(index).toContain(escaped(lesson.meta.title));
    }
  });

  it('lists the lessons in course order, numbered, and links each page to its neighbours, top and end', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const positions = lessons.map((lesson) => index.indexOf(`href="/lab/lessons/${lesson.slug}/"`));
    let citations = 0;
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    lessons.forEach((lesson, i) => {
      const number = String(i).padStart(2, '0');
      expect(index).toContain(`aria-label="Lesson ${number}: ${lesson.meta.title.slice(0, 12)}`);
      const html = readFileSync(join(out, 'lessons', lesson.slug, 'index.html'), 'utf8');
      expect(html).toMatch(new RegExp(`class="lesson-number"[^>]*>Lesson ${number}<`));
      const prev = [...html.matchAll(/rel="prev" href="([^"]+)"/g)].map((m) => m[1]);
      const next = [...html.matchAll(/rel="next" href="([^"]+)"/g)].map((m) => m[1]);
      expect(prev).toEqual(Array(2).fill(i === 0 ? '/lab/' : `/lab/lessons/${lessons[i - 1]!.slug}/`));
      // The last lesson's next is the index, or a fixture lesson in this test build.
      expect(next).toHaveLength(2);
      if (i < lessons.length - 1) expect(next).toEqual(Array(2).fill(`/lab/lessons/${lessons[i + 1]!.slug}/`));
      // Prose cites other lessons by links the build numbers: each number is that lesson's place.
      for (const [, slug, cited] of html.matchAll(/<a href="\.\.\/([a-z0-9-]+)\/[^"]*">[Ll]esson (\d+)<\/a>/g)) {
        expect(cited, `${lesson.slug} cites ${slug}`).toBe(String(lessons.findIndex((other) => other.slug === slug)).padStart(2, '0'));
        citations++;
      }
    });
    expect(citations).toBeGreaterThanOrEqual(6);
  });

  it('renders each lesson page with its prose and one data-cell element per cell', () => {
    for (const lesson of lessons) {
      const html = readFileSync(join(out, 'lessons', lesson.slug, 'index.html'), 'utf8');
      const cells = cellsOf(lesson);
      const marked = [...html.matchAll(/data-cell="(\d+)"/g)].map((m) => Number(m[1]));
      expect(marked).toEqual(cells.map((cell) => cell.index));
      expect(html.match(/data-status="idle"/g)?.length).toBe(cells.filter((c) => c.options.run).length);
      expect(html.match(/data-output/g)?.length).toBe(cells.length);
      expect(html.match(/aria-label="Run cell"/g)?.length).toBe(cells.length);
      expect(html).toContain(`>${escaped(lesson.meta.title)}</h1>`);
    }
  });

  it('shows no control fence on a lesson page (they are for the tests, not the reader)', () => {
    const controlled = lessons.filter((lesson) => lesson.controls.length > 0);
    expect(controlled.length).toBeGreaterThan(0);
    for (const lesson of controlled) {
      // The lesson's data travels in a script (Download lesson keeps the fences); the page's text must not show them.
      const html = readFileSync(join(out, 'lessons', lesson.slug, 'index.html'), 'utf8').replace(/<script\b[\s\S]*?<\/script>/g, '');
      expect(html).not.toContain('language-control');
      for (const control of lesson.controls) expect(html).not.toContain(escaped(`lever: ${control.lever}`));
    }
  });

  it('ships the editor types for TF.js, Plot and the lab helpers', () => {
    const types = JSON.parse(readFileSync(join(out, 'editor-types.json'), 'utf8')) as Record<string, string>;
    expect(types['file:///node_modules/@tensorflow/tfjs/package.json']).toBeDefined();
    expect(Object.keys(types).some((path) => path.startsWith('file:///node_modules/@tensorflow/tfjs-core/dist/tensor.d.ts'))).toBe(true);
    expect(types['file:///node_modules/@observablehq/plot/package.json']).toBeDefined();
    expect(types['file:///node_modules/lab/lab/index.ts']).toContain('train');
    expect(types['file:///node_modules/@lab/globals/tf.d.ts']).toContain('export as namespace tf');
  });
});

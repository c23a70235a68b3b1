/**
 * The lessons as the site sees them: every `lessons/NN-slug.md` (files starting with `_` are
 * tested but not published), parsed by the same parser the headless runner uses, so a lesson
 * with a bad option fails the build with its file and line.
 *
 * A build for the browser tests (LAB_TEST_LESSONS=1, set by tests/global-setup.ts) also publishes
 * the small fixture lessons in tests/fixtures/site/: the tests drive the notebook's behaviour on
 * them, in seconds, and run each real lesson only once. No other build includes them.
 */
import { parseLesson } from '../notebook/parse.ts';
import type { Lesson } from '../notebook/lesson.ts';
import { STAGES } from '../notebook/schema.ts';

const lessonFiles = import.meta.glob('/lessons/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const fixtureFiles = import.meta.glob('/tests/fixtures/site/*.md', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const files = process.env.LAB_TEST_LESSONS === '1' ? { ...lessonFiles, ...fixtureFiles } : lessonFiles;

export function publishedLessons(): Lesson[] {
  return Object.entries(files)
    .filter(([path]) => !path.split('/').pop()!.startsWith('_'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => parseLesson(text, path.replace(/^\//, '')));
}

export const STAGE_TITLES: Record<(typeof STAGES)[number], string> = {
  intro: 'Getting started',
  data: 'Data preparation',
  labelling: 'Labelling and cleaning',
  training: 'Training',
  production: 'Production and deployment',
  'failure-modes': 'Failure modes',
  'domain-shift': 'Out-of-domain data and domain shift',
};

export function lessonsByStage(lessons: Lesson[]) {
  return STAGES.map((stage) => ({ stage, title: STAGE_TITLES[stage], lessons: lessons.filter((l) => l.meta.stage === stage) })).filter(
    (group) => group.lessons.length > 0,
  );
}

export const lessonUrl = (lesson: Lesson) => `${import.meta.env.BASE_URL.replace(/\/$/, '')}/lessons/${lesson.slug}/`;

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
import { lessonNumber, type Lesson } from '../notebook/lesson.ts';
import type { STAGES } from '../notebook/schema.ts';
import type { LessonTimings, Timings } from '../notebook/timings.ts';
import { MY_SLUG_PREFIX } from '../client/my-lessons.ts';

const lessonFiles = import.meta.glob('/lessons/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const fixtureFiles = import.meta.glob('/tests/fixtures/site/*.md', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const files = process.env.LAB_TEST_LESSONS === '1' ? { ...lessonFiles, ...fixtureFiles } : lessonFiles;

// Written by `npm run timings`; a checkout without it builds a site without time budgets.
const timingFiles = import.meta.glob('/lessons/timings.json', { import: 'default', eager: true }) as Record<string, Timings>;
const timings = Object.values(timingFiles)[0];

/** A lesson's measured times with the rates of the machine that measured them (lessons/timings.json). */
export type LessonTiming = LessonTimings & { reference: Timings['referenceRates'] };

export function lessonTiming(slug: string): LessonTiming | undefined {
  const lesson = timings?.lessons[slug];
  return lesson && timings ? { ...lesson, reference: timings.referenceRates } : undefined;
}

export function publishedLessons(): Lesson[] {
  return Object.entries(files)
    .filter(([path]) => !path.split('/').pop()!.startsWith('_'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => parseLesson(text, path.replace(/^\//, '')))
    .map((lesson) => {
      // The learner's own lessons are keyed `mine-ID` in the browser (client/my-lessons.ts).
      if (lesson.slug.startsWith(MY_SLUG_PREFIX)) throw new Error(`${lesson.file}: a lesson's slug may not start with "${MY_SLUG_PREFIX}"`);
      return lesson;
    });
}

export const STAGE_TITLES: Record<(typeof STAGES)[number], string> = {
  intro: 'Getting started',
  data: 'Data preparation',
  labelling: 'Labelling and cleaning',
  training: 'Training',
  production: 'Production and deployment',
  'failure-modes': 'Failure modes',
  'domain-shift': 'Out-of-domain data and domain shift',
  project: 'Your own project',
};

/** The lessons in course order, in runs of one stage each: a stage the course returns to gets a second heading. */
export function courseSections(lessons: Lesson[]) {
  const sections: { stage: Lesson['meta']['stage']; title: string; lessons: Lesson[] }[] = [];
  for (const lesson of lessons) {
    const last = sections.at(-1);
    if (last?.stage === lesson.meta.stage) last.lessons.push(lesson);
    else sections.push({ stage: lesson.meta.stage, title: STAGE_TITLES[lesson.meta.stage], lessons: [lesson] });
  }
  return sections;
}

/** A lesson's number in the course: its place in the published order, from 00, so inserting a lesson renumbers the rest. */
export const courseNumber = (lessons: readonly Lesson[], lesson: Lesson) => lessonNumber(lessons.indexOf(lesson));

/** Where "previous" and "next" lead from each lesson: its neighbours in course order, the index past either end. */
export function courseNeighbours(lessons: readonly Lesson[], lesson: Lesson) {
  const at = lessons.indexOf(lesson);
  return { prev: lessons[at - 1], next: lessons[at + 1] };
}

export const lessonUrl = (lesson: Lesson) => `${import.meta.env.BASE_URL.replace(/\/$/, '')}/lessons/${lesson.slug}/`;

/** Removing one of the learner's own lessons, with everything kept under its slug. */
import { mySlug, removeMyLesson } from './my-lessons.ts';
import { saveKeptOutputs } from './output-store.ts';
import { forgetLesson } from './progress-store.ts';
import { clearLesson } from './storage.ts';

export async function forgetMyLesson(id: string): Promise<void> {
  removeMyLesson(id);
  const slug = mySlug(id);
  clearLesson(slug);
  forgetLesson(slug);
  // The rest kept under its slug: its clock per section, exercise attempts kept beside a shown solution.
  const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
  for (const key of keys) if (key === `lab:stage-times:${slug}` || key.startsWith(`lab:attempt:${slug}:`)) localStorage.removeItem(key);
  await saveKeptOutputs(slug, {});
}

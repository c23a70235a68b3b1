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
  await saveKeptOutputs(slug, {});
}

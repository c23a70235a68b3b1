/**
 * "Edit lesson source" on one of the lab's own lessons: the lesson, with the learner's code in it,
 * becomes one of their own lessons (a copy; the lab's lesson stays as it is), and its source opens.
 */
import { addMyLesson } from './my-lessons.ts';
import { lessonWithEdits } from './take-away.ts';
import type { LessonPageParts } from './lesson-page.ts';

export async function editCopyOf({ lesson, store, bar, base }: LessonPageParts): Promise<void> {
  const title = `${lesson.meta.title} (my copy)`;
  const text = await lessonWithEdits({ ...lesson, meta: { ...lesson.meta, title } }, store.sources);
  try {
    const entry = addMyLesson({
      text,
      title,
      file: lesson.file.split('/').pop() ?? `${lesson.slug}.md`,
      from: `a copy of “${lesson.meta.title}”`,
    });
    location.assign(`${base}mine/?id=${entry.id}&source`);
  } catch (error) {
    bar.say((error as Error).message);
  }
}

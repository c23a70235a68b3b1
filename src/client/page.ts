/** The script of the lab's own lesson pages: the lesson comes embedded from the build. */
import { readLesson } from './lesson-data.ts';
import { startLessonPage } from './lesson-page.ts';

startLessonPage(readLesson(), {
  appRunsItself: true,
  editSource: async (parts) => (await import('./copy-lesson.ts')).editCopyOf(parts),
});

/** Real lessons headless with their controls, part 2 of 3 (tests/lesson-parts.ts). */
import { headlessLessonTests } from './helpers/headless-lessons.ts';

headlessLessonTests(2);

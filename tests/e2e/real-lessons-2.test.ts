/** Published lessons in Chromium, part 2 of 3 (tests/lesson-parts.ts). */
import { realLessonTests } from './real-lessons.ts';

realLessonTests(2);

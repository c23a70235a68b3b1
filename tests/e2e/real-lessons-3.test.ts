/** Published lessons in Chromium, part 3 of 3 (tests/lesson-parts.ts). */
import { realLessonTests } from './real-lessons.ts';

realLessonTests(3);

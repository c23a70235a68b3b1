/**
 * The lesson frontmatter schema. The headless runner and the Astro site validate with this same
 * object, so a lesson that builds is a lesson that runs.
 */
import { z } from 'zod';

export const STAGES = ['intro', 'data', 'labelling', 'training', 'production', 'failure-modes', 'domain-shift', 'project'] as const;

export const BACKENDS = ['webgpu', 'webgl', 'cpu', 'wasm'] as const;

export const lessonMetaSchema = z
  .object({
    /** Shown as the page heading and in the index. */
    title: z.string().min(1, 'title must not be empty'),
    /** Which stage of a deep-learning project the lesson teaches; groups the index. */
    stage: z.enum(STAGES),
    /** One sentence shown under the title on the index. */
    summary: z.string().min(1, 'summary must not be empty'),
    /** Estimated minutes to work through the lesson. */
    minutes: z.number().int().positive().optional(),
    /** What the learner can do afterwards, shown at the top of the lesson. */
    objectives: z.array(z.string().min(1)).default([]),
    /** Names of datasets in `datasets/` the lesson loads (for offline caching and forks). */
    datasets: z.array(z.string().min(1)).default([]),
    /** Seeds Math.random and TF.js at every Run all and Restart, so numbers repeat. */
    seed: z.number().int().default(1),
    /** A backend the lesson asks for; the page falls back when the machine lacks it. */
    backend: z.enum(BACKENDS).optional(),
  })
  .strict();

export type LessonMeta = z.infer<typeof lessonMetaSchema>;

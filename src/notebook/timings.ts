/**
 * lessons/timings.json: how long each lesson's cells took on the reference run (headless Node, the
 * CPU backend), how much of that was convolutional training, and the reference machine's probe
 * rates (work-probe.ts). A device that knows its own rates scales these to its own time budget.
 * `npm run timings` writes the file; the site only reads it.
 */
import type { WorkRates } from './work-probe.ts';

export interface LessonTimings {
  /** The whole lesson, as Run all ran it. */
  ms: number;
  convMs: number;
  /** Per cell id: [ms, convMs]. */
  cells: Record<string, [number, number]>;
}

export interface Timings {
  measuredOn: string;
  referenceRates: WorkRates;
  lessons: Record<string, LessonTimings>;
}

/**
 * What `ms` of reference time, `convMs` of it convolutional training, takes on a device training at
 * `device` rates. Time outside training (data, charts) is taken to scale like dense work: it is
 * plain JavaScript and small tensor ops, which a GPU does not speed up either.
 */
export function scaleTime(ms: number, convMs: number, reference: WorkRates, device: WorkRates): number {
  const conv = Math.min(convMs, ms);
  return (ms - conv) * (reference.dense / device.dense) + conv * (reference.conv / device.conv);
}

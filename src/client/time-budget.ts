/**
 * Time budgets on this device: a lesson's measured times (lessons/timings.json, embedded by the
 * build) scaled by this device's measured training rates (backend-rates.ts). Used for the cells'
 * time cues, Run all's "about 40 s left" and the index's Run-all estimates. Without measured rates
 * the cues say the reference run's time, and nothing is promised about "left".
 */
import type { CellState } from '../notebook/kernel.ts';
import type { LessonTimings } from '../notebook/timings.ts';
import type { WorkRates } from '../notebook/work-probe.ts';
import { knownRates, type BackendName } from './backend.ts';
import { rankBackends, timeOn } from './backend-rates.ts';
import { formatDuration } from './format-time.ts';

export type LessonTiming = LessonTimings & { reference: WorkRates };

export function readTiming(): LessonTiming | undefined {
  const text = document.getElementById('lesson-timing')?.textContent;
  return text ? (JSON.parse(text) as LessonTiming) : undefined;
}

/** The rates this device would train the lesson at: the asked backend's, else the fastest measured. */
export function expectedRates(work: { ms: number; convMs: number; reference: WorkRates }, asked?: BackendName): WorkRates | undefined {
  const known = knownRates();
  if (!known) return undefined;
  if (asked && known[asked]) return known[asked];
  const best = rankBackends(known, work)[0];
  return best && known[best.name];
}

/** A cell's expected time here, or undefined when the cell was not measured or rates are unknown. */
export function cellBudget(timing: LessonTiming | undefined, id: string | undefined, rates: WorkRates | undefined): number | undefined {
  const measured = id ? timing?.cells[id] : undefined;
  if (!timing || !measured || !rates) return undefined;
  return timeOn({ ms: measured[0], convMs: measured[1], reference: timing.reference }, rates);
}

/** The cues the build put on long cells, rescaled to this device. */
export function showTimeCues(timing: LessonTiming | undefined, rates: WorkRates | undefined): void {
  if (!timing || !rates) return;
  for (const cue of document.querySelectorAll<HTMLElement>('.time-cue')) {
    const ms = timeOn({ ms: Number(cue.dataset.ms), convMs: Number(cue.dataset.convMs), reference: timing.reference }, rates);
    cue.textContent = `about ${formatDuration(ms)} here`;
    cue.title = 'Measured on the lab’s reference run and scaled by the training speed measured on this device';
  }
}

/**
 * Time left while cells run: the budgets of the cells waiting, and what the running one has left
 * of its own (never less than nothing). Undefined when any of them has no budget.
 */
export function timeLeft(
  cells: readonly CellState[],
  budgetOf: (cell: CellState) => number | undefined,
  runningFor: (cell: CellState) => number,
): number | undefined {
  let left = 0;
  for (const cell of cells) {
    if (cell.status !== 'queued' && cell.status !== 'running') continue;
    const budget = budgetOf(cell);
    if (budget === undefined) return undefined;
    left += cell.status === 'running' ? Math.max(0, budget - runningFor(cell)) : budget;
  }
  return left;
}

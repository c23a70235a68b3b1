/**
 * Measured training rates per backend on this device (work-probe.ts), kept in localStorage under
 * a key of the browser and its GPU, so a new browser version or another GPU measures again. The
 * lab picks the backend that would run a lesson's work soonest by these rates, and scales the
 * lesson's measured times (lessons/timings.json) into this device's time budget.
 */
import { scaleTime } from '../notebook/timings.ts';
import type { WorkRates } from '../notebook/work-probe.ts';
import type { BackendName } from './backend.ts';

const KEY = 'lab:backend-rates';

export type RatesByBackend = Partial<Record<BackendName, WorkRates>>;

/** A lesson's work: its time on the reference run and the rates measured there. */
export interface LessonWork {
  ms: number;
  convMs: number;
  reference: WorkRates;
}

/** With no measurement of a lesson: half dense, half convolutional, equal reference rates. */
export const EVEN_WORK: LessonWork = { ms: 1000, convMs: 500, reference: { dense: 1, conv: 1 } };

interface Stored {
  device: string;
  rates: RatesByBackend;
  at: string;
}

const isRates = (value: unknown): value is WorkRates =>
  typeof value === 'object' && value !== null && ['dense', 'conv'].every((k) => Number((value as Record<string, unknown>)[k]) > 0);

/** The stored rates, if `accept` takes the device they were measured on. */
export function storedRates(accept: (device: string) => boolean): RatesByBackend | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
    if (typeof stored?.device !== 'string' || !accept(stored.device) || typeof stored.rates !== 'object') return undefined;
    const rates: RatesByBackend = {};
    for (const [name, value] of Object.entries(stored.rates)) if (isRates(value)) rates[name as BackendName] = value;
    return Object.keys(rates).length > 0 ? rates : undefined;
  } catch {
    return undefined;
  }
}

export function storeRates(device: string, rates: RatesByBackend): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ device, rates, at: new Date().toISOString() } satisfies Stored));
  } catch {
    // Storage refused: the probe runs again next time.
  }
}

/** Milliseconds the work takes on a backend measured at `rates`. */
export const timeOn = (work: LessonWork, rates: WorkRates) => scaleTime(work.ms, work.convMs, work.reference, rates);

/** The measured backends, soonest first for this work. */
export function rankBackends(rates: RatesByBackend, work: LessonWork): { name: BackendName; ms: number }[] {
  return Object.entries(rates)
    .map(([name, r]) => ({ name: name as BackendName, ms: timeOn(work, r as WorkRates) }))
    .sort((a, b) => a.ms - b.ms);
}

/**
 * Time budgets and the backend ranking, as pure arithmetic: a lesson's reference time scaled by
 * the rates measured here, the backend that runs a lesson's mix of work soonest, and what Run all
 * has left.
 */
import { describe, expect, it } from 'vitest';
import { rankBackends, timeOn } from '../../../src/client/backend-rates.ts';
import { timeLeft } from '../../../src/client/time-budget.ts';
import type { CellState } from '../../../src/notebook/kernel.ts';

const reference = { dense: 1000, conv: 100 };

describe('scaling a measured time to a device', () => {
  it('takes twice as long where training is half as fast, kind by kind', () => {
    expect(timeOn({ ms: 10_000, convMs: 0, reference }, { dense: 500, conv: 100 })).toBe(20_000);
    expect(timeOn({ ms: 10_000, convMs: 10_000, reference }, { dense: 500, conv: 400 })).toBe(2_500);
    expect(timeOn({ ms: 10_000, convMs: 4_000, reference }, { dense: 2000, conv: 50 })).toBe(6_000 / 2 + 4_000 * 2);
  });

  it('ranks backends by the lesson’s own mix: dense work favours one, convolutions the other', () => {
    const rates = { cpu: { dense: 2000, conv: 50 }, webgl: { dense: 600, conv: 300 } };
    expect(rankBackends(rates, { ms: 10_000, convMs: 0, reference }).map((r) => r.name)).toEqual(['cpu', 'webgl']);
    expect(rankBackends(rates, { ms: 10_000, convMs: 9_000, reference }).map((r) => r.name)).toEqual(['webgl', 'cpu']);
  });
});

describe('time left in Run all', () => {
  const cell = (index: number, status: string) => ({ index, status }) as unknown as CellState;
  it('adds what waits and what the running cell has left, never below zero', () => {
    const budgets = [4000, 3000, 2000];
    const left = timeLeft(
      [cell(0, 'done'), cell(1, 'running'), cell(2, 'queued')],
      (c) => budgets[c.index],
      () => 1000,
    );
    expect(left).toBe(2000 + 2000);
    expect(
      timeLeft(
        [cell(1, 'running')],
        (c) => budgets[c.index],
        () => 9000,
      ),
    ).toBe(0);
  });

  it('promises nothing when a cell waiting has no budget', () => {
    expect(
      timeLeft(
        [cell(0, 'queued'), cell(1, 'queued')],
        (c) => (c.index ? undefined : 1000),
        () => 0,
      ),
    ).toBeUndefined();
  });
});

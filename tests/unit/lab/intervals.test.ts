import { describe, expect, it } from 'vitest';
import { formatInterval, normalQuantile, wilsonInterval } from '../../../src/lab/intervals.ts';

describe('intervals', () => {
  it('normalQuantile gives the familiar z values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('wilsonInterval matches worked values and stays inside 0…1', () => {
    // 91 of 100: Wilson 95% interval 83.8%–95.2%.
    const ninety = wilsonInterval(91, 100);
    expect(ninety.rate).toBe(0.91);
    expect(ninety.low).toBeCloseTo(0.8377, 3);
    expect(ninety.high).toBeCloseTo(0.9519, 3);
    // 0 of 328: not zero-width, the upper end is z²/(n + z²).
    const none = wilsonInterval(0, 328);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(3.8415 / (328 + 3.8415), 4);
    expect(wilsonInterval(328, 328).high).toBe(1);
    // More confidence, a wider interval; more trials, a narrower one.
    expect(wilsonInterval(91, 100, 0.99).low).toBeLessThan(ninety.low);
    expect(wilsonInterval(910, 1000).high - wilsonInterval(910, 1000).low).toBeLessThan(ninety.high - ninety.low);
  });

  it('refuses what is not a count', () => {
    expect(() => wilsonInterval(3, 0)).toThrow(/trials must be a positive whole number/);
    expect(() => wilsonInterval(5, 4)).toThrow(/successes must be a whole number from 0 to 4/);
    expect(() => wilsonInterval(1.5, 4)).toThrow(/successes/);
  });

  it('formats as a learner reads it', () => {
    expect(formatInterval(wilsonInterval(91, 100))).toBe('91% (95% interval 84–95%)');
  });
});

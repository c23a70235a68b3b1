import { beforeAll, describe, expect, it } from 'vitest';
import { roc, rocChart, tprAtFpr } from '../../../src/lab/roc.ts';
import { chartSummary } from '../../../src/notebook/plot.ts';
import { nodeHost } from '../../helpers/lesson.ts';

beforeAll(() => nodeHost());

describe('roc', () => {
  it('gives AUC 1 when every positive scores above every negative, 0 when reversed', () => {
    expect(roc([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0]).auc).toBe(1);
    expect(roc([0.9, 0.8, 0.3, 0.1], [0, 0, 1, 1]).auc).toBe(0);
    expect(roc([5, 4, 3], [true, false, false]).auc).toBe(1);
  });

  it('counts ties as half: one score for everything gives 0.5 and a single diagonal step', () => {
    const curve = roc([0.7, 0.7, 0.7, 0.7, 0.7], [1, 0, 1, 0, 0]);
    expect(curve.auc).toBe(0.5);
    expect(curve.points).toEqual([
      { threshold: Infinity, fpr: 0, tpr: 0 },
      { threshold: 0.7, fpr: 1, tpr: 1 },
    ]);
  });

  it('matches a small example worked out by hand', () => {
    // Positives score 0.9, 0.6, 0.4; negatives 0.7, 0.4, 0.2. Pairs where the positive is higher:
    // 0.9 beats 3, 0.6 beats 2 (0.4, 0.2), 0.4 beats 1 (0.2) and ties 1 (0.4, half): 6.5 of 9.
    const curve = roc([0.9, 0.7, 0.6, 0.4, 0.4, 0.2], [1, 0, 1, 1, 0, 0]);
    expect(curve.auc).toBeCloseTo(6.5 / 9, 12);
    expect(curve.positives).toBe(3);
    expect(curve.negatives).toBe(3);
    expect(curve.points.map((p) => [p.threshold, p.fpr, p.tpr])).toEqual([
      [Infinity, 0, 0],
      [0.9, 0, 1 / 3],
      [0.7, 1 / 3, 1 / 3],
      [0.6, 1 / 3, 2 / 3],
      [0.4, 2 / 3, 1],
      [0.2, 1, 1],
    ]);
    // With at most a third of negatives flagged, flagging scores ≥ 0.6 catches two thirds.
    expect(tprAtFpr(curve, 1 / 3)).toEqual({ threshold: 0.6, fpr: 1 / 3, tpr: 2 / 3 });
    expect(tprAtFpr(curve, 0).tpr).toBe(1 / 3);
  });

  it('agrees with counting pairs on random scores with many ties', () => {
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const scores = Array.from({ length: 300 }, () => Math.round(next() * 10));
    const labels = scores.map((s) => (next() < 0.3 + s / 20 ? 1 : 0));
    let wins = 0;
    let pairs = 0;
    scores.forEach((sp, i) => {
      if (!labels[i]) return;
      scores.forEach((sn, j) => {
        if (labels[j]) return;
        pairs++;
        wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
      });
    });
    expect(roc(scores, labels).auc).toBeCloseTo(wins / pairs, 10);
  });

  it('refuses mismatched lengths, NaN scores and a single class', () => {
    expect(() => roc([1, 2], [1])).toThrow('2 scores for 1 labels');
    expect(() => roc([1, NaN], [1, 0])).toThrow('score 1 is NaN');
    expect(() => roc([1, 2], [1, 1])).toThrow('needs both positives and negatives');
  });

  it('draws one or several curves with the diagonal, AUC in the title or legend', () => {
    const a = roc([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0]);
    const b = roc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0]);
    const one = rocChart(a);
    expect(chartSummary(one)).toMatch(/line×2/);
    expect(one.textContent).toContain('ROC curve, AUC 1.00');
    const two = rocChart({ confidence: b, distance: a });
    expect(two.textContent).toContain('confidence (AUC 0.75)');
    expect(two.textContent).toContain('distance (AUC 1.00)');
  });
});

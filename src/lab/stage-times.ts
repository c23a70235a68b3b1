/**
 * Where the time went: the learner's minutes on each section (`##`) of this lesson, as the page
 * measured them (environment's `stageTimes`), and a chart of them against an even share. Headless
 * nobody is learning, so there is nothing to measure: `stageTimes()` returns an empty list.
 */
import * as Plot from '@observablehq/plot';
import { labEnvironment, type StageTime } from './environment.ts';
import { plot } from './plot.ts';

export type { StageTime };

export function stageTimes(): StageTime[] {
  return labEnvironment().stageTimes?.() ?? [];
}

/** Minutes at work per section as bars, and the even share (the total over the sections) as a rule. */
export function stageTimesChart(times: readonly StageTime[], { title = 'Minutes per stage' }: { title?: string } = {}): Element {
  const rows = times.map((t) => ({ stage: t.title, minutes: t.activeMs / 60_000, running: t.runMs / 60_000 }));
  const even = rows.length ? rows.reduce((sum, r) => sum + r.minutes, 0) / rows.length : 0;
  return plot({
    title,
    height: 40 + 28 * Math.max(1, rows.length),
    marginLeft: 200,
    x: { label: 'minutes', grid: true },
    y: { label: null, domain: rows.map((r) => r.stage) },
    marks: [
      Plot.barX(rows, {
        x: 'minutes',
        y: 'stage',
        fill: '#1f5fbf',
        title: (r: (typeof rows)[number]) => `${r.minutes.toFixed(1)} min at work`,
      }),
      Plot.barX(rows, {
        x: 'running',
        y: 'stage',
        fill: '#d62728',
        insetTop: 8,
        insetBottom: 8,
        title: (r: (typeof rows)[number]) => `${r.running.toFixed(1)} min running`,
      }),
      Plot.ruleX([even], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.ruleX([0]),
    ],
  });
}

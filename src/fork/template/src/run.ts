/** Runs the lesson's cells in order, as "Run all" did in the lab. */
import { CELLS, LESSON } from './lesson.ts';
import { seedRandom } from './lab/notebook/random.ts';
import { checks, startCell, type CheckResult } from './runtime.ts';

export async function runLesson(): Promise<{ failed: CheckResult[]; checks: CheckResult[] }> {
  // Seeded as in the lab, so the numbers (and the checks) come out the same every run.
  seedRandom(LESSON.seed);
  for (const cell of CELLS) {
    if (!cell.run) continue;
    startCell(cell.index, cell.title);
    await cell.load();
  }
  return { failed: checks.filter((c) => !c.pass), checks };
}

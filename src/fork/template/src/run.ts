/** Runs the lesson's cells in order, as "Run all" did in the lab. */
import { CELLS, LESSON } from './lesson.ts';
import { seedRandom } from './lab/notebook/random.ts';
import { checks, startCell, type CheckResult } from './runtime.ts';

export async function runLesson(): Promise<{ failed: CheckResult[]; checks: CheckResult[] }> {
  for (const cell of CELLS) {
    if (!cell.run) continue;
    startCell(cell.index, cell.title);
    // Seeded per cell as in the lab (the lesson's seed and the cell's key), so each cell's
    // numbers, and the checks, come out as they did there.
    seedRandom(LESSON.seed, cell.seedKey);
    await cell.load();
  }
  return { failed: checks.filter((c) => !c.pass), checks };
}

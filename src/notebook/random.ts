/**
 * Seeding. TF.js draws its own seeds (weight initialisers, shuffles in `fit`) from Math.random,
 * so seeding Math.random makes a lesson repeat its numbers.
 *
 * Each cell is seeded on its own, from the lesson's seed and the cell's key (its id, else its
 * position), just before it runs: a cell's random numbers do not depend on what ran before it.
 * So re-running one cell gives what Run all gave it, inserting a cell above leaves the others'
 * numbers alone, and a headless control can re-run a few cells with one change and be compared
 * with the run it branched from. The browser, Node, the sandbox, the check page and forks all
 * seed through here.
 */
import seedrandom from 'seedrandom';

const original = Math.random;

/** The key a cell is seeded with: its id when it has one (every lesson cell does), else its position. */
export function cellSeedKey(cell: { index: number; options: { id?: string } }): string {
  return cell.options.id ?? `cell-${cell.index + 1}`;
}

/** Seeds Math.random from the lesson's seed and, per cell, the cell's key. */
export function seedRandom(seed: number, key?: string): void {
  const next = seedrandom.alea(key === undefined ? `lab-seed-${seed}` : `lab-seed-${seed}:${key}`);
  Math.random = () => next();
}

export function unseedRandom(): void {
  Math.random = original;
}

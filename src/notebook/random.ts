/**
 * Seeding. TF.js draws its own seeds (weight initialisers, shuffles in `fit`) from Math.random,
 * so seeding Math.random with the lesson's seed makes a whole lesson repeat its numbers.
 */
import seedrandom from 'seedrandom';

const original = Math.random;

export function seedRandom(seed: number): void {
  const next = seedrandom.alea(`lab-seed-${seed}`);
  Math.random = () => next();
}

export function unseedRandom(): void {
  Math.random = original;
}

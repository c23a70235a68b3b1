import { describe, expect, it } from 'vitest';
import { type GraphCell, missingInputs, providerOf, providersOf, staleUsers } from '../../../src/notebook/graph.ts';

/** Cells from [declarations, references, runOrder] triples. */
const lesson = (...cells: [string[], string[], number?][]): GraphCell[] =>
  cells.map(([declarations, references, runOrder = 0], index) => ({ index, declarations, references, runOrder }));

describe('the dependency graph between cells', () => {
  const cells = lesson(
    [['data'], []], // 0
    [['model'], ['data']], // 1
    [['data'], ['data']], // 2: redefines data from data
    [['score'], ['model', 'data']], // 3
    [[], ['score', 'later']], // 4
    [['later'], []], // 5: declared below its user
  );

  it('finds the nearest provider above, else one below', () => {
    expect(providerOf(cells, 'data', 3)).toBe(2);
    expect(providerOf(cells, 'data', 2)).toBe(0); // its own input comes from above it
    expect(providerOf(cells, 'later', 4)).toBe(5);
    expect(providerOf(cells, 'nowhere', 4)).toBeUndefined();
    expect(providersOf(cells, 'data').map((cell) => cell.index)).toEqual([0, 2]);
  });

  it('lists the cells to run first, transitively and in lesson order, skipping names in scope', () => {
    expect(missingInputs(cells, 3, () => false)).toEqual([0, 1, 2]);
    expect(missingInputs(cells, 4, () => false)).toEqual([0, 1, 2, 3, 5]);
    expect(missingInputs(cells, 3, (name) => name === 'data')).toEqual([1]);
    expect(missingInputs(cells, 0, () => false)).toEqual([]);
  });

  it('does not loop on cycles, and never lists the cell itself', () => {
    const cycle = lesson([['a'], ['b']], [['b'], ['a']]);
    expect(missingInputs(cycle, 0, () => false)).toEqual([1]);
    expect(missingInputs(cycle, 1, () => false)).toEqual([0]);
  });

  it('marks stale the cells that ran and read the changed names', () => {
    const ran = lesson([['data'], [], 1], [['model'], ['data'], 2], [['other'], [], 3], [['score'], ['model'], 0]);
    expect(staleUsers(ran, ran[0]!, ['data'])).toEqual([1]);
    expect(staleUsers(ran, ran[1]!, ['model'])).toEqual([]); // its user never ran
    expect(staleUsers(ran, ran[0]!, [])).toEqual([]);
  });

  it('after a run, only the users that ran before it saw the old values', () => {
    const ran = lesson([['data'], [], 5], [['model'], ['data'], 2], [['score'], ['data'], 7]);
    expect(staleUsers(ran, ran[0]!, ['data'], true)).toEqual([1]);
    expect(staleUsers(ran, ran[0]!, ['data'], false)).toEqual([1, 2]);
  });
});

/** Saved edits and progress recorded by cell position follow their cell once cells have ids. */
import { describe, expect, it } from 'vitest';
import { migratePositionalEdits, type SavedEdit } from '../../../src/client/storage.ts';
import { migrateCellsDone } from '../../../src/client/progress-model.ts';
import { hashSource } from '../../../src/client/hash.ts';

const cell = (index: number, source: string, id?: string) => ({ index, source, options: id ? { id } : {} });
const edit = (original: string, source: string): SavedEdit => ({ base: hashSource(original), source, savedAt: 1 });

describe('saved edits keyed by position', () => {
  it('move to the id of the cell they were made on, even when a cell was inserted above it', () => {
    // The learner edited cells 0 and 1; the author then inserted a cell at the top and gave ids.
    const saved = { 'cell:0': edit('const a = 1;', 'const a = 2;'), 'cell:1': edit('a * 2', 'a * 3') };
    const cells = [cell(0, 'const intro = 0;', 'intro'), cell(1, 'const a = 1;', 'make-a'), cell(2, 'a * 2', 'double')];
    expect(migratePositionalEdits(saved, cells)).toEqual({ 'id:make-a': saved['cell:0'], 'id:double': saved['cell:1'] });
  });

  it('an edit whose cell changed goes to the cell now at its position (the page then offers it); others stay', () => {
    const saved = { 'cell:0': edit('old code', 'my code'), 'cell:5': edit('gone', 'mine'), 'id:x': edit('x', 'y') };
    const cells = [cell(0, 'new code', 'first'), cell(1, 'x', 'x')];
    expect(migratePositionalEdits(saved, cells)).toEqual({ 'id:first': saved['cell:0'], 'cell:5': saved['cell:5'], 'id:x': saved['id:x'] });
  });

  it('never overwrites an edit already saved under the id', () => {
    const saved = { 'cell:0': edit('a', 'old edit'), 'id:first': edit('a', 'newer edit') };
    expect(migratePositionalEdits(saved, [cell(0, 'a', 'first')])).toEqual(saved);
  });
});

describe('cells run, recorded by position', () => {
  it('become the keys of the cells now at those positions, once each', () => {
    expect(migrateCellsDone([0, 2, 'id:b', 1, 9], ['id:a', 'id:b', 'id:c'])).toEqual(['id:a', 'id:c', 'id:b']);
  });
});

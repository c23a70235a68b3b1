import { describe, expect, it } from 'vitest';
import { parseInfoString, CELL_OPTIONS } from '../../../src/notebook/options.ts';

const ok = (info: string) => {
  const result = parseInfoString(info);
  if ('error' in result) throw new Error(result.error);
  return result.options;
};
const error = (info: string) => {
  const result = parseInfoString(info);
  return 'error' in result ? result.error : undefined;
};

describe('cell options', () => {
  it('reads flags and values', () => {
    expect(ok('ts')).toMatchObject({ run: true, exercise: false, hidden: false });
    expect(ok('ts id=fit run=false hidden guard=10')).toMatchObject({ id: 'fit', run: false, hidden: true, guard: 10 });
    expect(ok('ts exercise id=e1')).toMatchObject({ exercise: true, id: 'e1' });
    expect(ok('ts solution for=e1')).toMatchObject({ solution: true, for: 'e1' });
    expect(ok('ts check')).toMatchObject({ check: true });
    expect(ok('ts check for=e1')).toMatchObject({ check: true, for: 'e1' });
  });

  it('names the unknown option and lists the known ones', () => {
    const message = error('ts hiden')!;
    expect(message).toContain('unknown cell option "hiden"');
    for (const name of Object.keys(CELL_OPTIONS)) expect(message).toContain(name);
  });

  it('rejects invalid values and combinations', () => {
    expect(error('ts run=maybe')).toMatch(/run must be true or false/);
    expect(error('ts guard=0')).toMatch(/guard must be a number/);
    expect(error('ts guard')).toMatch(/needs a value/);
    expect(error('ts hidden=yes')).toMatch(/takes no value/);
    expect(error('ts id=1abc')).toMatch(/id must start with a letter/);
    expect(error('ts exercise')).toMatch(/exercise needs an id/);
    expect(error('ts solution')).toMatch(/solution needs the exercise/);
    expect(error('ts for=x')).toMatch(/belongs on a `solution` or `check`/);
    expect(error('ts exercise check id=x')).toMatch(/only one of/);
    expect(error('ts id=a id=b')).toMatch(/given twice/);
  });
});

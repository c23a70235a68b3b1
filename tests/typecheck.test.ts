/** `tsc --noEmit` over the whole project, run by tests/global-setup.ts beside the other tests. */
import { expect, it } from 'vitest';
import { prepared } from './helpers/prepared.ts';

it('the project type-checks', async () => {
  const status = await prepared('typecheck');
  expect(status.output.trim()).toBe('');
});

/** The lesson's code runs headless, and every check it makes passes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setUpNode } from '../src/host/node.ts';
import { runLesson } from '../src/run.ts';

test('every cell runs and every check passes', { timeout: 300_000 }, async () => {
  await setUpNode();
  const { failed, checks } = await runLesson();
  assert.ok(checks.length > 0 || failed.length === 0);
  assert.deepEqual(
    failed.map((c) => `cell ${c.cell + 1}: ${c.message}`),
    [],
  );
});

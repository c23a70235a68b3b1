/**
 * Waits for what tests/global-setup.ts started in the background (the type check, the site
 * build): resolves when it has ended well, throws with its output when it failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { PreparedStatus } from '../global-setup.ts';

export async function prepared(name: 'typecheck' | 'site', timeoutMs = 300_000): Promise<PreparedStatus> {
  const file = join(inject('statusDir'), `${name}.json`);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${name} did not finish within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const status = JSON.parse(readFileSync(file, 'utf8')) as PreparedStatus;
  if (status.code !== 0) throw new Error(`${name} failed (exit ${status.code}):\n${status.output}`);
  return status;
}

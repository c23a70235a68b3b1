import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../../src/cli/static-server.ts';

let server: StaticServer;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'static-'));
  mkdirSync(join(root, 'site/lessons/a'), { recursive: true });
  mkdirSync(join(root, 'site-secret'));
  writeFileSync(join(root, 'site/index.html'), 'home');
  writeFileSync(join(root, 'site/lessons/a/index.html'), 'lesson a');
  writeFileSync(join(root, 'site-secret/key.txt'), 'secret');
  server = await serveStatic(join(root, 'site'), { base: '/lab/' });
});
afterAll(() => server?.close());

describe('serveStatic (serve-site, tests, bench)', () => {
  it('serves files and folders as their index.html under the base', async () => {
    expect(await (await fetch(`${server.url}`)).text()).toBe('home');
    expect(await (await fetch(`${server.url}lessons/a/`)).text()).toBe('lesson a');
  });

  it('refuses paths outside the site, including a sibling folder whose name starts like it', async () => {
    const sibling = await fetch(`${server.url}..%2Fsite-secret%2Fkey.txt`);
    expect(sibling.status).toBe(403);
    expect(await sibling.text()).not.toContain('secret');
  });

  it('answers a malformed address with 400 and keeps serving', async () => {
    expect((await fetch(`${server.url}%`)).status).toBe(400);
    expect((await fetch(`${server.url}`)).status).toBe(200);
  });
});

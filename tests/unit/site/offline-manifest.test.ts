/**
 * The offline manifest: every file of a build is listed under the URL pages use, the version is a
 * function of paths and contents only, and sw.js carries it where tools can read it back.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest, readServiceWorkerConfig, writeServiceWorker } from '../../../src/site/offline-manifest.ts';

const FILES: Record<string, string> = {
  'index.html': '<h1>Lab</h1>',
  'lessons/welcome/index.html': '<h1>Welcome</h1>',
  '_astro/page.abc123.js': 'console.log(1)',
  'datasets/digits/digits.bin': '\u0000\u0001\u0002',
  'models/shapes-features/model.json': '{}',
  'editor-types.json': '{"files":[]}',
  'favicon.svg': '<svg/>',
  'odd name [1].json': '[]',
};

function site(files = FILES): string {
  const dir = mkdtempSync(join(tmpdir(), 'lab-manifest-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('offline manifest', () => {
  it('lists every file, pages by their directory URL under the base', () => {
    const manifest = buildManifest(site(), '/lab/');
    expect(manifest.files.map((file) => file.url).sort()).toEqual([
      '/lab/',
      '/lab/_astro/page.abc123.js',
      '/lab/datasets/digits/digits.bin',
      '/lab/editor-types.json',
      '/lab/favicon.svg',
      '/lab/lessons/welcome/',
      '/lab/models/shapes-features/model.json',
      '/lab/odd%20name%20[1].json',
    ]);
    expect(manifest.totalBytes).toBe(Object.values(FILES).reduce((sum, text) => sum + Buffer.byteLength(text), 0));
    expect(manifest.files.find((file) => file.path === 'favicon.svg')!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same files the same version, and a new one for one changed byte or a new file', () => {
    const one = buildManifest(site(), '/');
    expect(buildManifest(site(), '/').version).toBe(one.version);
    expect(buildManifest(site({ ...FILES, 'lessons/welcome/index.html': '<h1>Welcomf</h1>' }), '/').version).not.toBe(one.version);
    expect(buildManifest(site({ ...FILES, 'extra.txt': '' }), '/').version).not.toBe(one.version);
    const moved: Record<string, string> = { ...FILES, 'favicon2.svg': FILES['favicon.svg']! };
    delete moved['favicon.svg'];
    expect(buildManifest(site(moved), '/').version).not.toBe(one.version);
  });

  it('writes sw.js with the manifest on its first line, and leaves itself out of the next manifest', () => {
    const dir = site();
    const written = writeServiceWorker(dir, '/lab/');
    const source = readFileSync(join(dir, 'sw.js'), 'utf8');
    expect(source).toContain("addEventListener('install'");
    // skipWaiting only when a page asks (the learner accepted the update), never on install.
    expect(source.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(source).toMatch(/SKIP_WAITING'\) self\.skipWaiting\(\)/);
    expect(readServiceWorkerConfig(dir)).toEqual({ version: written.version, base: '/lab/', count: Object.keys(FILES).length });
    // Regenerating over the same files (sw.js now among them) gives the same version.
    expect(writeServiceWorker(dir, '/lab/').version).toBe(written.version);
    // The worker's code is valid JavaScript.
    expect(() => new Function(source)).not.toThrow();
  });

  it('reads no config from a folder without a worker', () => {
    expect(readServiceWorkerConfig(site())).toBeUndefined();
  });
});

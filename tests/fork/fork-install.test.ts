/**
 * A forked lesson is a real project: it installs from the npm registry, passes its own test (type
 * check + every cell headless) and builds a static page, with nothing from the lab's folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('a forked lesson on its own', () => {
  it('installs, passes its test and builds', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'fork-install-')), 'welcome-prototype');
    execFileSync(process.execPath, ['src/cli/fork.ts', 'lessons/00-welcome.md', dir]);
    // npm as a learner runs it, on whatever Node is first on PATH: the fork brings its own Node 24.
    const npm = (...args: string[]) =>
      spawnSync('npm', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
    const install = npm('install');
    expect(install.status, install.stderr).toBe(0);
    const test = npm('test');
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/✓ .*the slope is/);
    expect(test.stdout).toMatch(/pass 1\b/);
    expect(test.stdout).toMatch(/fail 0\b/);
    const build = npm('run', 'build');
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(existsSync(join(dir, 'dist/index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toContain('Welcome');
  }, 900_000);
});

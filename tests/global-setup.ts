/**
 * Builds the site once for every test that needs it, under the sub-path /lab/ (as a workshop
 * host or GitHub Pages would serve it), into test-results/site.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

// LAB_SITE_DIR lets two people (or sessions) run browser tests side by side without deleting each
// other's build; LAB_REUSE_SITE=1 skips the build when that folder already holds one.
export const SITE_DIR = resolve(process.env.LAB_SITE_DIR ?? 'test-results/site');
export const SITE_BASE = '/lab/';

/** Vitest puts Vite's variables (BASE_URL, MODE, ...) in process.env; Astro would take them as its own. */
function withoutViteVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...rest } = env;
  return rest;
}

export default function setup(project: TestProject) {
  if (process.env.LAB_REUSE_SITE === '1' && existsSync(resolve(SITE_DIR, 'index.html'))) {
    project.provide('siteDir', SITE_DIR);
    project.provide('siteBase', SITE_BASE);
    return;
  }
  rmSync(SITE_DIR, { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', SITE_DIR], {
    // NODE_ENV=production as for `npm run build`: Vitest sets it to "test", and Vite then builds
    // with import.meta.env.PROD false, which drops production-only code (the service worker's
    // registration) from the very site the tests are meant to check.
    env: { ...withoutViteVariables(process.env), NODE_ENV: 'production', BASE_PATH: SITE_BASE },
    stdio: 'pipe',
  });
  project.provide('siteDir', SITE_DIR);
  project.provide('siteBase', SITE_BASE);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteBase: string;
  }
}

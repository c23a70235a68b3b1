/**
 * Starts the two slow preparations of `npm test`, the type check and the site build, as child
 * processes beside each other and beside the tests that need neither: the suite's wall time is
 * not their sum. Each writes its exit code and output to a status file when it ends; tests that
 * need one wait for it (tests/helpers/prepared.ts). The site is built under the sub-path /lab/ (as
 * a workshop host or GitHub Pages would serve it), into test-results/site, with the fixture
 * lessons of tests/fixtures/site/ (LAB_TEST_LESSONS=1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

// LAB_SITE_DIR lets two people (or sessions) run browser tests side by side without deleting each
// other's build; LAB_REUSE_SITE=1 skips the build when that folder already holds one.
export const SITE_DIR = resolve(process.env.LAB_SITE_DIR ?? 'test-results/site');
export const SITE_BASE = '/lab/';
const STATUS_DIR = resolve(process.env.LAB_STATUS_DIR ?? 'test-results/prepared');

/** Vitest puts Vite's variables (BASE_URL, MODE, ...) in process.env; Astro would take them as its own. */
function withoutViteVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...rest } = env;
  return rest;
}

export interface PreparedStatus {
  code: number | null;
  output: string;
  seconds: number;
}

/** Runs a command in the background; its status file appears when it ends. */
function prepare(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const started = Date.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const write = (code: number | null) => {
    const status: PreparedStatus = { code, output, seconds: (Date.now() - started) / 1000 };
    writeFileSync(resolve(STATUS_DIR, `${name}.json`), JSON.stringify(status));
  };
  child.on('exit', (code, signal) => write(code ?? (signal ? 128 : null)));
  child.on('error', (error) => {
    output += String(error);
    write(1);
  });
  return child;
}

export default function setup(project: TestProject) {
  rmSync(STATUS_DIR, { recursive: true, force: true });
  mkdirSync(STATUS_DIR, { recursive: true });
  project.provide('siteDir', SITE_DIR);
  project.provide('siteBase', SITE_BASE);
  project.provide('statusDir', STATUS_DIR);
  const children: ChildProcess[] = [];
  children.push(prepare('typecheck', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], process.env));
  if (process.env.LAB_REUSE_SITE === '1' && existsSync(resolve(SITE_DIR, 'index.html'))) {
    writeFileSync(resolve(STATUS_DIR, 'site.json'), JSON.stringify({ code: 0, output: 'reused', seconds: 0 } satisfies PreparedStatus));
  } else {
    rmSync(SITE_DIR, { recursive: true, force: true });
    children.push(
      prepare('site', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', SITE_DIR], {
        // NODE_ENV=production as for `npm run build`: Vitest sets it to "test", and Vite then builds
        // with import.meta.env.PROD false, which drops production-only code (the service worker's
        // registration) from the very site the tests are meant to check.
        ...withoutViteVariables(process.env),
        NODE_ENV: 'production',
        BASE_PATH: SITE_BASE,
        LAB_TEST_LESSONS: '1',
      }),
    );
  }
  return () => {
    for (const child of children) if (child.exitCode === null) child.kill();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteBase: string;
    statusDir: string;
  }
}

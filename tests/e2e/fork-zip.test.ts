/**
 * "Download project" in the page: the lesson with the learner's edit becomes a forked project zip,
 * and that project type-checks and passes its own headless test (here with the lab's node_modules;
 * tests/fork/fork-install.test.ts installs a fork from the npm registry).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { menuAction, setCellCode, startLab, type Lab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

describe('Download project', () => {
  it("zips the lesson with the learner's edit as a project that type-checks and passes its test", async () => {
    const { page, errors } = await lab.open('lessons/ui-basics/');
    await setCellCode(page, 0, 'const greeting = "my own prototype";\ngreeting.toUpperCase()');
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await menuAction(page, 'Download project');
    expect((await download).suggestedFilename()).toBe('ui-basics-prototype.zip');
    const zip = join(mkdtempSync(join(tmpdir(), 'fork-zip-')), 'project.zip');
    await (await download).saveAs(zip);
    const root = dirname(zip);
    for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), bytes);
    }
    const project = join(root, 'ui-basics-prototype');
    expect(readFileSync(join(project, 'src/cells/cell-01.ts'), 'utf8')).toContain('"my own prototype"');
    // The lesson travels too, as written (prose, controls) with the learner's code.
    const markdown = readFileSync(join(project, 'lesson.md'), 'utf8');
    expect(markdown).toContain('const greeting = "my own prototype";');
    expect(markdown).toContain('```control cell=fit-line check=slope\nlever: a learning rate far too small\n');
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).scripts.test).toContain('node --test');
    symlinkSync(resolve('node_modules'), join(project, 'node_modules'), 'dir');
    const tsc = spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '--noEmit', '-p', project], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    const test = spawnSync(process.execPath, ['--test', 'test/lesson.test.ts'], { cwd: project, encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('MY OWN PROTOTYPE');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});

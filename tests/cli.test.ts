/** The headless runner as an instructor uses it: a real process, its exit code and its output. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Result { code: number; stdout: string; stderr: string }

function lesson(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/lesson.ts', ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const fixture = (name: string) => `tests/fixtures/cli/${name}.md`;

describe('npm run lesson', () => {
  it('runs the welcome lesson and exits 0', async () => {
    const result = await lesson('lessons/00-welcome.md');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ cell 1 \(line \d+\)/);
    expect(result.stdout).toMatch(/^1 passed, 0 failed$/m);
  });

  it('exits 1 and points at the line of a failing cell; later cells are not run', async () => {
    const result = await lesson(fixture('runtime-error'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/tests\/fixtures\/cli\/runtime-error\.md:17:\d+: TypeError: Cannot read properties of undefined/);
    expect(result.stdout).toMatch(/1 failed, 1 not run/);
  });

  it('prints exactly one JSON document with --json', async () => {
    const result = await lesson(fixture('runtime-error'), 'lessons/00-welcome.md', '--json');
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout);
    expect(reports.map((r: { file: string; ok: boolean }) => [r.file, r.ok])).toEqual([
      [fixture('runtime-error'), false],
      ['lessons/00-welcome.md', true],
    ]);
    const cells = reports[0].cells;
    expect(cells.map((c: { status: string }) => c.status)).toEqual(['done', 'done', 'error', 'idle']);
    expect(cells[1]).toMatchObject({ index: 1, line: 12, outputs: [{ kind: 'text', text: '3' }], leakedTensors: 0 });
    expect(cells[2].outputs[0].kind).toBe('error');
    expect(typeof cells[0].ms).toBe('number');
    const checks = reports[1].cells.flatMap((c: { outputs: { kind: string }[] }) => c.outputs).filter((o: { kind: string }) => o.kind === 'check');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((o: { pass: boolean }) => o.pass)).toBe(true);
  });

  it('exits 2 on a file that does not parse, naming file and line', async () => {
    const result = await lesson(fixture('bad-option'));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`${fixture('bad-option')}:7: unknown cell option "hidde"`);
    const missing = await lesson('no/such/lesson.md');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/no\/such\/lesson\.md: ENOENT/);
  });

  it('stops a loop that never yields after --guard-ms', async () => {
    const result = await lesson(fixture('runaway-loop'), '--guard-ms', '300', '--json');
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout);
    expect(report.cells[0].status).toBe('error');
    expect(report.cells[0].outputs[0].text).toMatch(/The loop at tests\/fixtures\/cli\/runaway-loop\.md:9 has run for 0\.\d s/);
  });

  it('kills a cell stuck in one synchronous call after --timeout-ms', async () => {
    const started = Date.now();
    const result = await lesson(fixture('long-sync-op'), '--timeout-ms', '1500', '--json');
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout);
    expect(report.cells.map((c: { status: string }) => c.status)).toEqual(['done', 'error']);
    expect(report.cells[1].outputs[0].text).toMatch(/long-sync-op\.md:12: TimeoutError: cell 2 ran longer than 1500 ms and was killed/);
    // The call blocks for 60 s; the runner must not have waited for it.
    expect(Date.now() - started).toBeLessThan(50_000);
  });

  it('writes each chart as SVG with --out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lab-charts-'));
    const result = await lesson('lessons/00-welcome.md', '--out', out);
    expect(result.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['welcome-cell4-1.svg', 'welcome-cell5-1.svg']);
    expect(readFileSync(join(out, files[0]!), 'utf8')).toMatch(/^<svg[^>]*class="plot-[^"]*"[\s\S]*<circle/);
  });

  it('rejects unknown options with the usage line', async () => {
    const result = await lesson('--fast', 'lessons/00-welcome.md');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option --fast\nusage: npm run -s lesson/);
  });
});

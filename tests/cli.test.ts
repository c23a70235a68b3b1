/** The headless runner as an instructor uses it: a real process, its exit code and its output. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function lesson(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/lesson.ts', ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const fixture = (name: string) => `tests/fixtures/cli/${name}.md`;

describe('npm run lesson', () => {
  it('runs a lesson and exits 0', async () => {
    const result = await lesson(fixture('passing'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ cell 1 "points" \(line \d+\)/);
    expect(result.stdout).toContain('✓ the slope is 2');
    expect(result.stdout).toMatch(/^1 passed, 0 failed$/m);
  });

  it('exits 1 and points at the line of a failing cell; later cells are not run', async () => {
    const result = await lesson(fixture('runtime-error'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/tests\/fixtures\/cli\/runtime-error\.md:17:\d+: TypeError: Cannot read properties of undefined/);
    expect(result.stdout).toMatch(/1 failed, 1 not run/);
  });

  it('prints exactly one JSON document with --json', async () => {
    const result = await lesson(fixture('runtime-error'), fixture('passing'), '--json');
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout);
    expect(reports.map((r: { file: string; ok: boolean }) => [r.file, r.ok])).toEqual([
      [fixture('runtime-error'), false],
      [fixture('passing'), true],
    ]);
    const cells = reports[0].cells;
    expect(cells.map((c: { status: string }) => c.status)).toEqual(['done', 'done', 'error', 'idle']);
    expect(cells[1]).toMatchObject({ index: 1, line: 12, outputs: [{ kind: 'text', text: '3' }], leakedTensors: 0 });
    expect(cells[2].outputs[0].kind).toBe('error');
    expect(typeof cells[0].ms).toBe('number');
    const checks = reports[1].cells
      .flatMap((c: { outputs: { kind: string }[] }) => c.outputs)
      .filter((o: { kind: string }) => o.kind === 'check');
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
    const result = await lesson(fixture('passing'), '--out', out);
    expect(result.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['passing-cell1-1.svg', 'passing-cell2-1.svg']);
    expect(readFileSync(join(out, files[0]!), 'utf8')).toMatch(/^<svg[^>]*class="plot-[^"]*"[\s\S]*<circle/);
  });

  it('rejects unknown options with the usage line', async () => {
    const result = await lesson('--fast', fixture('passing'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option --fast\nusage: npm run -s lesson/);
  });

  it('--controls judges each control: exit 0 when every check fails as it must, 1 when one still passes', async () => {
    const good = await lesson(fixture('passing'), '--controls');
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(
      /✓ control tests\/fixtures\/cli\/passing\.md:\d+ \(cell "points"\) a steeper line: check "slope" fails, as it must/,
    );
    expect(good.stdout).toMatch(/controls: 1 of 1 make their check fail/);
    const bad = await lesson(fixture('control-still-passes'), fixture('passing'), '--controls', '--json');
    expect(bad.code).toBe(1);
    const reports = JSON.parse(bad.stdout);
    expect(reports.map((r: { ok: boolean }) => r.ok)).toEqual([false, true]);
    expect(reports[0].controls).toEqual([
      expect.objectContaining({
        line: 15,
        cell: 'values',
        check: 'three',
        failed: false,
        error: 'check "three" still passes with the lever flipped',
      }),
    ]);
    expect(reports[0].cells.map((c: { status: string }) => c.status)).toEqual(['done', 'done']);
  });

  it("--controls refuses lever text missing from its cell with the control's line, exit 2", async () => {
    const result = await lesson(fixture('control-missing-lever'), '--controls');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      `${fixture('control-missing-lever')}:15: the lever text ("[1, 2, 3, 4]") occurs nowhere in cell "values"`,
    );
  });

  it('refuses --starters with --controls, and a --timeout-ms that is not a number', async () => {
    expect((await lesson(fixture('passing'), '--starters', '--controls')).stderr).toMatch(/--starters and --controls do not go together/);
    const result = await lesson(fixture('passing'), '--timeout-ms', 'soon');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--timeout-ms needs a positive number of milliseconds \(got "soon"\)/);
  });

  it('--seed N runs the lesson on another seed; --seeds K reports each check across K seeds', async () => {
    const drawn = async (seed: string) => /drew (0\.\d{4})/.exec((await lesson(fixture('coin'), '--seed', seed)).stdout)?.[1];
    expect(await drawn('5')).not.toBe(await drawn('6'));
    const result = await lesson(fixture('coin'), '--seeds', '10', '--jobs', '2', '--json');
    expect(result.code).toBe(1); // the coin falls the wrong way on some seeds
    const [report] = JSON.parse(result.stdout);
    expect(report.seeds).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const [coin, always, after] = report.checks;
    expect(coin).toMatchObject({ id: 'coin', runs: 10 });
    expect(coin.passed).toBeGreaterThan(0);
    expect(coin.passed).toBeLessThan(10);
    expect(coin.failedSeeds).toHaveLength(10 - coin.passed);
    expect(coin.worstMargin).toBeLessThan(0);
    expect(always).toMatchObject({ id: 'cell 2 #1', passed: 10, runs: 10, failedSeeds: [], notRunSeeds: [] });
    // Where the coin failed its cell, the run stopped: the later check did not run there.
    expect(after).toMatchObject({ id: 'after', passed: coin.passed, runs: coin.passed, failedSeeds: [], notRunSeeds: coin.failedSeeds });
    // The text form names the seeds a claim fails on.
    const text = await lesson(fixture('coin'), '--seeds', '10', '--jobs', '2');
    expect(text.stdout).toContain(`✗ coin       line 14   ${coin.passed}/10  worst margin`);
    expect(text.stdout).toContain(`fails on seeds ${coin.failedSeeds.join(', ')}`);
    expect(text.stdout).toContain(`not run on seeds ${coin.failedSeeds.join(', ')} (an earlier cell failed)`);
    expect(text.stdout).toMatch(/0 of 1 lessons held on every seed/);
  });

  it('refuses --seeds with --controls, and --jobs without --seeds', async () => {
    expect((await lesson(fixture('coin'), '--seeds', '2', '--controls')).stderr).toMatch(/--seeds runs each lesson plainly/);
    expect((await lesson(fixture('coin'), '--jobs', '2')).stderr).toMatch(/--jobs goes with --seeds/);
    expect((await lesson(fixture('coin'), '--seeds', '0')).stderr).toMatch(/--seeds needs a whole number of at least 1 \(got "0"\)/);
  });

  it('refuses timeouts past what a timer holds, and an --out that is a file, before running', async () => {
    const long = await lesson(fixture('passing'), '--timeout-ms', '3000000000');
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/--timeout-ms can be at most 2147483647 ms/);
    const out = await lesson(fixture('passing'), '--out', fixture('passing'));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--out tests\/fixtures\/cli\/passing\.md: is a file, not a folder/);
    expect(out.stdout).toBe('');
  });
});

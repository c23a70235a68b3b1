/**
 * A cell that fills the heap stops its own worker (resourceLimits), and the runner goes on to the
 * next file. Heavy (it allocates the runner's 2 GB heap limit), so it runs in test:release.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/notebook/parse.ts';
import { runLessonFile, WORKER_HEAP_MB } from '../../src/node/run-file.ts';

const lesson = (name: string) => parseLesson(readFileSync(name, 'utf8'), name);

describe('a memory bomb', () => {
  it('fails its file at the cell, and the next file still runs', async () => {
    const bomb = await runLessonFile(lesson('tests/fixtures/hostile/memory-bomb.md'), { guardMs: 60_000, timeoutMs: 120_000 });
    expect(bomb.ok).toBe(false);
    expect(bomb.cells.map((c) => c.status)).toEqual(['done', 'error']);
    expect(bomb.cells[1]!.outputs[0]!.text).toContain(
      `memory-bomb.md:12: the cell used more than the runner's ${WORKER_HEAP_MB} MB of memory`,
    );
    const after = await runLessonFile(lesson('tests/fixtures/cli/passing.md'), { guardMs: 3000, timeoutMs: 60_000 });
    expect(after.ok).toBe(true);
  }, 180_000);
});

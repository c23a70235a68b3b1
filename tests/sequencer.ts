/**
 * The order test files start in. Two workers take files from this list as they free up, so the
 * longest files must start first, or the suite ends with one long file running alone while the
 * other core idles ("longest processing time first"). On a fresh clone Vitest has no timings and
 * would order by project name and file size; this orders the files that run real lessons by
 * their parts' measured seconds (tests/lesson-parts.ts), then the other browser tests, then the
 * rest, keeping Vitest's order (its timings when it has them) within each.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { BROWSER_PARTS, BROWSER_SECONDS, HEADLESS_PARTS, HEADLESS_SECONDS, partSeconds } from './lesson-parts.ts';

/** Seconds to expect of a file, or undefined when only Vitest's order is known. */
function expected(spec: TestSpecification): number | undefined {
  const path = spec.moduleId.replace(/\\/g, '/');
  const browser = /tests\/e2e\/real-lessons-(\d+)\.test\.ts$/.exec(path);
  if (browser) return partSeconds(BROWSER_PARTS, BROWSER_SECONDS, Number(browser[1]));
  const headless = /tests\/lessons-(\d+)\.test\.ts$/.exec(path);
  if (headless) return partSeconds(HEADLESS_PARTS, HEADLESS_SECONDS, Number(headless[1]));
  // Browser tests on fixture lessons take tens of seconds each; most other files take one or two.
  if (/tests\/e2e\//.test(path)) return 20;
  return undefined;
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const position = new Map(sorted.map((spec, i) => [spec, i]));
    return [...sorted].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        (expected(b) ?? 0) - (expected(a) ?? 0) ||
        position.get(a)! - position.get(b)!,
    );
  }
}

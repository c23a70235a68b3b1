/**
 * The order test files start in. Two workers take files from this list as they free up, so the
 * longest files must start first, or the suite ends with one long file running alone while the
 * other core idles. On a fresh clone Vitest has no timings and would order by file size (and
 * by project name); this puts the files that run real lessons first, then the other browser
 * tests, then the rest, keeping Vitest's order (timings when it has them) within each tier.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const TIERS = [
  /tests\/e2e\/real-lessons-\d+\.test\.ts$/, // each real lesson's Run all in Chromium
  /tests\/lessons-\d+\.test\.ts$/, // each real lesson headless, with its controls and starters
  /tests\/e2e\//, // the browser tests on fixture lessons
];

const tierOf = (spec: TestSpecification) => {
  const tier = TIERS.findIndex((pattern) => pattern.test(spec.moduleId.replace(/\\/g, '/')));
  return tier < 0 ? TIERS.length : tier;
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const position = new Map(sorted.map((spec, i) => [spec, i]));
    return [...sorted].sort((a, b) =>
      a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder
      || tierOf(a) - tierOf(b)
      || position.get(a)! - position.get(b)!);
  }
}

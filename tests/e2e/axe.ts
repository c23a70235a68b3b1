/**
 * axe-core in a Playwright page: WCAG 2.1 A/AA rules plus best practices in the light colour scheme,
 * and the rules a scheme can change in the dark. Returns the serious and critical violations as readable lines (rule, what,
 * where), so a failing test says what to fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** What a colour scheme can change: every other rule reads the same page in both. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function violations(page: Page, onlyColour: boolean): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: source });
  const found = await page.evaluate(
    async (rules) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run(document, {
        runOnly: rules
          ? { type: 'rule', values: rules }
          : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      });
      return result.violations;
    },
    onlyColour ? COLOUR_RULES : null,
  );
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `  at ${JSON.stringify(n.target)}: ${n.failureSummary?.split('\n').slice(0, 3).join(' ')}`)
          .join('\n')}`,
    );
}

/**
 * Serious/critical violations in light (every rule) and in dark (the colour rules: the rest read
 * the same page), each line prefixed with the scheme.
 */
export async function axeBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let style changes (Monaco's theme follows the scheme) settle for a frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    found.push(...(await violations(page, scheme === 'dark')).map((line) => `[${scheme}] ${line}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

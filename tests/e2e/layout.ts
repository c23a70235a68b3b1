/**
 * The page's layout at the two widths the lab promises, in both colour schemes: nothing wider than
 * the screen (no sideways scroll on a phone), and a toolbar that stays one row on a laptop and
 * leaves a phone most of its screen. Returns what is wrong, as sentences; empty when all is well.
 */
import type { Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function layoutProblems(page: Page, screenshot?: (name: string) => string): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, size, toolbarMax] of [
    ['desktop', DESKTOP, 64],
    ['phone', PHONE, Math.round(PHONE.height * 0.15)],
  ] as const) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const seen = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        toolbar: document.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0,
        // The widest element, to name the culprit when the page scrolls sideways.
        widest: [...document.querySelectorAll<HTMLElement>('body *')]
          .map((el) => ({ el, right: el.getBoundingClientRect().right }))
          .filter(({ el }) => !el.closest('.cell-output, pre, .monaco-editor, table'))
          .sort((a, b) => b.right - a.right)
          .slice(0, 1)
          .map(({ el, right }) => `${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(right)} px`)[0],
      }));
      if (seen.width > size.width)
        problems.push(`${name} ${scheme}: the page is ${seen.width} px wide on a ${size.width} px screen (${seen.widest})`);
      if (seen.toolbar > toolbarMax)
        problems.push(`${name} ${scheme}: the toolbar is ${Math.round(seen.toolbar)} px tall (at most ${toolbarMax})`);
      if (screenshot && scheme === (name === 'phone' ? 'dark' : 'light')) await page.screenshot({ path: screenshot(`${name}-${scheme}`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}

/**
 * The page's layout at the two widths the lab promises, in both colour schemes: nothing wider than
 * the screen (no sideways scroll on a phone), a toolbar that stays one row on a laptop and leaves
 * a phone most of its screen, and chart tick labels that do not run into each other. Returns what is wrong, as sentences; empty when all is well.
 */
import type { Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Tick labels of a chart's axis that run into each other (Plot does not thin text labels). */
export function overlappingTickLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    // Plot names each axis's group of tick labels; the lab keeps that name as data-mark (plot.ts).
    for (const axis of document.querySelectorAll<SVGGElement>('svg g[data-mark$="tick label"]')) {
      const vertical = /^(y|fy)-axis/.test(axis.getAttribute('data-mark') ?? '');
      const boxes = [...axis.querySelectorAll('text')]
        .map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0)
        .sort((a, b) => (vertical ? a.box.top - b.box.top : a.box.left - b.box.left));
      for (let i = 1; i < boxes.length; i++) {
        const [a, b] = [boxes[i - 1]!, boxes[i]!];
        const overlap = vertical ? a.box.bottom - b.box.top : a.box.right - b.box.left;
        if (overlap > 1) {
          const cell = axis.closest('[data-cell]')?.getAttribute('data-cell');
          problems.push(`cell ${Number(cell) + 1}: tick labels "${a.text}" and "${b.text}" overlap by ${Math.round(overlap)} px`);
          break;
        }
      }
    }
    return problems;
  });
}

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
    if (name === 'desktop') problems.push(...(await overlappingTickLabels(page)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}

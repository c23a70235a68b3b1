import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../../../src/node/node-host.ts';

const host = await createNodeHost();
type Svgish = { tagName: string; getAttribute(n: string): string | null; querySelector(s: string): Svgish | null };
const mainSvg = (element: Svgish) => (element.tagName.toLowerCase() === 'svg' ? element : element.querySelector('svg[class^="plot"]')!);

describe('charts carry an accessible description', () => {
  it('names the title, marks, and each scale with its label and range', () => {
    const chart = host.Plot.plot({
      title: 'Loss per epoch',
      x: { label: 'epoch' },
      marks: [
        host.Plot.lineY([3, 2, 1.5, 0.4]),
        host.Plot.dot(['a', 'b'], { x: (_d: string, i: number) => i, y: 1, fill: (d: string) => d }),
      ],
    }) as unknown as Svgish;
    const svg = mainSvg(chart);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Chart: Loss per epoch. line, dot. x axis: epoch, 0 to 3. y axis: 0.4 to 3. colour: a, b.');
  });

  it('keeps an author-written ariaLabel', () => {
    const chart = host.Plot.plot({ ariaLabel: 'my words', marks: [host.Plot.dot([1, 2])] }) as unknown as Svgish;
    expect(mainSvg(chart).getAttribute('aria-label')).toBe('my words');
    expect(mainSvg(chart).getAttribute('role')).toBe('img');
  });
});

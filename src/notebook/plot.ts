/**
 * Observable Plot as cells see it. Plot code written for the browser (`Plot.plot({...})`,
 * `mark.plot()`, no `document` option) must also run headless, where the Node host supplies a
 * DOM document; and every chart gets a one-line summary (marks, size) for text output.
 */
type PlotModule = typeof import('@observablehq/plot');
type PlotOptions = { marks?: unknown[]; document?: unknown; [key: string]: unknown };

const summaries = new WeakMap<object, string>();

export function chartSummary(element: object): string | undefined {
  return summaries.get(element);
}

function markName(mark: unknown): string {
  if (!mark || typeof mark !== 'object') return typeof mark === 'function' ? 'render' : String(mark);
  const labelled = (mark as { ariaLabel?: unknown }).ariaLabel;
  return typeof labelled === 'string' ? labelled : (mark.constructor?.name ?? 'mark').toLowerCase();
}

type ElementLike = { getAttribute(name: string): string | null; querySelectorAll?(s: string): Iterable<ElementLike> };

/** The chart's own <svg>: a figure also holds legend swatches and ramps, which are svgs too. */
function mainSvg(element: ElementLike): ElementLike | undefined {
  if (element.getAttribute('width')) return element;
  const svgs = [...(element.querySelectorAll?.('svg') ?? [])];
  return svgs.find((svg) => /^plot-[\w]+$/.test(svg.getAttribute('class') ?? '')) ?? svgs.at(-1);
}

function describe(options: PlotOptions, element: ElementLike) {
  const marks = (options.marks ?? []).flat(Infinity as 1).filter((mark) => mark != null);
  const svg = mainSvg(element);
  const px = (name: string) => Math.round(Number(svg?.getAttribute(name)));
  const size = svg ? `${px('width')}x${px('height')}` : 'unknown size';
  const counts = new Map<string, number>();
  for (const mark of marks) counts.set(markName(mark), (counts.get(markName(mark)) ?? 0) + 1);
  const list = [...counts].map(([name, n]) => (n > 1 ? `${name}×${n}` : name)).join(', ');
  return `chart ${size}: ${list || 'no marks'}`;
}

let patchedMark = false;
let plotForMarks: ((options: PlotOptions) => unknown) | undefined;

/** Returns the Plot namespace given to cells: `plot` and `legend` wrapped, the rest as is. */
export function wrapPlot(Plot: PlotModule, document?: unknown): PlotModule {
  const withDocument = (options: PlotOptions = {}) => (document && !options.document ? { ...options, document } : options);
  const plot = (options: PlotOptions = {}) => {
    const element = (Plot.plot as (o: PlotOptions) => object)(withDocument(options));
    summaries.set(element, describe(options, element as never));
    return element;
  };
  const legend = (options: PlotOptions = {}) => {
    const element = (Plot.legend as (o: PlotOptions) => object)(withDocument(options));
    const svg = mainSvg(element as ElementLike);
    const size = svg?.getAttribute('width') ? ` ${svg.getAttribute('width')}x${svg.getAttribute('height')}` : '';
    if (element) summaries.set(element, `legend${size}`);
    return element;
  };
  plotForMarks = plot;
  if (!patchedMark) {
    // `Plot.dot(data).plot()` calls Plot's internal plot, bypassing the wrapper: route it back.
    patchedMark = true;
    Plot.Mark.prototype.plot = function (this: unknown, { marks = [], ...options }: PlotOptions = {}) {
      return plotForMarks!({ ...options, marks: [...(marks as unknown[]), this] });
    } as never;
  }
  return { ...Plot, plot, legend } as unknown as PlotModule;
}

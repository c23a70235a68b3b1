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

type Scale = { domain?: unknown[]; label?: string | null };
const SCALE_NAMES: Record<string, string> = { x: 'x axis', y: 'y axis', fx: 'columns', fy: 'rows', color: 'colour' };

function short(value: unknown): string {
  if (typeof value === 'number') return String(Number(value.toPrecision(3)));
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * What a screen reader says for a chart: its title, its marks and each scale's label and range,
 * e.g. "Chart: Loss per epoch. line×2. x axis: epoch, 1 to 20. y axis: loss, 0.05 to 2.3."
 */
export function chartDescription(options: PlotOptions, element: object): string {
  const parts = [`Chart${typeof options.title === 'string' ? `: ${options.title}` : ''}`];
  const marks = describe(options, element as ElementLike).replace(/^chart [^:]*: /, '');
  parts.push(marks);
  const scaleOf = (element as { scale?: (name: string) => Scale | undefined }).scale;
  for (const [name, said] of Object.entries(SCALE_NAMES)) {
    let scale: Scale | undefined;
    try {
      scale = scaleOf?.call(element, name);
    } catch {
      scale = undefined; // Plot throws for a scale the chart does not have
    }
    const domain = scale?.domain;
    if (!domain || domain.length === 0) continue;
    const written = (options[name] as { label?: unknown } | undefined)?.label ?? axisLabel(element as ElementLike, name);
    const label = written
      ? `${String(written)
          .replace(/[↑↓→←]/g, '')
          .trim()}, `
      : '';
    const range =
      domain.length === 2 && domain.every((v) => typeof v === 'number' || v instanceof Date)
        ? `${short(domain[0])} to ${short(domain[1])}`
        : `${domain.slice(0, 8).map(short).join(', ')}${domain.length > 8 ? ` and ${domain.length - 8} more` : ''}`;
    parts.push(`${said}: ${label}${range}`);
  }
  return `${parts.join('. ')}.`;
}

/** The label Plot drew for an axis (it guesses one from the channel's field name). */
function axisLabel(element: ElementLike, name: string): string | undefined {
  const group = [...(element.querySelectorAll?.(`[aria-label="${name}-axis label"]`) ?? [])][0] as { textContent?: string } | undefined;
  return group?.textContent?.trim() || undefined;
}

type Labelled = ElementLike & { setAttribute?(n: string, v: string): void; removeAttribute?(n: string): void };

/**
 * Makes a Plot chart one image for assistive technology: its main svg gets role=img and `label`.
 * Plot labels each mark's <g> ("line", "x-axis tick"), which ARIA forbids on a <g> without a role
 * and which a screen reader would read as noise; those labels go (the description says it all),
 * moved to `data-mark`.
 */
export function makeChartAccessible(element: object, label: string): void {
  const chart = element as Labelled;
  const svg = mainSvg(chart) as Labelled | undefined;
  if (!svg?.setAttribute) return;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  for (const found of chart.querySelectorAll?.('svg g[aria-label]') ?? []) {
    const group = found as Labelled;
    // Kept as data for tools and tests (which axis a group of tick labels is), unread by ARIA.
    group.setAttribute?.('data-mark', group.getAttribute('aria-label') ?? '');
    group.removeAttribute?.('aria-label');
  }
}

/** Every chart cells make is described, with the author's ariaLabel when they wrote one. */
function labelChart(options: PlotOptions, element: object): void {
  const written = typeof options.ariaLabel === 'string' ? options.ariaLabel : undefined;
  makeChartAccessible(element, written ?? chartDescription(options, element));
}

let patchedMark = false;
let plotForMarks: ((options: PlotOptions) => unknown) | undefined;

/** Returns the Plot namespace given to cells: `plot` and `legend` wrapped, the rest as is. */
export function wrapPlot(Plot: PlotModule, document?: unknown): PlotModule {
  const withDocument = (options: PlotOptions = {}) => (document && !options.document ? { ...options, document } : options);
  const plot = (options: PlotOptions = {}) => {
    const element = (Plot.plot as (o: PlotOptions) => object)(withDocument(options));
    summaries.set(element, describe(options, element as never));
    labelChart(options, element);
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

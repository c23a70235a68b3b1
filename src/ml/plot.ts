/**
 * The Plot function helpers draw with. The host sets it to the same wrapped Plot.plot cells get,
 * so helper charts also work headless (where Plot needs a DOM document passed in).
 */
import * as Plot from '@observablehq/plot';

type PlotFn = (options: Record<string, unknown>) => Element;

let plotFn: PlotFn = Plot.plot as unknown as PlotFn;

export function usePlot(plot: PlotFn): void {
  plotFn = plot;
}

export function plot(options: Record<string, unknown>): Element {
  return plotFn(options);
}

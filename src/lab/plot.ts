/**
 * The Plot function helpers draw with: the environment's (the same wrapped Plot.plot cells get,
 * so helper charts also work headless, where Plot needs a DOM document passed in), else Plot's own.
 */
import * as Plot from '@observablehq/plot';
import { labEnvironment, type PlotFn } from './environment.ts';

export function plot(options: Record<string, unknown>): Element {
  return (labEnvironment().plot ?? (Plot.plot as unknown as PlotFn))(options);
}

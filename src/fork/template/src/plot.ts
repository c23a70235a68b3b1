/**
 * Observable Plot for the cells. In the page it is Plot itself; in Node (tests) Plot needs a DOM
 * document, which the Node host supplies through `usePlotDocument` (and then hands to the lab's
 * environment, so helper charts draw into it too). Cells import `Plot` from here so the same code
 * draws in both; the binding is live, so they see the host's choice.
 */
import * as RealPlot from '@observablehq/plot';
import { wrapPlot } from './lab/notebook/plot.ts';

export let Plot: typeof RealPlot = wrapPlot(RealPlot);

export function usePlotDocument(document: unknown): typeof RealPlot {
  Plot = wrapPlot(RealPlot, document);
  return Plot;
}

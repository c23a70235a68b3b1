/**
 * Observable Plot for the cells. In the page it is Plot itself; in Node (tests) Plot needs a DOM
 * document, which the Node host supplies through `usePlotDocument`. Cells import `Plot` from here
 * so the same code draws in both; the binding is live, so they see the host's choice.
 */
import * as RealPlot from '@observablehq/plot';
import { wrapPlot } from './lab/notebook/plot.ts';
import { usePlot } from './lab/ml/plot.ts';

export let Plot: typeof RealPlot = wrapPlot(RealPlot);

export function usePlotDocument(document: unknown): void {
  Plot = wrapPlot(RealPlot, document);
  usePlot(Plot.plot as never);
}

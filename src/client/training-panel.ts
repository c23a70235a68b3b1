/**
 * The live training panel: progress with ETA, live tensor count, a "Stop training" button, and
 * loss/metric curves per batch (thin) and per epoch (points), train and validation. Charts are
 * redrawn at most four times a second, so training is not slowed by drawing.
 */
import { makeChartAccessible } from '../notebook/plot.ts';
import * as Plot from '@observablehq/plot';
import type { TrainingOutput } from '../notebook/outputs.ts';
import { eta, formatDuration } from './format-time.ts';

const REDRAW_MS = 250;
const panels = new WeakMap<HTMLElement, { drawnAt: number; timer?: ReturnType<typeof setTimeout>; latest: TrainingOutput }>();

function curves(output: TrainingOutput, metric: string, width: number): Element | undefined {
  const val = `val_${metric}`;
  const batchPoints = output.batches
    .filter((p) => metric in p)
    .map((p) => ({ epoch: p.epoch, value: p[metric]!, series: 'train (batch)' }));
  const epochPoints = output.epochEnds.flatMap((p) => [
    ...(metric in p ? [{ epoch: p.epoch, value: p[metric]!, series: 'train' }] : []),
    ...(val in p ? [{ epoch: p.epoch, value: p[val]!, series: 'validation' }] : []),
  ]);
  if (batchPoints.length + epochPoints.length === 0) return undefined;
  // The x axis grows with training (a fixed [0, epochs] squashes a long run into its left edge).
  const reached = Math.max(...batchPoints.map((p) => p.epoch), ...epochPoints.map((p) => p.epoch), 1);
  const values = [...batchPoints, ...epochPoints].map((p) => p.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  // A log scale only where the values span decades, as a loss falling from 2 to 0.01 does.
  const log = low > 0 && high / low > 20;
  const figure = Plot.plot({
    width,
    height: 180,
    marginLeft: 50,
    x: { label: 'epoch', domain: [0, Math.min(output.epochs, Math.ceil(reached))] },
    // Plain numbers on a log axis (0.02, not Plot's SI "20m").
    y: { label: metric, grid: true, type: log ? 'log' : 'linear', tickFormat: '~g' },
    color: { domain: ['train (batch)', 'train', 'validation'], range: ['#9db6d8', '#1f5fbf', '#d2552d'], legend: true },
    marks: [
      // z named: early in training each series has a point or two, which Plot would otherwise
      // take for a quantitative colour and warn about.
      Plot.lineY(batchPoints, { x: 'epoch', y: 'value', stroke: 'series', z: 'series', strokeWidth: 1 }),
      Plot.line(epochPoints, { x: 'epoch', y: 'value', stroke: 'series', z: 'series', marker: 'circle' }),
    ],
  });
  makeChartAccessible(figure, `${metric} per epoch, ${output.epochEnds.length} epochs so far`);
  return figure;
}

function draw(panel: HTMLElement, output: TrainingOutput): void {
  const done = output.batchesDone;
  const total = output.batchesPerEpoch ? output.batchesPerEpoch * output.epochs : undefined;
  const bar = panel.querySelector('progress')!;
  const info = panel.querySelector<HTMLElement>('.training-info')!;
  const button = panel.querySelector<HTMLButtonElement>('.training-stop')!;
  if (total) {
    bar.max = total;
    bar.value = Math.min(done, total);
  }
  const left = total ? eta(output.startedAt, output.updatedAt, done, total) : undefined;
  const epochs = `epoch ${Math.min(output.epochEnds.length + (output.state === 'running' ? 1 : 0), output.epochs)}/${output.epochs}`;
  const state =
    output.state === 'running'
      ? left === undefined
        ? ''
        : ` · about ${formatDuration(left)} left`
      : ` · ${output.state} after ${formatDuration(output.updatedAt - output.startedAt)}`;
  info.textContent = `${epochs}${state} · ${output.liveTensors} tensors in memory`;
  button.disabled = output.state !== 'running';
  const charts = panel.querySelector<HTMLElement>('.training-charts')!;
  const width = Math.max(280, Math.min(640, charts.clientWidth || 640));
  const metrics = output.metrics.filter((m) => !m.startsWith('val_'));
  charts.replaceChildren(...metrics.map((m) => curves(output, m, width)).filter((c): c is Element => c !== undefined));
  panel.querySelector<HTMLElement>('.training-summary')!.textContent = output.text;
}

export function renderTraining(output: TrainingOutput): HTMLElement {
  const panel = document.createElement('div');
  panel.className = 'out out-training';
  panel.innerHTML = `<div class="training-head"><progress aria-label="Training progress"></progress>
    <span class="training-info"></span><button type="button" class="training-stop">Stop training</button></div>
    <div class="training-charts"></div><p class="training-summary visually-hidden" aria-live="polite"></p>`;
  panel.querySelector('button')!.addEventListener('click', () => panels.get(panel)?.latest.stop?.());
  panels.set(panel, { drawnAt: 0, latest: output });
  draw(panel, output);
  return panel;
}

export function updateTraining(panel: HTMLElement, output: TrainingOutput): void {
  const state = panels.get(panel);
  if (!state) return;
  state.latest = output;
  const wait = REDRAW_MS - (performance.now() - state.drawnAt);
  if (output.state !== 'running' || wait <= 0) {
    clearTimeout(state.timer);
    state.timer = undefined;
    state.drawnAt = performance.now();
    draw(panel, output);
  } else if (state.timer === undefined) {
    state.timer = setTimeout(() => {
      state.timer = undefined;
      state.drawnAt = performance.now();
      draw(panel, state.latest);
    }, wait);
  }
}

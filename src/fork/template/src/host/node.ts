/** Node (the tests): TF.js on the CPU, Plot into a DOM document, data and models from the folders. */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { threadId } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { setLabEnvironment } from '../lab/lab/environment.ts';
import { chartSummary } from '../lab/notebook/plot.ts';
import { createNodeDocument } from '../lab/node/node-dom.ts';
import { folderEnvironment } from '../lab/node/node-environment.ts';
import { usePlotDocument } from '../plot.ts';
import { useRenderer } from '../runtime.ts';

const PUBLIC = new URL('../../public/', import.meta.url);

function describe(value: unknown): string {
  if (value && typeof value === 'object' && 'outerHTML' in value)
    return chartSummary(value) ?? `<${(value as { tagName?: string }).tagName?.toLowerCase() ?? 'element'}>`;
  if (value && typeof value === 'object' && 'shape' in value && 'dtype' in value)
    return `Tensor ${(value as tf.Tensor).dtype} [${(value as tf.Tensor).shape.join(', ')}]`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export async function setUpNode({ quiet = false } = {}): Promise<void> {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
  const plot = usePlotDocument(createNodeDocument());
  setLabEnvironment(
    folderEnvironment({
      datasets: new URL('datasets/', PUBLIC),
      models: new URL('models/', PUBLIC),
      // one folder per process and worker thread, so tests side by side never share a save
      store: join(tmpdir(), `lab-models-${process.pid}-${threadId}`),
      plot: plot.plot as never,
    }),
  );
  const print = quiet ? () => {} : (line: string) => console.log(line);
  useRenderer({
    startCell: (index, title) => print(`\n[${index + 1}] ${title}`),
    show: (value) => print(`  ${describe(value).split('\n').join('\n  ')}`),
    check: (pass, message) => print(`  ${pass ? '✓' : '✗'} ${message}`),
    helperOutput: (output, changed) => {
      if (!changed) return;
      if (output.kind === 'training' && (output.state === 'done' || output.state === 'stopped')) print(`  ${output.text}`);
    },
  });
}

/** The page: TF.js on the best backend the browser has, data and models from this site. */
import * as tf from '@tensorflow/tfjs';
import { setLabEnvironment, siteEnvironment } from '../lab/lab/environment.ts';
import { Plot } from '../plot.ts';
import { useRenderer } from '../runtime.ts';
import type { Output } from '../lab/notebook/outputs.ts';

const base = import.meta.env.BASE_URL;

function render(value: unknown): Node {
  if (value instanceof Node) return value;
  const pre = document.createElement('pre');
  if (value && typeof value === 'object' && 'shape' in value && 'dtype' in value && 'array' in value) {
    const tensor = value as tf.Tensor;
    pre.textContent = `Tensor ${tensor.dtype} [${tensor.shape.join(', ')}]`;
    void tensor.array().then((values) => (pre.textContent += `\n${JSON.stringify(values)}`));
  } else if (Array.isArray(value) && value.length > 0 && value.every((row) => row && typeof row === 'object' && !Array.isArray(row))) {
    const table = document.createElement('table');
    const columns = [...new Set(value.flatMap((row) => Object.keys(row as object)))];
    table.innerHTML = `<tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr>`;
    for (const row of value as Record<string, unknown>[]) {
      const tr = table.insertRow();
      for (const column of columns) tr.insertCell().textContent = String(row[column] ?? '');
    }
    return table;
  } else pre.textContent = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
  return pre;
}

export async function setUpBrowser(): Promise<void> {
  for (const backend of ['webgl', 'cpu']) if (await tf.setBackend(backend).catch(() => false)) break;
  await tf.ready();
  setLabEnvironment(siteEnvironment(base, Plot.plot as never));
  const main = document.querySelector('main')!;
  let section: HTMLElement = main;
  const helperNodes = new Map<Output, HTMLElement>();
  useRenderer({
    startCell(index, title) {
      section = document.createElement('section');
      section.innerHTML = `<h2>${index + 1}. ${title}</h2>`;
      main.append(section);
    },
    show: (value) => section.append(render(value)),
    check(pass, message) {
      const p = document.createElement('p');
      p.className = pass ? 'pass' : 'fail';
      p.textContent = `${pass ? '✓' : '✗'} ${message}`;
      section.append(p);
    },
    helperOutput(output) {
      const node = 'node' in output && output.node instanceof Node ? output.node : undefined;
      let shown = helperNodes.get(output);
      if (!shown) {
        shown = document.createElement('div');
        helperNodes.set(output, shown);
        section.append(shown);
      }
      if (node) shown.replaceChildren(node);
      else shown.textContent = output.text;
    },
  });
}

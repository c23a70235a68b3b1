/**
 * Output records → DOM, one switch over the kinds. Elements are kept per output object, so a
 * progress bar or training panel that changes in place is updated, not rebuilt, and charts and
 * widgets a cell made keep their state when the cell's other outputs change.
 */
import type { Output } from '../notebook/outputs.ts';
import { formatDuration, eta } from './format-time.ts';
import { renderTraining, updateTraining } from './training-panel.ts';

const elements = new WeakMap<Output, HTMLElement>();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Whole numbers as they are; others to four significant digits (0.9972, not 0.997214). */
export function formatCellNumber(value: number): string {
  return Number.isInteger(value) || !Number.isFinite(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function table(output: Extract<Output, { kind: 'table' }>): HTMLElement {
  const wrap = element('div', 'out out-table');
  const grid = element('table', '');
  const head = grid.createTHead().insertRow();
  for (const column of output.columns) head.append(element('th', '', column));
  const body = grid.createTBody();
  for (const row of output.rows) {
    const tr = body.insertRow();
    for (const value of row) {
      const text =
        value === undefined
          ? ''
          : typeof value === 'number'
            ? formatCellNumber(value)
            : typeof value === 'object'
              ? JSON.stringify(value)
              : String(value);
      tr.append(element('td', typeof value === 'number' ? 'num' : '', text));
    }
  }
  wrap.append(grid);
  if (output.total > output.rows.length) wrap.append(element('p', 'out-note', `Showing ${output.rows.length} of ${output.total} rows.`));
  return wrap;
}

function errorBlock(output: Extract<Output, { kind: 'error' }>): HTMLElement {
  const block = element('div', 'out out-error');
  block.setAttribute('role', 'alert');
  if (output.location) {
    const where = element(
      'button',
      'out-location',
      `${output.location.file}:${output.location.line}${output.location.column ? `:${output.location.column}` : ''}`,
    );
    where.type = 'button';
    where.title = 'Show this line in the editor';
    where.dataset.gotoLine = String(output.location.line);
    block.append(where);
  }
  const text = output.text.replace(/^\S+:\d+(:\d+)?: /, '');
  block.append(element('pre', '', text));
  return block;
}

function progress(output: Extract<Output, { kind: 'progress' }>): HTMLElement {
  const wrap = element('div', 'out out-progress');
  const label = element('span', 'out-progress-label');
  const bar = element('progress', '');
  const info = element('span', 'out-progress-info');
  wrap.append(label, bar, info);
  updateProgress(wrap, output);
  return wrap;
}

function updateProgress(wrap: HTMLElement, output: Extract<Output, { kind: 'progress' }>): void {
  const [label, bar, info] = wrap.children as unknown as [HTMLElement, HTMLProgressElement, HTMLElement];
  label.textContent = output.label;
  bar.max = output.total;
  bar.value = output.value;
  bar.setAttribute('aria-label', output.label);
  const left = eta(output.startedAt, output.updatedAt, output.value, output.total);
  info.textContent =
    output.value >= output.total
      ? `done in ${formatDuration(output.updatedAt - output.startedAt)}`
      : `${output.value}/${output.total}${left === undefined ? '' : ` · about ${formatDuration(left)} left`}`;
}

function create(output: Output): HTMLElement {
  switch (output.kind) {
    case 'text':
      return element('pre', `out out-text out-${output.stream}`, output.text);
    case 'error':
      return errorBlock(output);
    case 'table':
      return table(output);
    case 'tensor': {
      const block = element('div', 'out out-tensor');
      block.append(
        element('div', 'out-tensor-head', `Tensor ${output.dtype} [${output.shape.join(', ')}]`),
        element('pre', '', output.preview),
      );
      return block;
    }
    case 'chart':
    case 'html': {
      const wrap = element('div', `out out-${output.kind}`);
      if (output.node instanceof Node) wrap.append(output.node);
      else if (output.kind === 'chart') wrap.innerHTML = output.svg;
      return wrap;
    }
    case 'image': {
      const img = element('img', 'out out-image');
      img.src = output.src;
      img.alt = output.text;
      return img;
    }
    case 'progress':
      return progress(output);
    case 'check': {
      const line = element('div', `out out-check ${output.pass ? 'pass' : 'fail'}`);
      const message = element('span', '');
      // `name` in a message is code, as in the lesson's prose: shown as code, not as backticks.
      output.message.split(/`([^`\n]+)`/).forEach((part, i) => message.append(i % 2 ? element('code', '', part) : part));
      line.append(element('span', 'out-check-mark', output.pass ? '✓' : '✗'), message);
      line.setAttribute('aria-label', `${output.pass ? 'Passed' : 'Not passed'}: ${output.message.replace(/`([^`\n]+)`/g, '$1')}`);
      // For tools and tests that read results off the page: the class is styling, this is the verdict.
      line.dataset.pass = String(output.pass);
      if (output.id) line.dataset.check = output.id;
      return line;
    }
    case 'training':
      return renderTraining(output);
    default: {
      const unknown: never = output;
      return element('pre', 'out', String((unknown as Output).text));
    }
  }
}

/** Makes `container` show `outputs`, reusing the elements of outputs it already shows. */
export function renderOutputs(container: HTMLElement, outputs: Output[]): void {
  const wanted = outputs.map((output) => {
    let node = elements.get(output);
    if (!node) {
      node = create(output);
      elements.set(output, node);
    } else if (output.kind === 'tensor') node.querySelector('pre')!.textContent = output.preview;
    else if (output.kind === 'progress') updateProgress(node, output);
    else if (output.kind === 'training') updateTraining(node, output);
    return node;
  });
  const current = [...container.children];
  if (current.length === wanted.length && current.every((node, i) => node === wanted[i])) return;
  container.replaceChildren(...wanted);
}

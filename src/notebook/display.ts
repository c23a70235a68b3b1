/**
 * value → Output record. Knows tensors, Plot charts, DOM elements, tables (arrays of plain
 * objects), images and models by their shape (duck typing), so the core needs neither the DOM
 * nor a particular TF.js instance.
 */
import type { Output } from './outputs.ts';
import { formatValue, isTensor, type TensorLike } from './format.ts';
import { chartSummary } from './plot.ts';
import { formatTensorValues } from './format-tensor.ts';

const MAX_TABLE_ROWS = 200;

interface ElementLike {
  nodeType: number;
  tagName: string;
  outerHTML: string;
  getAttribute(name: string): string | null;
  querySelector?(selector: string): ElementLike | null;
}

const isElement = (value: unknown): value is ElementLike =>
  typeof value === 'object' &&
  value !== null &&
  (value as ElementLike).nodeType === 1 &&
  typeof (value as ElementLike).tagName === 'string';

const isPlotElement = (element: ElementLike): boolean => {
  const cls = element.getAttribute('class') ?? '';
  return /(^|\s)plot-/.test(cls) || (element.tagName.toLowerCase() === 'figure' && !!element.querySelector?.('svg[class^="plot-"]'));
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

interface ModelLike {
  summary(lineLength?: number, positions?: number[], print?: (line: string) => void): void;
  layers: unknown[];
}
const isModel = (value: unknown): value is ModelLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ModelLike).summary === 'function' &&
  Array.isArray((value as ModelLike).layers);

/** Shape and dtype now; the values arrive from `fillTensorOutput`, read asynchronously. */
/** What model.fit returns: the metrics of each epoch, shown as a table of epochs. */
interface HistoryLike {
  epoch: number[];
  history: Record<string, unknown[]>;
}
const isHistory = (value: unknown): value is HistoryLike =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as HistoryLike).epoch) &&
  typeof (value as HistoryLike).history === 'object' &&
  (value as HistoryLike).history !== null;

function historyRows(history: HistoryLike): Record<string, unknown>[] {
  return history.epoch.map((epoch, i) => ({
    epoch: epoch + 1,
    ...Object.fromEntries(Object.entries(history.history).map(([name, values]) => [name, values[i]])),
  }));
}

function tensorOutput(tensor: TensorLike): Output {
  const head = `Tensor ${tensor.dtype} [${tensor.shape.join(', ')}]`;
  if (tensor.isDisposed) return { kind: 'text', text: `${head} (disposed)`, stream: 'result' };
  return { kind: 'tensor', shape: [...tensor.shape], dtype: tensor.dtype, preview: '…', text: `${head} …` };
}

/** Reads a tensor's values without blocking (a GPU backend would stall on a synchronous read). */
export async function fillTensorOutput(output: Extract<Output, { kind: 'tensor' }>, tensor: unknown): Promise<void> {
  const t = tensor as TensorLike & { data(): Promise<ArrayLike<number>> };
  const head = `Tensor ${t.dtype} [${t.shape.join(', ')}]`;
  try {
    output.preview = formatTensorValues(await t.data(), t.shape, t.dtype);
  } catch {
    output.preview = '(disposed before its values could be read)';
  }
  output.text = t.shape.length === 0 ? `${head} ${output.preview}` : `${head}\n${output.preview}`;
}

export { isTensor };

function tableOutput(rows: Record<string, unknown>[]): Output {
  const columns = [...new Set(rows.slice(0, MAX_TABLE_ROWS).flatMap((row) => Object.keys(row)))];
  const shown = rows.slice(0, MAX_TABLE_ROWS).map((row) => columns.map((column) => row[column]));
  const cell = (value: unknown) => (value === undefined ? '' : formatValue(value, 0, new Set(), false));
  const textRows = [columns, ...shown.slice(0, 10).map((row) => row.map(cell))];
  const widths = columns.map((_, i) => Math.min(24, Math.max(...textRows.map((row) => String(row[i]).length))));
  const line = (row: string[]) =>
    row
      .map((value, i) => String(value).slice(0, 24).padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const more = rows.length > 10 ? `\n… ${rows.length} rows in all` : '';
  return {
    kind: 'table',
    columns,
    rows: shown,
    total: rows.length,
    text: `${textRows.map((row) => line(row as string[])).join('\n')}${more}`,
  };
}

export function toOutput(value: unknown, stream: 'result' | 'log' = 'result'): Output {
  if (isTensor(value)) return tensorOutput(value);
  if (isElement(value)) {
    if (isPlotElement(value)) {
      return { kind: 'chart', node: value, svg: value.outerHTML, text: chartSummary(value) ?? `chart <${value.tagName.toLowerCase()}>` };
    }
    const tag = value.tagName.toLowerCase();
    if (tag === 'img' && value.getAttribute('src')) {
      const width = Number(value.getAttribute('width') ?? 0);
      const height = Number(value.getAttribute('height') ?? 0);
      return { kind: 'image', src: value.getAttribute('src')!, width, height, text: `image ${width}x${height}` };
    }
    return { kind: 'html', node: value, text: `<${tag}> element` };
  }
  if (value instanceof Error) return { kind: 'text', text: formatValue(value), stream: 'error' };
  if (isModel(value)) {
    const lines: string[] = [];
    value.summary(undefined, undefined, (line) => lines.push(line));
    return { kind: 'text', text: lines.join('\n'), stream };
  }
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) return tableOutput(value);
  if (isHistory(value)) return tableOutput(historyRows(value));
  return { kind: 'text', text: formatValue(value), stream };
}

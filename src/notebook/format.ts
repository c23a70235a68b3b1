/**
 * A small, realm-neutral value printer (Node's util.inspect does not exist in the browser).
 * Depth, item and string limits keep a huge array from freezing the page.
 */
const MAX_ITEMS = 50;

export interface TensorLike {
  shape: number[];
  dtype: string;
  size: number;
  isDisposed: boolean;
  toString(verbose?: boolean): string;
}

/** A TF.js tensor, recognised by shape so the core needs no particular TF.js instance. */
export const isTensor = (value: unknown): value is TensorLike =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as TensorLike).shape) &&
  typeof (value as TensorLike).dtype === 'string' &&
  typeof (value as { dataSync?: unknown }).dataSync === 'function';
const MAX_STRING = 2000;

export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-4 || abs >= 1e7) ? value.toExponential(4) : String(Number(value.toPrecision(6)));
}

function className(value: object): string | undefined {
  const proto = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return undefined;
  const name = proto?.constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? name : undefined;
}

export function formatValue(value: unknown, depth = 2, seen = new Set<unknown>(), nested = false): string {
  switch (typeof value) {
    case 'string': {
      const text = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} characters)` : value;
      return nested ? JSON.stringify(text) : text;
    }
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return value.toString().startsWith('class') ? `[class ${value.name || 'anonymous'}]` : `[Function ${value.name || 'anonymous'}]`;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (isTensor(value)) {
    // Values are not read here: a synchronous read would stall a GPU backend. display() shows them.
    return `Tensor ${value.dtype} [${value.shape.join(', ')}]`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (depth < 0) return Array.isArray(value) ? '[Array]' : `[${className(object) ?? 'Object'}]`;
  seen.add(object);
  try {
    const inner = (item: unknown) => formatValue(item, depth - 1, seen, true);
    const list = (items: unknown[], total: number, open: string, close: string, prefix = '') => {
      const shown = items.slice(0, MAX_ITEMS).map(inner);
      if (total > MAX_ITEMS) shown.push(`… ${total - MAX_ITEMS} more`);
      return `${prefix}${open}${shown.join(', ')}${close}`;
    };
    if (Array.isArray(value)) return list(value, value.length, '[', ']');
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const typed = value as unknown as ArrayLike<number>;
      return list(
        Array.from({ length: Math.min(typed.length, MAX_ITEMS + 1) }, (_, i) => typed[i]),
        typed.length,
        '[',
        ']',
        `${className(object)}(${typed.length}) `,
      );
    }
    if (value instanceof Map) {
      const entries = [...value.entries()].slice(0, MAX_ITEMS).map(([k, v]) => `${inner(k)} => ${inner(v)}`);
      return `Map(${value.size}) {${entries.join(', ')}${value.size > MAX_ITEMS ? ', …' : ''}}`;
    }
    if (value instanceof Set) return list([...value], value.size, '{', '}', `Set(${value.size}) `);
    if (typeof (value as { then?: unknown }).then === 'function') return 'Promise { … }';
    const keys = Object.keys(object);
    const name = className(object);
    const fields = keys.slice(0, MAX_ITEMS).map((key) => {
      const label = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      return `${label}: ${inner((object as Record<string, unknown>)[key])}`;
    });
    if (keys.length > MAX_ITEMS) fields.push(`… ${keys.length - MAX_ITEMS} more`);
    const body = fields.length ? `{ ${fields.join(', ')} }` : '{}';
    return name ? `${name} ${body}` : body;
  } finally {
    seen.delete(object);
  }
}

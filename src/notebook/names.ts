/**
 * Names a cell may use without going through the lesson scope.
 *
 * ECMAScript built-ins and a few web platform globals are read directly (fast in hot loops, and
 * the same in every realm). Every other free name is looked up at run time in the lesson scope
 * first, then on globalThis, so a learner's `const name = ...` is never swallowed by `window.name`.
 */
export const BUILTIN_NAMES = new Set([
  'undefined',
  'NaN',
  'Infinity',
  'arguments',
  'globalThis',
  'Object',
  'Function',
  'Array',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'BigInt',
  'Math',
  'JSON',
  'Date',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'Promise',
  'Proxy',
  'Reflect',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'FinalizationRegistry',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Atomics',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'Intl',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURI',
  'encodeURIComponent',
  'decodeURI',
  'decodeURIComponent',
  // Web platform globals that exist in browsers and in Node alike.
  'performance',
  'fetch',
  'URL',
  'URLSearchParams',
  'Blob',
  'TextEncoder',
  'TextDecoder',
  'queueMicrotask',
  'structuredClone',
  'atob',
  'btoa',
  'crypto',
  'AbortController',
  'Event',
  'EventTarget',
  'Response',
  'Request',
  'Headers',
  'FormData',
]);

/**
 * Names bound per cell run: the wrapper function receives them as parameters, so outputs,
 * timers and checks belong to the cell that made them.
 */
export const CELL_ENV_NAMES = [
  'display',
  'check',
  'console',
  'tf',
  'Plot',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'cancelAnimationFrame',
] as const;

export type CellEnvName = (typeof CELL_ENV_NAMES)[number];

/** Internal parameters: the shared scope, the run-time lookup proxy, and the kernel's hooks. */
export const SCOPE = '__s';
export const LOOKUP = '__r';
export const RUNTIME = '__rt';

const ENV = new Set<string>(CELL_ENV_NAMES);
export const isDirectName = (name: string) => BUILTIN_NAMES.has(name) || ENV.has(name);

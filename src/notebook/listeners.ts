/**
 * Event listeners that cell code adds (on buttons, the window, a video) are remembered per cell so
 * Stop, a re-run and Restart can remove them. A listener belongs to the cell whose compiled code
 * is on the call stack when it is added; the page's own code (the editor) is never on it.
 */
import { cellInStack } from './locate.ts';

interface Listener {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  options?: boolean | EventListenerOptions;
}

const bySource = new Map<string, Listener[]>();
let installed = false;

export function trackListeners(): void {
  if (installed || typeof EventTarget === 'undefined') return;
  installed = true;
  const original = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    original.call(this, type, listener, options);
    if (!listener) return;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 50;
    const source = cellInStack(new Error().stack);
    Error.stackTraceLimit = limit;
    if (!source) return;
    const list = bySource.get(source) ?? [];
    list.push({ target: this, type, listener, options });
    bySource.set(source, list);
  };
}

/** Removes every listener added by code compiled under these source URLs. */
export function removeListeners(sources: Iterable<string>): number {
  let removed = 0;
  for (const source of sources) {
    for (const entry of bySource.get(source) ?? []) {
      entry.target.removeEventListener(entry.type, entry.listener, entry.options);
      removed++;
    }
    bySource.delete(source);
  }
  return removed;
}

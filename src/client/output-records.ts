/**
 * A cell's outputs as records that can be kept and shown again after a reload: plain data only.
 * Charts keep their SVG, sanitised (DOMPurify) when shown again, so nothing kept can carry a
 * script or an event handler into the page; a widget (live HTML) is kept as a note saying to
 * run its cell; training panels keep their final state without their Stop function.
 */
import DOMPurify from 'dompurify';
import type { Output } from '../notebook/outputs.ts';

export type OutputRecord = Exclude<Output, { kind: 'html' }>;

/** SVG and the HTML Plot wraps around it (a figure with a legend), with no script or handler. */
export function sanitiseChart(markup: string): string {
  return DOMPurify.sanitize(markup, { USE_PROFILES: { html: true, svg: true, svgFilters: true } });
}

/** Pictures a cell drew (data URLs) or that the site serves; nothing that reaches elsewhere. */
function safeImageSource(src: string): string | undefined {
  if (/^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=]+$/i.test(src)) return src;
  return /^\/(?!\/)/.test(src) ? src : undefined;
}

function outerHtmlOf(node: unknown): string | undefined {
  return typeof (node as Element | undefined)?.outerHTML === 'string' ? (node as Element).outerHTML : undefined;
}

export function toRecord(output: Output): OutputRecord | undefined {
  switch (output.kind) {
    case 'html':
      return { kind: 'text', stream: 'log', text: `${output.text} (interactive: run the cell to use it)` };
    case 'chart':
      // The live chart, as it looks now (a cell may have changed it after displaying it). Not
      // sanitised here: fromStored does that when it is shown, and a lesson's big image grids
      // would cost their sanitising on every save.
      return { kind: 'chart', text: output.text, node: undefined, svg: outerHtmlOf(output.node) ?? output.svg };
    case 'image': {
      const src = safeImageSource(output.src);
      return src ? { ...output, src } : { kind: 'text', stream: 'log', text: `${output.text} (an image; run the cell to see it)` };
    }
    case 'training': {
      const { stop: _stop, ...rest } = output;
      return { ...rest, state: output.state === 'running' || output.state === 'stopping' ? 'stopped' : output.state };
    }
    default:
      return output;
  }
}

/**
 * Records read back from storage, checked field by field: storage is written by this origin's
 * pages, and a record that does not have the shape of an output is dropped, not shown.
 */
export function fromStored(value: unknown): OutputRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return undefined;
  switch (record.kind) {
    case 'chart':
      return typeof record.svg === 'string'
        ? { kind: 'chart', text: record.text, node: undefined, svg: sanitiseChart(record.svg) }
        : undefined;
    case 'image': {
      const src = typeof record.src === 'string' ? safeImageSource(record.src) : undefined;
      return src ? ({ ...record, src } as OutputRecord) : undefined;
    }
    case 'text':
    case 'error':
    case 'table':
    case 'tensor':
    case 'progress':
    case 'check':
    case 'training':
      return record as OutputRecord;
    default:
      return undefined;
  }
}

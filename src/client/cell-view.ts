/**
 * The cells as the page shows them: their code (highlighted until an editor opens, or the
 * learner's version), the edited badge, their status and outputs, and what a screen reader hears
 * when a cell away from the focus fails, finishes training or ends an exercise check.
 */
import type { CellBlock } from '../notebook/lesson.ts';
import type { CellState } from '../notebook/kernel.ts';
import type { Output } from '../notebook/outputs.ts';
import { announce } from './announce.ts';
import type { CellEditor } from './editor.ts';

export interface CellView {
  readonly elements: readonly HTMLElement[];
  part<T extends HTMLElement>(index: number, selector: string): T;
  /** Shows a cell's source: in its editor if one is open, else as highlighted or plain code. */
  showSource(index: number, source: string, editor?: CellEditor): void;
  markEdited(index: number, edited: boolean): void;
  /** Shows a cell's state and outputs, and announces what changed away from the focus. */
  showState(cell: CellState, renderOutputs: (into: HTMLElement, outputs: Output[]) => void): void;
}

export function stateText(cell: CellState): string {
  switch (cell.status) {
    case 'done':
      return `done in ${cell.ms ?? 0} ms`;
    case 'error':
      return 'error';
    case 'stopped':
      return `stopped by you after ${((cell.ms ?? 0) / 1000).toFixed(1)} s`;
    case 'stale':
      return 'out of date: an input changed';
    case 'skipped':
      return 'not run by Run all';
    default:
      return cell.status === 'idle' ? '' : cell.status;
  }
}

export function cellView(cells: readonly CellBlock[]): CellView {
  const elements = cells.map((cell) => document.querySelector<HTMLElement>(`[data-cell="${cell.index}"]`)!);
  const staticCode = elements.map((el) => el.querySelector<HTMLElement>('.cell-code')!.innerHTML);
  const lastStatus: string[] = cells.map(() => 'idle');
  const part = <T extends HTMLElement>(index: number, selector: string) => elements[index]!.querySelector<T>(selector)!;

  const announceChange = (cell: CellState) => {
    const was = lastStatus[cell.index];
    lastStatus[cell.index] = cell.status;
    if (was === cell.status || (was !== 'running' && was !== 'stopping')) return;
    const n = cell.index + 1;
    if (cell.status === 'error') {
      const error = cell.outputs.find((o) => o.kind === 'error');
      announce(`Cell ${n} failed${error?.kind === 'error' ? `: ${error.message}` : ''}`, { urgent: true });
    } else if (cell.status === 'stopped') {
      announce(`Cell ${n} stopped.`);
    } else if (cell.status === 'done' && cell.outputs.some((o) => o.kind === 'training')) {
      announce(`Training finished in cell ${n}.`);
    } else if (cell.status === 'done' && cells[cell.index]!.options.for) {
      const failed = cell.outputs.filter((o) => o.kind === 'check' && !o.pass);
      if (failed.length) announce(`Not yet: ${failed.map((o) => (o.kind === 'check' ? o.message : '')).join('; ')}`);
    }
  };

  return {
    elements,
    part,
    showSource(index, source, editor) {
      if (editor) return editor.setSource(source);
      const code = part(index, '.cell-code');
      if (source === cells[index]!.source) code.innerHTML = staticCode[index]!;
      else {
        const pre = document.createElement('pre');
        pre.className = 'edited-code';
        pre.textContent = source;
        code.replaceChildren(pre);
      }
    },
    markEdited(index, edited) {
      elements[index]!.classList.toggle('is-edited', edited);
      part(index, '.edited-badge').hidden = !edited;
      part(index, '[data-action="reset"]').hidden = !edited || cells[index]!.options.exercise;
    },
    showState(cell, renderOutputs) {
      const element = elements[cell.index]!;
      element.dataset.status = cell.status;
      element.dataset.runs = String(cell.runs);
      part(cell.index, '.cell-state').textContent = stateText(cell);
      renderOutputs(part(cell.index, '[data-output]'), cell.outputs);
      announceChange(cell);
    },
  };
}

/**
 * The lesson toolbar: what the kernel is doing, the backend in use and the choice of another,
 * Stop (enabled only while something runs or waits), the tensor count, and its buttons' actions.
 */
import type { BackendChoice, BackendName } from './backend.ts';

export interface Toolbar {
  readonly element: HTMLElement;
  /** The kernel state line ("Ready", "Running cell 3, 2 queued", a message). */
  say(text: string): void;
  said(): string;
  showBusy(busy: { index: number; status: string } | undefined, queued: number): void;
  showTensors(count: number): void;
  showBackend(backend: BackendChoice): void;
  /** Calls `handler` with the `data-action` of a toolbar button clicked. */
  onAction(handler: (action: string) => void | Promise<void>): void;
  onBackendChosen(handler: (name: BackendName) => void | Promise<void>): void;
}

export function toolbar(element: HTMLElement): Toolbar {
  const state = element.querySelector<HTMLElement>('.kernel-state')!;
  const label = element.querySelector<HTMLElement>('.backend-label')!;
  const select = element.querySelector<HTMLSelectElement>('select[name="backend"]')!;
  const stop = element.querySelector<HTMLButtonElement>('[data-action="stop"]')!;
  const tensors = element.querySelector<HTMLElement>('.tensor-count')!;
  return {
    element,
    say: (text) => {
      state.textContent = text;
    },
    said: () => state.textContent ?? '',
    showBusy(busy, queued) {
      stop.disabled = !busy && queued === 0;
      state.textContent = busy
        ? `${busy.status === 'stopping' ? 'Stopping' : 'Running'} cell ${busy.index + 1}${queued ? `, ${queued} queued` : ''}`
        : 'Ready';
    },
    showTensors: (count) => {
      tensors.textContent = `${count} tensors`;
    },
    showBackend({ name, device, note }) {
      label.textContent = `${name} · ${device}`;
      label.title = note ?? '';
      select.value = name;
      document.body.dataset.backend = name;
    },
    onAction(handler) {
      element.addEventListener('click', (event) => {
        const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
        if (action) void handler(action);
      });
    },
    onBackendChosen(handler) {
      select.addEventListener('change', () => void handler(select.value as BackendName));
    },
  };
}

/**
 * The lesson toolbar: what the kernel is doing, a short badge for the backend in use (its details
 * on hover and focus), Stop (enabled only while something runs or waits), the tensor count, and
 * the actions of its buttons and of its "More" menu, where the choice of another backend is.
 */
import { BACKEND_TITLES, isSoftwareRenderer, type BackendChoice, type BackendName } from './backend.ts';
import { formatDuration } from './format-time.ts';

export interface Toolbar {
  readonly element: HTMLElement;
  /** The kernel state line ("Ready", "Running cell 3, 2 queued", a message). */
  say(text: string): void;
  said(): string;
  /** `leftMs`: the time budget left for the cells running and waiting, when known. */
  showBusy(busy: { index: number; status: string } | undefined, queued: number, leftMs?: number): void;
  showTensors(count: number): void;
  showBackend(backend: BackendChoice): void;
  /** Calls `handler` with the `data-action` of a toolbar button clicked. */
  onAction(handler: (action: string) => void | Promise<void>): void;
  onBackendChosen(handler: (name: BackendName) => void | Promise<void>): void;
}

/** "WebGL · software", "WebGPU · GPU", "CPU": what a learner needs at a glance. */
export function backendBadge({ name, device }: BackendChoice): string {
  if (name === 'cpu') return 'CPU';
  return `${BACKEND_TITLES[name]} · ${isSoftwareRenderer(device) ? 'software' : 'GPU'}`;
}

/** Opens the "More" menu under its button, right-aligned to it (a popover opens in the top layer). */
function placeMenu(menu: HTMLElement, button: HTMLElement): void {
  menu.addEventListener('beforetoggle', (event) => {
    if ((event as ToggleEvent).newState !== 'open') return;
    const box = button.getBoundingClientRect();
    menu.style.top = `${Math.round(box.bottom + 4)}px`;
    menu.style.right = `${Math.max(4, Math.round(document.documentElement.clientWidth - box.right))}px`;
  });
}

export function toolbar(element: HTMLElement): Toolbar {
  const state = element.querySelector<HTMLElement>('.kernel-state')!;
  const label = element.querySelector<HTMLElement>('.backend-label')!;
  const details = element.querySelector<HTMLElement>('.backend-details')!;
  const menu = document.querySelector<HTMLElement>('.toolbar-menu')!;
  const select = menu.querySelector<HTMLSelectElement>('select[name="backend"]')!;
  placeMenu(menu, element.querySelector<HTMLElement>('.menu-button')!);
  const stop = element.querySelector<HTMLButtonElement>('[data-action="stop"]')!;
  const tensors = element.querySelector<HTMLElement>('.tensor-count')!;
  return {
    element,
    say: (text) => {
      state.textContent = text;
    },
    said: () => state.textContent ?? '',
    showBusy(busy, queued, leftMs) {
      stop.disabled = !busy && queued === 0;
      const left = leftMs === undefined || busy?.status === 'stopping' ? '' : ` · about ${formatDuration(Math.max(1000, leftMs))} left`;
      state.textContent = busy
        ? `${busy.status === 'stopping' ? 'Stopping' : 'Running'} cell ${busy.index + 1}${queued ? `, ${queued} queued` : ''}${left}`
        : 'Ready';
    },
    showTensors: (count) => {
      tensors.textContent = `${count} tensors`;
    },
    showBackend(choice) {
      label.textContent = backendBadge(choice);
      const sentence = (text?: string) => (text ? ` ${text[0]!.toUpperCase()}${text.slice(1)}.` : '');
      const runs = choice.name === 'cpu' ? 'CPU: JavaScript, no GPU.' : `${BACKEND_TITLES[choice.name]} on ${choice.device}.`;
      details.textContent = `${runs}${sentence(choice.why)}${sentence(choice.note)}`;
      select.value = choice.name;
      document.body.dataset.backend = choice.name;
    },
    onAction(handler) {
      for (const where of [element, menu]) {
        where.addEventListener('click', (event) => {
          const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
          if (!action) return;
          if (where === menu) menu.hidePopover();
          void handler(action);
        });
      }
    },
    onBackendChosen(handler) {
      select.addEventListener('change', () => void handler(select.value as BackendName));
    },
  };
}

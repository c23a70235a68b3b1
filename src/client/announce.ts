/**
 * One live region per page for things a screen-reader user would otherwise miss because they
 * happen away from the focus: a Run all finishing, a cell failing, an exercise solved.
 * Messages said within a short moment are read together ("Training finished in cell 12. Run all
 * finished: 14 cells done."), so a later one never cuts off an earlier one; the region is emptied
 * first, so the same message said twice is announced twice.
 */
let region: HTMLElement | undefined;
let queued: string[] = [];
let timer = 0;
let urgentNow = false;

export function announce(text: string, { urgent = false } = {}): void {
  region ??= document.querySelector<HTMLElement>('.announcer') ?? undefined;
  if (!region) return;
  queued.push(text);
  urgentNow ||= urgent;
  if (timer) return;
  region.textContent = '';
  timer = window.setTimeout(() => {
    region!.setAttribute('aria-live', urgentNow ? 'assertive' : 'polite');
    region!.textContent = queued.map((message) => (/[.!?]$/.test(message) ? message : `${message}.`)).join(' ');
    queued = [];
    urgentNow = false;
    timer = 0;
  }, 100);
}

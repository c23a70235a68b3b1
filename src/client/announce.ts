/**
 * One polite live region per page for things a screen-reader user would otherwise miss because
 * they happen away from the focus: a Run all finishing, a cell failing, an exercise solved.
 * The text is replaced, after a tick, so the same message said twice is announced twice.
 */
let region: HTMLElement | undefined;

export function announce(text: string, { urgent = false } = {}): void {
  region ??= document.querySelector<HTMLElement>('.announcer') ?? undefined;
  if (!region) return;
  region.setAttribute('aria-live', urgent ? 'assertive' : 'polite');
  region.textContent = '';
  setTimeout(() => { region!.textContent = text; }, 50);
}

/**
 * Keyboard use beyond Tab: "?" opens the shortcut sheet; Alt+↓ / Alt+↑ move between cells (from a
 * cell's code or buttons; inside an editor, Escape first leaves it, since Monaco uses Alt+arrows to
 * move lines).
 */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor') !== null;

/** The element to focus for a cell: its editor when open (the caller knows), else its code, else its Run button. */
export function wireShortcuts(cellElements: HTMLElement[], focusCell: (index: number) => void): void {
  const sheet = document.querySelector<HTMLDialogElement>('.shortcuts-panel')!;
  document.querySelector('[data-action="shortcuts"]')?.addEventListener('click', () => sheet.showModal());
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return; // a widget handled it
    if (event.key === '?' && !typing(event.target) && !sheet.open) {
      event.preventDefault();
      sheet.showModal();
      return;
    }
    if (!event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || typing(event.target)) return;
    const from = (event.target as HTMLElement).closest<HTMLElement>('.cell');
    if (!from) return;
    const index = cellElements.indexOf(from) + (event.key === 'ArrowDown' ? 1 : -1);
    if (index < 0 || index >= cellElements.length) return;
    event.preventDefault();
    focusCell(index);
  });
}

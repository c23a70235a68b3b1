/**
 * Presenter mode (`?view=present`, or the toolbar's "Present"): the lesson one section at a time
 * (a section starts at each `##` heading), in larger type, for a teacher's projector. Nothing is
 * re-rendered: other sections are only hidden, so outputs, charts and editors stay as they are.
 * Keys: → / PageDown next, ← / PageUp previous, Home / End, Escape leaves.
 */
import { announce } from './announce.ts';

export interface Presenter {
  readonly active: boolean;
  toggle(on?: boolean): void;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor') !== null;

export function presenter(article: HTMLElement, onChange: (active: boolean) => void): Presenter {
  const bar = document.querySelector<HTMLElement>('.presenter-bar')!;
  const where = bar.querySelector<HTMLElement>('.presenter-where')!;
  const previous = bar.querySelector<HTMLButtonElement>('[data-action="previous-section"]')!;
  const next = bar.querySelector<HTMLButtonElement>('[data-action="next-section"]')!;
  const headings: HTMLElement[] = [article.querySelector('h1')!];
  let count = 0;
  for (const child of article.children) {
    if (child.tagName === 'H2') {
      headings.push(child as HTMLElement);
      count++;
    }
    (child as HTMLElement).dataset.slide = String(count);
  }
  let current = 0;
  let active = false;

  const show = (slide: number, { focus = true } = {}) => {
    current = Math.max(0, Math.min(headings.length - 1, slide));
    for (const child of article.children) {
      (child as HTMLElement).toggleAttribute('data-current', (child as HTMLElement).dataset.slide === String(current));
    }
    const title = headings[current]!.textContent ?? '';
    where.textContent = `${current + 1} / ${headings.length} · ${title}`;
    previous.disabled = current === 0;
    next.disabled = current === headings.length - 1;
    const url = new URL(location.href);
    url.searchParams.set('slide', String(current + 1));
    history.replaceState(history.state, '', url);
    scrollTo({ top: 0 });
    if (focus) {
      headings[current]!.tabIndex = -1;
      headings[current]!.focus({ preventScroll: true });
      announce(`Section ${current + 1} of ${headings.length}: ${title}`);
    }
  };

  const toggle = (on = !active) => {
    active = on;
    if (on) document.body.dataset.view = 'present';
    else if (document.body.dataset.view === 'present') delete document.body.dataset.view;
    bar.hidden = !on;
    const url = new URL(location.href);
    if (on) url.searchParams.set('view', 'present');
    else {
      url.searchParams.delete('view');
      url.searchParams.delete('slide');
      for (const child of article.children) child.removeAttribute('data-current');
    }
    history.replaceState(history.state, '', url);
    if (on) show(Number(new URLSearchParams(location.search).get('slide') ?? 1) - 1, { focus: false });
    else headings[current]!.scrollIntoView({ block: 'start' });
    onChange(on);
  };

  // A contents link (or any #link into the lesson) goes to the section that holds its target.
  article.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[href^="#"]');
    const target = active && link ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
    const child = target?.closest<HTMLElement>('article > *');
    if (!child?.dataset.slide) return;
    event.preventDefault();
    show(Number(child.dataset.slide));
  });
  previous.addEventListener('click', () => show(current - 1));
  next.addEventListener('click', () => show(current + 1));
  bar.querySelector('[data-action="exit-presenter"]')!.addEventListener('click', () => toggle(false));
  document.addEventListener('keydown', (event) => {
    // A widget that handled the key (the labeller's arrows) keeps it.
    if (!active || event.defaultPrevented || typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    const to = {
      ArrowRight: current + 1,
      PageDown: current + 1,
      ArrowLeft: current - 1,
      PageUp: current - 1,
      Home: 0,
      End: headings.length - 1,
    }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      show(to);
    } else if (event.key === 'Escape' && !document.querySelector('dialog[open]')) {
      toggle(false);
    }
  });

  return {
    get active() {
      return active;
    },
    toggle,
  };
}

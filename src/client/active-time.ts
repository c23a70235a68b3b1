/**
 * The learner's time on each section (`##`) of a lesson, for "minutes per stage": a section gains
 * time in 5-second ticks while the tab is visible and the learner did something there in the last
 * minute (typed, clicked, scrolled it into view), or one of its cells is running. Its cells' run
 * time is added as they finish. Kept per lesson in localStorage (`lab:stage-times:SLUG`), so it
 * adds up across visits; the lab's `stageTimes()` reads it through the environment.
 */
import type { StageTime } from '../lab/environment.ts';
import { headingBefore, sectionHeadings } from './sections.ts';

const TICK_MS = 5000;
const IDLE_MS = 60_000;

let current: (() => StageTime[]) | undefined;

/** This page's times, section by section in page order (empty before a lesson page starts tracking). */
export function currentStageTimes(): StageTime[] {
  return current?.() ?? [];
}

export function trackActiveTime(options: { slug: string; article: HTMLElement; running(): HTMLElement | undefined }) {
  const key = `lab:stage-times:${options.slug}`;
  const headings = sectionHeadings();
  // No prototype: a section whose id is "constructor" is a section like any other.
  const saved: Record<string, { activeMs: number; runMs: number }> = Object.create(null);
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '{}') as unknown;
    if (parsed && typeof parsed === 'object') Object.assign(saved, parsed);
  } catch {
    /* unreadable: start again */
  }
  const sectionOf = (element: Element | null | undefined): string | undefined => {
    if (!element || !options.article.contains(element) || !headings.length) return undefined;
    return (headingBefore(headings, element) ?? headings[0])!.id; // time before the first section counts for the first
  };
  /** The section being read: the last heading above a third of the way down the window. */
  const readingSection = () => {
    const line = innerHeight / 3;
    return (headings.filter((h) => h.getBoundingClientRect().top < line).at(-1) ?? headings[0])?.id;
  };
  const add = (id: string | undefined, field: 'activeMs' | 'runMs', ms: number) => {
    if (!id || !(ms > 0)) return;
    const entry = (saved[id] ??= { activeMs: 0, runMs: 0 });
    entry[field] = (Number(entry[field]) || 0) + ms;
    try {
      localStorage.setItem(key, JSON.stringify(saved));
    } catch {
      /* storage full or blocked: the times last as long as the page */
    }
  };

  let lastActive = -Infinity;
  let lastSection: string | undefined;
  const touched = (event: Event) => {
    lastActive = Date.now();
    lastSection = sectionOf(event.target as Element) ?? readingSection();
  };
  for (const type of ['pointerdown', 'keydown', 'input']) addEventListener(type, touched, { capture: true, passive: true });
  addEventListener(
    'scroll',
    () => {
      lastActive = Date.now();
      lastSection = readingSection();
    },
    { passive: true },
  );
  setInterval(() => {
    if (document.visibilityState !== 'visible') return;
    const running = sectionOf(options.running());
    if (running) add(running, 'activeMs', TICK_MS);
    else if (Date.now() - lastActive < IDLE_MS) add(lastSection ?? readingSection(), 'activeMs', TICK_MS);
  }, TICK_MS);

  current = () =>
    headings.map((h) => ({
      id: h.id,
      title: h.textContent?.trim() ?? h.id,
      activeMs: Number(saved[h.id]?.activeMs) || 0,
      runMs: Number(saved[h.id]?.runMs) || 0,
    }));
  return {
    /** A cell finished a run of `ms` milliseconds. */
    cellRan(element: HTMLElement, ms: number | undefined) {
      add(sectionOf(element), 'runMs', ms ?? 0);
    },
  };
}

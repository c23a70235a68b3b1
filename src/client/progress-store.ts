/**
 * Progress in localStorage (one entry for the whole lab), with a change event so the lesson page's
 * progress line and the index stay in step, also across tabs.
 */
import { emptyProgress, readProgress, type LessonProgress, type Progress } from './progress-model.ts';

const KEY = 'lab:progress';
const listeners = new Set<(progress: Progress) => void>();

export function loadProgress(): Progress {
  try {
    return readProgress(localStorage.getItem(KEY));
  } catch {
    return emptyProgress(); // storage blocked: progress simply is not kept
  }
}

function save(progress: Progress): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    /* full or blocked: the page still works, progress is not kept */
  }
  for (const listener of listeners) listener(progress);
}

export function updateLesson(slug: string, change: (lesson: LessonProgress) => void): Progress {
  const progress = loadProgress();
  const lesson = (progress.lessons[slug] ??= {});
  change(lesson);
  save(progress);
  return progress;
}

export function setLearner(name: string): void {
  const progress = loadProgress();
  progress.learner = name.trim() || undefined;
  save(progress);
}

export function resetProgress(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing kept anyway */
  }
  for (const listener of listeners) listener(emptyProgress());
}

export function onProgress(listener: (progress: Progress) => void): void {
  listeners.add(listener);
  addEventListener('storage', (event) => {
    if (event.key === KEY || event.key === null) listener(loadProgress());
  });
}

/** Forgets one lesson's progress (a learner's own lesson they removed). */
export function forgetLesson(slug: string): void {
  const progress = loadProgress();
  if (!(slug in progress.lessons)) return;
  delete progress.lessons[slug];
  save(progress);
}

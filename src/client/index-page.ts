/**
 * The index's progress: a bar and a line per lesson, the learner's name for the hand-in file,
 * "Download my progress" and "Reset my progress". Lesson totals come from the build.
 */
import { continuePoint, describeSummary, fractionDone, handIn, summarise, type LessonTotals } from './progress-model.ts';
import { loadProgress, onProgress, resetProgress, setLearner } from './progress-store.ts';
import { download } from '../lab/widgets/download.ts';
import { lessonNumber } from '../notebook/lesson.ts';
import { formatDuration } from './format-time.ts';
import { expectedRates } from './time-budget.ts';
import { timeOn } from './backend-rates.ts';
import { askedBackend } from './backend.ts';
import './room-panel.ts';

const totals = JSON.parse(document.getElementById('lesson-totals')!.textContent!) as LessonTotals[];
const panel = document.querySelector<HTMLElement>('.progress-panel')!;
const nameInput = panel.querySelector<HTMLInputElement>('input[name="learner"]')!;
const message = panel.querySelector<HTMLElement>('.progress-message')!;

const continueBox = document.querySelector<HTMLElement>('.continue')!;
const base = document.body.dataset.base ?? '/';

/** "Continue: lesson 07, When the data lies · A rare class", or "Next: lesson 08, …" once 07 is complete. */
function showContinue(at: ReturnType<typeof continuePoint>): void {
  continueBox.hidden = !at;
  if (!at) return;
  const link = continueBox.querySelector<HTMLAnchorElement>('a')!;
  link.href = `${base}lessons/${at.lesson.slug}/${at.section ? `#${at.section.id}` : ''}`;
  const where = `lesson ${lessonNumber(at.number)}, ${at.lesson.title}${at.section ? ` · ${at.section.title}` : ''}`;
  link.textContent = `${at.kind === 'next' ? 'Next' : 'Continue'}: ${where} →`;
}

function show(): void {
  const progress = loadProgress();
  showContinue(continuePoint(progress, totals));
  let started = 0;
  let complete = 0;
  for (const lesson of totals) {
    const item = document.querySelector<HTMLElement>(`[data-lesson-progress="${lesson.slug}"]`);
    if (!item) continue;
    const summary = summarise(progress.lessons[lesson.slug], lesson);
    started += Number(summary.started);
    complete += Number(summary.complete);
    item.hidden = !summary.started;
    item.querySelector('progress')!.value = fractionDone(summary);
    item.querySelector<HTMLElement>('.lesson-progress-text')!.textContent = summary.complete
      ? `Complete · ${describeSummary(summary)}`
      : describeSummary(summary);
  }
  panel.querySelector<HTMLElement>('.progress-overall')!.textContent = started
    ? `You have started ${started} of ${totals.length} lessons and completed ${complete}.`
    : 'Your progress appears here as you run cells, solve exercises and answer questions. It stays in this browser.';
  if (document.activeElement !== nameInput) nameInput.value = progress.learner ?? '';
}

nameInput.addEventListener('change', () => setLearner(nameInput.value));
panel.querySelector('[data-action="download-progress"]')!.addEventListener('click', () => {
  const progress = loadProgress();
  const who = (progress.learner ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  const name = `lab-progress${who ? `-${who}` : ''}-${new Date().toISOString().slice(0, 10)}.json`;
  download(name, handIn(progress, totals), 'application/json');
  message.textContent = `Saved ${name}.`;
});
panel.querySelector('[data-action="reset-progress"]')!.addEventListener('click', () => {
  if (!confirm('Forget your progress in every lesson (cells run, exercises, answers)? Your code edits are kept.')) return;
  resetProgress();
  message.textContent = 'Your progress was reset.';
});
onProgress(show);
show();

// Each lesson's Run-all time on this device, once a lesson here has measured its training speed.
const asked = askedBackend();
for (const estimate of document.querySelectorAll<HTMLElement>('[data-run-timing]')) {
  const work = JSON.parse(estimate.dataset.runTiming!) as Parameters<typeof timeOn>[0];
  const rates = expectedRates(work, asked);
  if (rates) estimate.textContent = `· Run all: about ${formatDuration(timeOn(work, rates))} on this device`;
}
import './my-lessons-panel.ts';

/**
 * "My lessons" on the index: the learner's own lessons (my-lessons.ts), each with its progress,
 * a link to open it, a download of its Markdown, and Remove (with its edits, outputs and progress).
 */
import { parseLesson } from '../notebook/parse.ts';
import { download } from '../lab/widgets/download.ts';
import { forgetMyLesson } from './my-lesson-forget.ts';
import { MY_LESSONS_KEY, listMyLessons, mySlug, readMyLesson, type MyLessonEntry } from './my-lessons.ts';
import { describeSummary, fractionDone, lessonTotals, summarise } from './progress-model.ts';
import { loadProgress, onProgress } from './progress-store.ts';

const base = document.body.dataset.base ?? '/';
const list = document.querySelector<HTMLElement>('.my-lessons-list')!;
const message = document.querySelector<HTMLElement>('.my-lessons-message')!;

function progressLine(entry: MyLessonEntry, text: string): HTMLElement | undefined {
  let totals: ReturnType<typeof lessonTotals>;
  try {
    totals = lessonTotals({ ...parseLesson(text, entry.file, { staleControls: 'drop' }), slug: mySlug(entry.id) });
  } catch {
    const broken = document.createElement('p');
    broken.textContent = 'Its source has a problem: open it to see where.';
    return broken;
  }
  const summary = summarise(loadProgress().lessons[mySlug(entry.id)], totals);
  if (!summary.started) return undefined;
  const line = document.createElement('p');
  line.className = 'lesson-progress';
  const bar = document.createElement('progress');
  bar.max = 1;
  bar.value = fractionDone(summary);
  bar.setAttribute('aria-label', `Your progress in ${entry.title}`);
  const words = document.createElement('span');
  words.className = 'lesson-progress-text';
  words.textContent = summary.complete ? `Complete · ${describeSummary(summary)}` : describeSummary(summary);
  line.append(bar, ' ', words);
  return line;
}

function item(entry: MyLessonEntry): HTMLElement | undefined {
  const stored = readMyLesson(entry.id);
  if (!stored) return undefined;
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = `${base}mine/?id=${entry.id}`;
  link.textContent = entry.title;
  const from = document.createElement('p');
  from.className = 'my-lesson-from';
  const changed = new Date(entry.updated).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
  from.textContent = `From ${entry.from} · last changed ${changed}`;
  const actions = document.createElement('p');
  actions.className = 'my-lesson-actions';
  const save = document.createElement('button');
  save.type = 'button';
  save.textContent = 'Download';
  save.setAttribute('aria-label', `Download ${entry.title}`);
  save.addEventListener('click', () => download(entry.file, stored.text, 'text/markdown'));
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove ${entry.title}`);
  remove.addEventListener('click', async () => {
    if (
      !confirm(`Remove “${entry.title}” from your lessons, with your edits, outputs and progress in it? Download it first to keep a copy.`)
    )
      return;
    try {
      await forgetMyLesson(entry.id);
      message.textContent = `Removed “${entry.title}”.`;
    } catch (error) {
      message.textContent = (error as Error).message;
    }
    show();
  });
  actions.append(save, remove);
  const progress = progressLine(entry, stored.text);
  li.append(link, from, ...(progress ? [progress] : []), actions);
  return li;
}

function show(): void {
  const items = listMyLessons().flatMap((entry) => item(entry) ?? []);
  if (items.length) list.replaceChildren(...items);
  else {
    const none = document.createElement('li');
    none.textContent = 'None yet.';
    list.replaceChildren(none);
  }
}

onProgress(show);
addEventListener('storage', (event) => {
  if (event.key === MY_LESSONS_KEY || event.key === null) show();
});
show();

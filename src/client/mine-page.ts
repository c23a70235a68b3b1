/**
 * /mine/?id=ID: one of the learner's own lessons (my-lessons.ts), shown and run like the lab's
 * own, from the Markdown kept in this browser: rendered here (lesson-markup.ts, HTML off), then
 * wired by the same page script (lesson-page.ts). It never runs by itself, app view included.
 * With `&source`, or from "Edit lesson source", its Markdown opens in the source panel.
 */
import { checkLessonSource } from './lesson-source-check.ts';
import { renderOwnLesson } from './lesson-markup.ts';
import { startLessonPage } from './lesson-page.ts';
import { mySlug, readDraft, readMyLesson } from './my-lessons.ts';
import { sourcePanel } from './source-panel.ts';

const base = document.body.dataset.base ?? '/';
const params = new URLSearchParams(location.search);
const id = params.get('id') ?? '';
const stored = readMyLesson(id);
const notice = document.querySelector<HTMLElement>('.mine-notice')!;
const indexLink = () => {
  const link = document.createElement('a');
  link.href = `${base}#my-lessons`;
  link.textContent = 'your lessons on the index';
  return link;
};

if (!stored) {
  document.body.dataset.view = 'missing';
  notice.replaceChildren(
    'This lesson is not among your lessons in this browser: it was removed, or it was kept in another browser or profile. See ',
    indexLink(),
    '.',
  );
} else {
  const { entry, text } = stored;
  const check = checkLessonSource(text, entry.file);
  const showSaved = () => location.replace(`${base}mine/?id=${encodeURIComponent(id)}`);
  const panel = sourcePanel({
    panel: document.querySelector<HTMLElement>('.source-panel')!,
    id,
    file: entry.file,
    saved: text,
    lessonShown: check.ok,
    showSaved,
  });
  const added = new Date(entry.added).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
  notice.replaceChildren(
    `Your lesson, from ${entry.from}, kept in this browser since ${added}. Its code runs only when you press Run, with access to your saved work here, as the lab's own lessons do. All of `,
    indexLink(),
    '.',
  );
  if (check.ok) {
    const lesson = { ...check.lesson, slug: mySlug(id), file: entry.file };
    document.title = `${lesson.meta.title} · My lessons · Deep Learning Lab`;
    renderOwnLesson(lesson, {
      title: document.querySelector('h1')!,
      summary: document.querySelector('.summary')!,
      after: document.querySelector('.lesson-progress')!,
      lessonsUrl: new URL(`${base}lessons/`, location.origin).href,
    });
    const page = startLessonPage(lesson, { appRunsItself: false, editSource: (parts) => panel.open(parts.loadEditorKit) });
    if (params.has('source')) void panel.open(page.loadEditorKit);
    else if (readDraft(id)) {
      const resume = document.createElement('button');
      resume.type = 'button';
      resume.textContent = 'Go on editing the source';
      resume.addEventListener('click', () => void panel.open(page.loadEditorKit));
      notice.append(' You have changes to its source that are not saved yet. ', resume);
    }
  } else {
    // Saved before the lab's parser changed, say: the source is all there is to show.
    document.title = `${entry.title} · My lessons · Deep Learning Lab`;
    document.querySelector('h1')!.textContent = entry.title;
    const typesUrl = `${base}editor-types.json`;
    void panel.open(async () => (await import('./editor.ts')).EditorKit.load([], [], typesUrl));
  }
}

/**
 * The source of a learner's own lesson, edited whole: front matter, prose and cells as Markdown in
 * Monaco. Every pause in typing keeps a draft in this browser (a reload or a closed tab loses
 * nothing) and checks the lesson with the lab's parser: a problem is marked at its line and named
 * above the editor. Only a source that parses is saved; saving shows the lesson anew, and edits the
 * learner made to its cells meet the new version as they do when an author changes a lesson.
 */
import type { EditorKit, SourceEditor } from './editor.ts';
import { checkLessonSource, type SourceCheck } from './lesson-source-check.ts';
import { clearDraft, readDraft, saveDraft, saveMyLesson } from './my-lessons.ts';

export interface SourcePanel {
  open(loadKit: () => Promise<EditorKit>): Promise<void>;
}

export function sourcePanel(options: {
  panel: HTMLElement;
  id: string;
  file: string;
  saved: string;
  /** False when the saved source does not parse: there is no lesson to go back to. */
  lessonShown: boolean;
  /** After a save: the page shows the saved lesson. */
  showSaved(): void;
}): SourcePanel {
  const { panel, id, file, saved } = options;
  const status = panel.querySelector<HTMLElement>('.source-status')!;
  const problemBox = panel.querySelector<HTMLElement>('.source-problem')!;
  const problemText = problemBox.querySelector<HTMLElement>('.source-problem-text')!;
  const gotoButton = problemBox.querySelector<HTMLButtonElement>('[data-action="goto-problem"]')!;
  const backButton = panel.querySelector<HTMLButtonElement>('[data-action="close-source"]')!;
  backButton.hidden = !options.lessonShown;
  let editor: SourceEditor | undefined;
  let opening: Promise<SourceEditor> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let problemLine = 1;

  const show = (check: SourceCheck): SourceCheck => {
    editor?.mark(check.ok ? undefined : check);
    problemBox.hidden = check.ok;
    if (!check.ok) {
      problemLine = check.line;
      problemText.textContent = `Line ${check.line}: ${check.message}`;
      gotoButton.textContent = `Go to line ${check.line}`;
    }
    return check;
  };

  const onChange = (text: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (text === saved) clearDraft(id);
      const kept = text === saved || saveDraft(id, text);
      show(checkLessonSource(text, file));
      status.textContent =
        text === saved
          ? 'No changes.'
          : kept
            ? 'Changes not saved yet (a draft is kept in this browser).'
            : 'This browser refused to keep a draft: save soon.';
    }, 300);
  };

  const close = () => {
    delete document.body.dataset.view;
    panel.hidden = true;
    document.querySelector<HTMLElement>('[data-action="edit-source"]')?.focus();
  };

  panel.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (!editor || !action) return;
    const text = editor.value();
    if (action === 'save-source' || action === 'discard-source') clearTimeout(timer); // no draft after either
    if (action === 'goto-problem') editor.reveal(problemLine);
    else if (action === 'close-source') close();
    else if (action === 'save-source') {
      const check = show(checkLessonSource(text, file));
      if (!check.ok) {
        status.textContent = `Not saved: the lesson has a problem at line ${check.line}.`;
        editor.reveal(check.line);
        return;
      }
      try {
        saveMyLesson(id, text, check.lesson.meta.title);
        options.showSaved();
      } catch (error) {
        status.textContent = (error as Error).message;
      }
    } else if (action === 'discard-source') {
      if (text !== saved && !confirm('Throw away your changes to the source and go back to the saved lesson?')) return;
      clearDraft(id);
      options.showSaved();
    }
  });

  return {
    async open(loadKit) {
      document.body.dataset.view = 'source';
      panel.hidden = false;
      panel.scrollIntoView({ block: 'start' });
      // One editor, even when the panel is opened again while Monaco still loads.
      opening ??= (async () => {
        status.textContent = 'Loading the editor…';
        const draft = readDraft(id);
        const kit = await loadKit();
        const made = kit.openSource(panel.querySelector<HTMLElement>('.source-editor')!, draft?.text ?? saved, onChange);
        editor = made;
        const check = show(checkLessonSource(made.value(), file));
        status.textContent = draft
          ? `Your unsaved changes from ${new Date(draft.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} are back.`
          : check.ok
            ? 'Change anything; Save checks the lesson and shows it.'
            : '';
        return made;
      })();
      (await opening).focus();
    },
  };
}

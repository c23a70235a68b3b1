/**
 * Taking a lesson elsewhere, with the learner's edits: as a Markdown file, as a forked project
 * (a zip), or as a link that opens it in the sandbox.
 */
import type { Lesson } from '../notebook/lesson.ts';
import { download } from '../lab/widgets/download.ts';
import type { Toolbar } from './toolbar.ts';

/** The lesson as Markdown with the learner's code in place of the author's. */
export async function lessonWithEdits(lesson: Lesson, sources: readonly string[]): Promise<string> {
  const { lessonToMarkdown } = await import('../notebook/serialize.ts');
  return lessonToMarkdown(lesson, sources);
}

export async function downloadLesson(lesson: Lesson, sources: readonly string[]): Promise<void> {
  download(lesson.file.split('/').pop() ?? `${lesson.slug}.md`, await lessonWithEdits(lesson, sources), 'text/markdown');
}

export async function downloadProject(lesson: Lesson, sources: readonly string[], base: string, bar: Toolbar): Promise<void> {
  const before = bar.said();
  bar.say('Making the project…');
  try {
    const { forkZip } = await import('./fork-zip.ts');
    const { name, blob } = await forkZip(lesson, sources, base);
    download(name, blob);
    bar.say(`Downloaded ${name}: unzip, then npm install && npm test`);
  } catch (error) {
    bar.say(`Could not make the project: ${(error as Error).message}`);
  }
  setTimeout(() => {
    if (bar.said().startsWith('Downloaded')) bar.say(before);
  }, 8000);
}

export async function shareLesson(lesson: Lesson, sources: readonly string[], base: string): Promise<void> {
  const dialog = document.querySelector<HTMLDialogElement>('.share-panel')!;
  const input = dialog.querySelector<HTMLInputElement>('input[name="share-link"]')!;
  const message = dialog.querySelector<HTMLElement>('.share-message')!;
  const { encodeLesson } = await import('./share-codec.ts');
  input.value = `${location.origin}${base}open/#lesson=${await encodeLesson(await lessonWithEdits(lesson, sources))}`;
  message.textContent = `${input.value.length.toLocaleString()} characters.`;
  dialog.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!.onclick = async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      message.textContent = 'Copied.';
    } catch {
      input.select();
      message.textContent = 'Select the link and copy it (the browser did not allow copying).';
    }
  };
  dialog.showModal();
  input.select();
}

/**
 * The page for lessons from elsewhere. It parses and shows the lesson (prose with any HTML shown as
 * text, code as text) and runs nothing. "Run in a sandbox" puts the lesson in a frame with
 * sandbox="allow-scripts" (an opaque origin: no access to this site's storage), and answers the
 * frame's requests for the lab's datasets and shipped models, and nothing else.
 */
import MarkdownIt from 'markdown-it';
import { labFences } from '../site/lab-fences.ts';
import { parseLesson } from '../notebook/parse.ts';
import type { Lesson } from '../notebook/lesson.ts';
import { SANDBOX_FILE, type FromSandbox, type ToSandbox } from '../sandbox/protocol.ts';
import { decodeLesson } from './share-codec.ts';
import { download } from '../lab/widgets/download.ts';
import { MAX_DOWNLOAD_BYTES, safeDownloadName } from '../sandbox/downloads.ts';
import { addMyLesson, findMyLesson } from './my-lessons.ts';

const base = document.body.dataset.base ?? '/';
const notice = document.querySelector<HTMLElement>('.open-notice')!;
const actions = document.querySelector<HTMLElement>('.open-actions')!;
const preview = document.querySelector<HTMLElement>('.open-preview')!;
const frameHost = document.querySelector<HTMLElement>('.open-frame')!;
// html: false shows any HTML in the file as text; no images, so merely opening a link fetches nothing.
const markdown = new MarkdownIt({ html: false, linkify: true }).disable('image');
labFences(markdown, { interactive: false });
let current: { text: string; file: string; from: string; lesson: Lesson } | undefined;

function say(text: string, error = false): void {
  notice.hidden = false;
  notice.textContent = text;
  notice.classList.toggle('is-error', error);
  notice.setAttribute('role', error ? 'alert' : 'status');
}

function showLesson(text: string, file: string, from: string): void {
  frameHost.replaceChildren();
  let lesson: Lesson;
  try {
    lesson = parseLesson(text, file, { staleControls: 'drop' });
  } catch (error) {
    current = undefined;
    actions.hidden = true;
    preview.replaceChildren();
    say(`This is not a lesson the lab can open: ${(error as Error).message}`, true);
    return;
  }
  current = { text, file, from, lesson };
  preview.hidden = false;
  document.querySelector<HTMLButtonElement>('[data-action="run-sandbox"]')!.hidden = false;
  say(
    `“${lesson.meta.title}” came from ${from}. None of its code has run. Read it first; if you run it, it runs in a sandbox that cannot see or change your saved edits, progress or models.`,
  );
  actions.hidden = false;
  const title = document.createElement('h2');
  title.textContent = lesson.meta.title;
  const parts: Node[] = [title];
  const env = {}; // one per file: hints are numbered across its prose blocks
  for (const block of lesson.blocks) {
    if (block.kind === 'prose') {
      const prose = document.createElement('div');
      prose.innerHTML = markdown.render(block.markdown, env); // html: false, so HTML in the file is shown as text
      parts.push(prose);
    } else {
      const pre = document.createElement('pre');
      pre.className = 'cell-code open-code';
      pre.dataset.cell = String(block.index);
      pre.textContent = block.source;
      parts.push(pre);
    }
  }
  preview.replaceChildren(...parts);
}

/** The URL of a lab dataset or model file the sandbox asked for, or undefined for anything else. */
function labFileUrl(path: unknown): string | undefined {
  if (typeof path !== 'string' || !SANDBOX_FILE.test(path)) return undefined;
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  const url = new URL(`${base}${path}`, location.origin);
  const allowed = [`${base}datasets/`, `${base}models/`].some((prefix) => url.pathname.startsWith(prefix));
  return allowed && url.origin === location.origin ? url.href : undefined;
}

/** Offers a file the sandboxed lesson wanted to save: a button to save it, or why it was refused. */
function offerDownload(message: Extract<FromSandbox, { type: 'download' }>): void {
  const list =
    document.querySelector<HTMLElement>('.open-downloads') ??
    (() => {
      const made = document.createElement('ul');
      made.className = 'open-downloads';
      made.setAttribute('aria-label', 'Files the sandboxed lesson wants to save');
      frameHost.before(made);
      return made;
    })();
  if (list.children.length >= 20) return; // a lesson asking for more is not going to be served
  const item = document.createElement('li');
  const safe = typeof message.name === 'string' ? safeDownloadName(message.name) : { refused: 'it has no name' };
  const size = message.bytes instanceof ArrayBuffer ? message.bytes.byteLength : -1;
  if ('refused' in safe || size < 0 || size > MAX_DOWNLOAD_BYTES) {
    item.textContent = `The lesson tried to save a file; it was not saved: ${'refused' in safe ? safe.refused : 'it is not a file this page can offer'}.`;
  } else {
    item.append(`The lesson wants to save “${safe.name}” (${(size / 1024).toFixed(1)} KB). `);
    const save = document.createElement('button');
    save.type = 'button';
    save.textContent = `Save ${safe.name}`;
    save.addEventListener('click', () => download(safe.name, message.bytes, 'application/octet-stream'));
    item.append(save);
  }
  list.append(item);
}

async function answer(frame: HTMLIFrameElement, message: FromSandbox): Promise<void> {
  const post = (reply: ToSandbox, transfer: Transferable[] = []) => frame.contentWindow?.postMessage(reply, '*', transfer);
  if (message.type === 'download') offerDownload(message);
  else if (message.type === 'ready' && current) post({ type: 'lesson', text: current.text, file: current.file });
  else if (message.type === 'height') frame.style.height = `${Math.min(message.height + 20, 40_000)}px`;
  else if (message.type === 'file') {
    if (typeof message.id !== 'number') return;
    const url = labFileUrl(message.path);
    if (!url) {
      post({
        type: 'file',
        id: message.id,
        ok: false,
        error: `the sandbox may read the lab's datasets and models only, not ${JSON.stringify(message.path)}`,
      });
      return;
    }
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${message.path}`);
      const bytes = await response.arrayBuffer();
      post({ type: 'file', id: message.id, ok: true, bytes }, [bytes]);
    } catch (error) {
      post({ type: 'file', id: message.id, ok: false, error: (error as Error).message });
    }
  }
}

let frame: HTMLIFrameElement | undefined;
addEventListener('message', (event: MessageEvent<FromSandbox>) => {
  // Only the frame this page made is answered; its messages carry origin "null", so check the window.
  if (frame && event.source === frame.contentWindow) void answer(frame, event.data);
});

function runInSandbox(): void {
  if (!current) return;
  frame = document.createElement('iframe');
  // allow-scripts without allow-same-origin: the frame's origin is opaque, so localStorage,
  // IndexedDB and cookies of this site are out of its reach. No allow-downloads: its downloads
  // come here and are offered with a button. No allow-top-navigation, no allow-popups.
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = `Sandboxed run of ${current.lesson.meta.title}`;
  frame.src = `${base}sandbox/`;
  frameHost.replaceChildren(frame);
  preview.hidden = true;
  document.querySelector<HTMLButtonElement>('[data-action="run-sandbox"]')!.hidden = true;
  say(`Running “${current.lesson.meta.title}” in a sandbox.`);
}

document.querySelector('[data-action="run-sandbox"]')!.addEventListener('click', runInSandbox);

// "Open in my lab": after a warning that says what that means, the lesson becomes one of the
// learner's own (my-lessons.ts), shown on /mine/, where it runs only when they press Run.
const ownWarning = document.querySelector<HTMLDialogElement>('.own-warning')!;
const ownMessage = ownWarning.querySelector<HTMLElement>('.own-warning-message')!;
document.querySelector('[data-action="open-in-lab"]')!.addEventListener('click', () => {
  if (!current) return;
  ownWarning.querySelector('.own-warning-lesson')!.textContent = current.lesson.meta.title;
  ownMessage.textContent = '';
  ownWarning.showModal();
});
ownWarning.querySelector('[data-action="confirm-own"]')!.addEventListener('click', () => {
  if (!current) return;
  try {
    // The same lesson opened twice is kept once, with its edits and progress.
    const entry =
      findMyLesson(current.text) ??
      addMyLesson({ text: current.text, title: current.lesson.meta.title, file: current.file.split('/').pop()!, from: current.from });
    location.assign(`${base}mine/?id=${entry.id}`);
  } catch (error) {
    ownMessage.textContent = (error as Error).message;
  }
});
document.querySelector('[data-action="download-copy"]')!.addEventListener('click', () => {
  if (!current) return;
  const name = current.file.split('/').pop()!;
  download(name.endsWith('.md') ? name : `${current.lesson.slug || 'lesson'}.md`, current.text, 'text/markdown');
});
document.querySelector<HTMLInputElement>('input[name="lesson-file"]')!.addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  showLesson(await file.text(), file.name, `the file ${file.name}`);
});

/** Reads the lesson in the address's fragment; again when only the fragment changes (another link, same tab). */
function readSharedLink(): void {
  const shared = new URLSearchParams(location.hash.slice(1)).get('lesson');
  if (!shared) return;
  frame = undefined;
  frameHost.replaceChildren();
  document.querySelector('.open-downloads')?.remove();
  decodeLesson(shared).then(
    (text) => showLesson(text, 'shared-lesson.md', 'a shared link'),
    (error: Error) => {
      current = undefined;
      actions.hidden = true;
      preview.replaceChildren();
      say(error.message, true);
    },
  );
}
addEventListener('hashchange', readSharedLink);
readSharedLink();

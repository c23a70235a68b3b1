/**
 * A document the lesson wrote (a datasheet, a model card), shown as its Markdown with a button that
 * downloads it as a file. Headless it prints the Markdown, so a run's output holds the document.
 */
import { activeSink } from '../../notebook/current.ts';
import { download, el, hasDom } from './dom.ts';

export interface MarkdownFile {
  readonly name: string;
  readonly text: string;
  /** Offers the file as a download (in the page only). */
  save(): void;
  readonly element?: HTMLElement;
}

export function markdownFile(name: string, text: string): MarkdownFile {
  if (!/^[\w.-]+\.md$/.test(name))
    throw new Error(`markdownFile: "${name}" is not a plain file name ending in .md (letters, digits, . _ -)`);
  const file: MarkdownFile = {
    name,
    text,
    save: () => {
      if (hasDom()) download(name, text, 'text/markdown');
    },
  };
  const sink = activeSink();
  if (hasDom()) {
    const root = el('figure', { class: 'lab-markdown-file' });
    const head = el('figcaption', {});
    const button = el('button', { type: 'button' }, `Download ${name}`);
    button.addEventListener('click', () => file.save());
    head.append(el('span', { class: 'markdown-file-name' }, name), button);
    const body = el('pre', { tabindex: '0', 'aria-label': `${name}, as Markdown` }, text);
    root.append(head, body);
    (file as { element?: HTMLElement }).element = root;
    sink?.push({ kind: 'html', node: root, text: `${name}:\n${text}` });
  } else {
    sink?.push({ kind: 'text', stream: 'log', text: `${name}:\n${text}` });
  }
  return file;
}

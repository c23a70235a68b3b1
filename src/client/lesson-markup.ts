/**
 * A learner's own lesson as page markup, made in the browser: the same elements and attributes
 * that the build gives the lab's own lessons ([slug].astro, Cell.astro), so one page script
 * (lesson-page.ts) drives both. Code is shown as plain text until its editor opens; prose comes
 * from ownLessonMarkdown (HTML off).
 */
import type { CellBlock, Lesson } from '../notebook/lesson.ts';
import { ownLessonMarkdown } from './own-lesson-markdown.ts';
import { el as element } from '../lab/widgets/dom.ts';

const button = (action: string, text: string, attributes: Record<string, string> = {}) =>
  element('button', { type: 'button', 'data-action': action, ...attributes }, text);

/** One cell at first paint, as Cell.astro makes it (without the time cue: nobody measured this lesson). */
export function cellMarkup(cell: CellBlock): HTMLElement {
  const { options } = cell;
  const section = element('section', {
    class: 'cell',
    'data-cell': String(cell.index),
    'data-status': options.run ? 'idle' : 'skipped',
    'data-line': String(cell.line),
    'aria-label': options.exercise ? `Exercise, cell ${cell.index + 1}` : `Cell ${cell.index + 1}`,
  });
  if (options.id) section.dataset.id = options.id;
  if (options.app) section.dataset.app = '';
  const head = element('div', { class: 'cell-head' });
  const run = button('run', ' Run', { class: 'run-button', 'aria-label': 'Run cell', title: 'Run cell (Shift+Enter)' });
  run.prepend(element('span', { 'aria-hidden': 'true' }, '▶'));
  head.append(run);
  if (cell.index > 0)
    head.append(button('run-to-here', 'Run to here', { class: 'run-to-here', title: 'Run every cell above this one, then this one' }));
  head.append(element('span', { class: 'cell-label' }, `[${cell.index + 1}]`));
  const tags = [options.exercise && 'exercise', options.check && 'check', !options.run && 'not run by Run all'].filter(Boolean) as string[];
  for (const tag of tags) head.append(element('span', { class: 'tag' }, tag));
  head.append(element('span', { class: 'edited-badge tag', hidden: '' }, 'edited'));
  if (options.exercise) head.append(element('span', { class: 'solved-tag tag', hidden: '' }, 'solved'));
  head.append(element('span', { class: 'cell-state', 'aria-live': 'polite' }));
  const actions = element('span', { class: 'cell-actions' });
  if (options.exercise && cell.hints) actions.append(button('hint', `Show hint 1 of ${cell.hints.length}`));
  if (options.exercise && cell.solution) actions.append(button('solution', 'Show solution'));
  if (options.exercise) actions.append(button('reset-exercise', 'Reset exercise'));
  actions.append(button('reset', 'Reset cell', { hidden: '' }));
  head.append(actions);
  const code = element(
    'div',
    {
      class: 'cell-code',
      tabindex: '0',
      role: 'group',
      'aria-label': `Code of cell ${cell.index + 1}: Enter edits it, Shift+Enter runs it`,
    },
    element('pre', { class: 'own-code' }, element('code', {}, cell.source)),
  );
  section.append(
    head,
    element('div', { class: 'cell-notice', hidden: '' }),
    options.hidden ? element('details', { class: 'cell-hidden' }, element('summary', {}, 'Show the code'), code) : code,
    element('div', { class: 'cell-output', 'data-output': '' }),
  );
  return section;
}

/**
 * Fills the page's lesson parts: title and summary, then objectives, contents, prose and cells
 * right after `after`, as children of the article (app view and presenter mode work on those).
 */
export function renderOwnLesson(
  lesson: Lesson,
  parts: { title: HTMLElement; summary: HTMLElement; after: HTMLElement; lessonsUrl: string },
): void {
  const markdown = ownLessonMarkdown(parts.lessonsUrl);
  parts.title.textContent = lesson.meta.title;
  parts.summary.textContent = `${lesson.meta.summary}${lesson.meta.minutes ? ` · about ${lesson.meta.minutes} minutes` : ''}`;
  // Prose goes in as the article's own children, as the build puts it: presenter mode cuts slides at its headings.
  const blocks = lesson.blocks.flatMap((block): Node[] => {
    if (block.kind === 'cell') return [cellMarkup(block)];
    const prose = document.createElement('template');
    prose.innerHTML = markdown.render(block.markdown); // html: false: any HTML in the file is shown as text
    return [...prose.content.childNodes];
  });
  const intro: HTMLElement[] = [];
  if (lesson.meta.objectives.length) {
    intro.push(
      element(
        'section',
        { class: 'objectives', 'aria-label': 'What you will do' },
        element('h2', {}, 'What you will do'),
        element('ul', {}, ...lesson.meta.objectives.map((objective) => element('li', {}, objective))),
      ),
    );
  }
  const sections = markdown.headings.filter((heading) => heading.depth === 2);
  if (sections.length > 1) {
    const list = element('ol', {}, ...sections.map((s) => element('li', {}, element('a', { href: `#${s.id}` }, s.text))));
    intro.push(element('nav', { class: 'contents', 'aria-label': 'Contents' }, element('h2', {}, 'Contents'), list));
  }
  parts.after.after(...intro, ...blocks);
}

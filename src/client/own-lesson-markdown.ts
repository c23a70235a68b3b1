/**
 * The prose of a learner's own lesson (one opened from elsewhere or edited in the browser), rendered
 * in the browser: HTML in the file is shown as text, images are not fetched (opening a lesson must
 * not reach out to anyone), and links between lessons, written relative to a lesson's page
 * (`../training/`), are resolved as if this lesson were one of the lab's. No DOM: tested in Node.
 */
import MarkdownIt from 'markdown-it';
import { labFences } from '../site/lab-fences.ts';
import { headingIds, type Heading } from '../site/heading-ids.ts';

const ABSOLUTE = /^([a-z][a-z0-9+.-]*:|#|\/)/i;

/** `lessonsUrl`: where the lab's lessons live, e.g. `https://host/lab/lessons/`. */
export function ownLessonMarkdown(lessonsUrl: string) {
  const headings: Heading[] = [];
  const md = new MarkdownIt({ html: false, linkify: true }).disable('image');
  labFences(md, { interactive: true });
  headingIds(md, headings);
  const page = new URL('lesson/', lessonsUrl);
  md.core.ruler.push('lesson-links', (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const href = token.type === 'link_open' ? String(token.attrGet('href') ?? '') : '';
        if (!href || ABSOLUTE.test(href)) continue;
        const url = new URL(href, page);
        token.attrSet('href', url.origin === page.origin ? `${url.pathname}${url.search}${url.hash}` : url.href);
      }
    }
  });
  const env = {}; // one per lesson, so hints are numbered across its prose blocks
  return { render: (markdown: string) => md.render(markdown, env), headings };
}

/**
 * Prose of a lesson → HTML, at build time: headings get ids (for the table of contents and
 * links), fenced code other than cells is highlighted with the same themes as cells.
 */
import MarkdownIt from 'markdown-it';
import { createHighlighter } from 'shiki';
import { labFences } from './lab-fences.ts';
import { headingIds, type Heading } from './heading-ids.ts';

export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

const LANGUAGES = ['ts', 'typescript', 'js', 'javascript', 'json', 'sh', 'bash', 'yaml', 'md', 'markdown', 'html', 'css', 'python'];
const highlighter = await createHighlighter({ themes: Object.values(CODE_THEMES), langs: LANGUAGES });

export { slugify, type Heading } from './heading-ids.ts';

/**
 * A renderer for one lesson: ids stay unique across all its prose blocks. With `lessonNumbers`
 * (slug → course number), a link to another lesson whose text is "lesson" or "lesson NN" reads
 * "lesson" and that lesson's number in course order: `[lesson](../training/)` → "lesson 04", so
 * inserting a lesson renumbers every citation.
 */
export function lessonMarkdown({ lessonNumbers }: { lessonNumbers?: ReadonlyMap<string, string> } = {}) {
  const headings: Heading[] = [];
  const md = new MarkdownIt({
    html: true,
    linkify: true,
    highlight: (code, lang) => {
      const language = LANGUAGES.includes(lang) ? lang : 'text';
      return highlighter.codeToHtml(code, { lang: language, themes: CODE_THEMES, defaultColor: false });
    },
  });
  labFences(md, { interactive: true });
  headingIds(md, headings);
  if (lessonNumbers) {
    md.core.ruler.push('lesson-numbers', (state) => {
      for (const block of state.tokens) {
        const children = block.children ?? [];
        children.forEach((token, i) => {
          const slug =
            token.type === 'link_open' ? /^\.\.\/([a-z0-9-]+)\/(#.*)?$/.exec(String(token.attrGet('href') ?? ''))?.[1] : undefined;
          const text = children[i + 1];
          const number = slug && lessonNumbers.get(slug);
          if (!number || text?.type !== 'text' || children[i + 2]?.type !== 'link_close') return;
          const cited = /^([Ll]esson)(?: \d+)?$/.exec(text.content);
          if (cited) text.content = `${cited[1]} ${number}`;
        });
      }
    });
  }
  const env = {}; // one per lesson, so hints are numbered across its prose blocks
  return { render: (markdown: string) => md.render(markdown, env), headings };
}

/**
 * Ids for a lesson's headings, unique across all its prose blocks: the table of contents, links
 * and the progress record (the section a learner reached) use them. Shared by the build
 * (markdown.ts) and the learner's own lessons, rendered in the browser (client/lesson-markup.ts).
 */
import type MarkdownItClass from 'markdown-it';

type MarkdownIt = InstanceType<typeof MarkdownItClass>;

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

export const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') || 'section';

/** Gives every heading an id and pushes it onto `headings`, in document order. */
export function headingIds(md: MarkdownIt, headings: Heading[]): void {
  const used = new Set<string>();
  md.core.ruler.push('heading-ids', (state) => {
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const text = state.tokens[i + 1]?.content ?? '';
      let id = slugify(text);
      for (let n = 2; used.has(id); n++) id = `${slugify(text)}-${n}`;
      used.add(id);
      token.attrSet('id', id);
      headings.push({ depth: Number(token.tag.slice(1)), text, id });
    });
  });
}

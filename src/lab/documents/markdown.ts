/** Small pieces of Markdown for the documents the lab writes (datasheets, model cards). */

/** Text safe inside a table cell: pipes escaped, line breaks folded. */
const cellText = (value: string | number) =>
  String(value)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

/** A GitHub-flavoured Markdown table. */
export function markdownTable(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(cellText).join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A share as a whole percentage, "93%". */
export const percent = (share: number) => `${(share * 100).toFixed(0)}%`;

/** A section: a second-level heading and its paragraphs, left out when it has nothing to say. */
export function section(title: string, ...parts: (string | undefined)[]): string {
  const body = parts.filter((part): part is string => Boolean(part?.trim()));
  return body.length ? `## ${title}\n\n${body.join('\n\n')}` : '';
}

/** A bulleted list, or undefined for none. */
export const bullets = (items: readonly string[] | undefined) =>
  items?.length ? items.map((item) => `- ${cellText(item)}`).join('\n') : undefined;

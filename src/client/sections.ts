/** A lesson page's sections: its `##` headings (those with ids), and which one an element sits in. */

/** The section headings of the page's article, in page order. */
export const sectionHeadings = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('article h2[id]')];

/** The heading of the section `element` sits in: the last section heading at or before it. */
export function headingBefore(headings: readonly HTMLElement[], element: Element): HTMLElement | undefined {
  return headings.filter((h) => h === element || h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
}

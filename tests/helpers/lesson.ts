/** Builds lessons in memory for tests: cells as strings, the Markdown around them made up. */
import { parseLesson } from '../../src/notebook/parse.ts';
import type { Lesson } from '../../src/notebook/lesson.ts';
import { Kernel, type KernelOptions } from '../../src/notebook/kernel.ts';
import { createNodeHost } from '../../src/node/node-host.ts';
import type { KernelHost } from '../../src/notebook/host.ts';

export const FRONTMATTER = '---\ntitle: Test\nstage: intro\nsummary: A test lesson.\n---\n';

/** A cell is `source` or `[info, source]`, info being what follows "ts" on the fence. */
export function lessonText(cells: (string | [string, string])[]): string {
  return (
    FRONTMATTER +
    cells
      .map((cell) => {
        const [info, source] = typeof cell === 'string' ? ['', cell] : cell;
        return `\nSome prose.\n\n\`\`\`ts${info ? ` ${info}` : ''}\n${source}\n\`\`\`\n`;
      })
      .join('')
  );
}

export function lessonOf(cells: (string | [string, string])[], file = 'test.md'): Lesson {
  return parseLesson(lessonText(cells), file);
}

let host: KernelHost | undefined;
export async function nodeHost(): Promise<KernelHost> {
  host ??= await createNodeHost();
  return host;
}

export async function kernelOf(cells: (string | [string, string])[], options: KernelOptions = {}): Promise<Kernel> {
  return new Kernel(lessonOf(cells), await nodeHost(), options);
}

export const texts = (kernel: Kernel, index: number) => kernel.cells[index]!.outputs.map((o) => o.text);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

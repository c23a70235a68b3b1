/**
 * Splits the YAML frontmatter off a lesson file and validates it, reporting the line of the key
 * that is wrong (or of the opening `---` when a required key is missing).
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { LessonError } from './errors.ts';
import { lessonMetaSchema, type LessonMeta } from './schema.ts';

export interface SplitFrontmatter {
  meta: LessonMeta;
  /** The Markdown after the closing `---`. */
  body: string;
  /** 1-based line number of the body's first line in the file. */
  bodyLine: number;
}

const FENCE = /^---\s*$/;

export function splitFrontmatter(text: string, file: string): SplitFrontmatter {
  // A byte-order mark, as some Windows editors save UTF-8, is not part of the first line.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    throw new LessonError('a lesson starts with frontmatter: a line `---`, then `title:`, `stage:`, `summary:`, then `---`', {
      file,
      line: 1,
    });
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) throw new LessonError('the frontmatter opened on line 1 is never closed with `---`', { file, line: 1 });
  const yamlText = lines.slice(1, close).join('\n');
  const meta = readMeta(yamlText, file);
  return { meta, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

function readMeta(yamlText: string, file: string): LessonMeta {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  // YAML lines are counted from the line after the opening `---`, which is line 2 of the file.
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new LessonError(`frontmatter is not valid YAML: ${error.message.split('\n')[0]}`, { file, line: fileLine(error.pos[0]) });
  }
  let data: unknown;
  try {
    // Aliases can make a tiny file expand to gigabytes: yaml refuses past a count, with no place.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new LessonError(`frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, { file, line: 2 });
  }
  const result = lessonMetaSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  let line = 1;
  if (isMap(doc.contents)) {
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    if (range) line = fileLine(range[0]);
  }
  const unknown = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
  if (unknown.length > 0 && isMap(doc.contents)) {
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === unknown[0]);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    if (range) line = fileLine(range[0]);
    throw new LessonError(`unknown frontmatter key "${unknown[0]}"; known keys: ${Object.keys(lessonMetaSchema.shape).join(', ')}`, {
      file,
      line,
    });
  }
  const what = key ? `frontmatter "${key}"` : 'frontmatter';
  const missing = key && !(key in (data as object));
  throw new LessonError(missing ? `${what} is required` : `${what}: ${issue.message}`, { file, line });
}

/**
 * Downloads from a sandboxed lesson. The frame has no `allow-downloads`: a shared lesson cannot
 * save files by itself (one saved three "invoice-N.exe" without a click). Its download attempts
 * are sent to the page around it, which offers each with a button, under a name of a fixed form.
 * Pure functions: the frame and the page wire them.
 */

/** What a lesson legitimately saves: data, text, models, pictures. */
const ALLOWED = new Set(['json', 'bin', 'csv', 'tsv', 'txt', 'md', 'png', 'jpg', 'jpeg', 'webp', 'svg']);
/** Larger than any model or dataset a lesson makes. */
export const MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024;

/**
 * The name the page will save a file under: the last part of what the lesson asked for, letters,
 * digits, `.`, `_` and `-` only, at most 80 characters, with an extension from a fixed list.
 * Returns the reason instead when the file cannot be offered.
 */
export function safeDownloadName(asked: string): { name: string } | { refused: string } {
  const last = asked.split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '');
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(cleaned)?.[1]?.toLowerCase();
  if (!cleaned || !extension) return { refused: 'it has no file extension' };
  if (!ALLOWED.has(extension))
    return { refused: `.${extension} files are not saved from a sandbox (only ${[...ALLOWED].map((e) => `.${e}`).join(', ')})` };
  // Shortened before its extension, which stays.
  const stem = cleaned.slice(0, cleaned.length - extension.length - 1).slice(0, 79 - extension.length);
  return { name: `${stem}.${extension}` };
}

/**
 * Text as numbers, the simplest way that works: a bag of words. Split each text into lower-case
 * words, keep the words seen often enough in the training texts (the vocabulary), and turn each
 * text into a row with one column per vocabulary word. Word order is lost; which words occur is
 * kept, and for short reviews that alone says a lot. Fit the vocabulary on training texts only:
 * words that only occur in new texts (another site, next month's reviews) get no column at all.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Lower-case words: runs of letters and digits, with inner apostrophes kept ("didn't" stays one
 * word). Punctuation and other symbols separate words and are dropped.
 */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)
      ?.map((word) => word.replace(/’/g, "'")) ?? []
  );
}

export interface VocabularyOptions {
  /** Keep at most this many words, the most frequent first (default: all). */
  maxSize?: number;
  /** Drop words found in fewer than this many training texts (default 1). */
  minCount?: number;
}

export interface EncodeOptions {
  /** "binary" (default): 1 if the word occurs in the text; "count": how many times it occurs. */
  mode?: 'binary' | 'count';
}

export interface Vocabulary {
  /** The words, one per column, most frequent first (ties in alphabetical order). */
  words: string[];
  /** In how many training texts each word occurs, in the order of `words`. */
  counts: number[];
  size: number;
  /** The column of `word`, or -1 if it is not in the vocabulary. */
  indexOf(word: string): number;
  /** One row per text, one column per word: a tensor [texts.length, size]. Unknown words are ignored. */
  encode(texts: readonly string[], options?: EncodeOptions): tf.Tensor2D;
  /** The share of a text collection's words (every occurrence counted) that have a column. */
  coverage(texts: readonly string[]): number;
}

/** Builds the vocabulary from training texts; counts each word once per text. */
export function fitVocabulary(texts: readonly string[], options: VocabularyOptions = {}): Vocabulary {
  const { maxSize = Infinity, minCount = 1 } = options;
  if (!(maxSize >= 1)) throw new Error(`fitVocabulary: maxSize must be at least 1, got ${maxSize}`);
  const documentCounts = new Map<string, number>();
  for (const text of texts) for (const word of new Set(tokenize(text))) documentCounts.set(word, (documentCounts.get(word) ?? 0) + 1);
  const kept = [...documentCounts]
    .filter(([, count]) => count >= minCount)
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, maxSize);
  const words = kept.map(([word]) => word);
  const index = new Map(words.map((word, i) => [word, i]));
  return {
    words,
    counts: kept.map(([, count]) => count),
    size: words.length,
    indexOf: (word) => index.get(word) ?? -1,
    encode(encoded, { mode = 'binary' } = {}) {
      const values = new Float32Array(encoded.length * words.length);
      encoded.forEach((text, row) => {
        for (const word of tokenize(text)) {
          const column = index.get(word);
          if (column === undefined) continue;
          const at = row * words.length + column;
          values[at] = mode === 'count' ? values[at]! + 1 : 1;
        }
      });
      return tf.tensor2d(values, [encoded.length, words.length]);
    },
    coverage(covered) {
      let known = 0;
      let all = 0;
      for (const text of covered) {
        for (const word of tokenize(text)) {
          all++;
          if (index.has(word)) known++;
        }
      }
      return all === 0 ? 0 : known / all;
    },
  };
}

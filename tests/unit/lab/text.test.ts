import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitVocabulary, tokenize } from '../../../src/lab/text.ts';
import { nodeHost } from '../../helpers/lesson.ts';

beforeAll(() => nodeHost());

describe('tokenize', () => {
  it('lower-cases, drops punctuation and keeps inner apostrophes', () => {
    expect(tokenize("Didn't work... at ALL!! 5 stars?")).toEqual(["didn't", 'work', 'at', 'all', '5', 'stars']);
    expect(tokenize('Café—crêpe, “fine”')).toEqual(['café', 'crêpe', 'fine']);
    expect(tokenize('It’s good')).toEqual(["it's", 'good']);
    expect(tokenize(' ?! ')).toEqual([]);
  });
});

describe('fitVocabulary', () => {
  const texts = ['good good phone', 'bad phone', 'good film', 'bad bad film', 'a phone'];

  it('orders words by the number of texts they occur in, ties alphabetically', () => {
    const vocabulary = fitVocabulary(texts);
    expect(vocabulary.words).toEqual(['phone', 'bad', 'film', 'good', 'a']);
    expect(vocabulary.counts).toEqual([3, 2, 2, 2, 1]);
    expect(vocabulary.size).toBe(5);
    expect(vocabulary.indexOf('film')).toBe(2);
    expect(vocabulary.indexOf('tablet')).toBe(-1);
  });

  it('keeps at most maxSize words and drops those rarer than minCount', () => {
    expect(fitVocabulary(texts, { maxSize: 2 }).words).toEqual(['phone', 'bad']);
    expect(fitVocabulary(texts, { minCount: 2 }).words).toEqual(['phone', 'bad', 'film', 'good']);
    expect(() => fitVocabulary(texts, { maxSize: 0 })).toThrow('maxSize must be at least 1');
  });

  it('encodes texts as rows of word presence or counts, ignoring unknown words', () => {
    const vocabulary = fitVocabulary(texts, { minCount: 2 });
    const binary = vocabulary.encode(['Good, good phone!', 'a tablet']);
    expect(binary.shape).toEqual([2, 4]);
    expect(binary.arraySync()).toEqual([
      [1, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    const counts = vocabulary.encode(['Good, good phone!'], { mode: 'count' });
    expect(counts.arraySync()).toEqual([[1, 0, 0, 2]]);
    tf.dispose([binary, counts]);
  });

  it('measures the share of words it covers', () => {
    const vocabulary = fitVocabulary(texts, { minCount: 2 });
    expect(vocabulary.coverage(['good phone', 'a tablet'])).toBeCloseTo(2 / 4);
    expect(vocabulary.coverage(['bad film'])).toBe(1);
    expect(vocabulary.coverage([''])).toBe(0);
  });
});

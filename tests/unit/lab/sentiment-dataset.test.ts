import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lab/data/load.ts';
import { type DatasetReader, labEnvironment, setLabEnvironment } from '../../../src/lab/environment.ts';

/** Swaps only the dataset reader of the host's environment. */
const setDatasetReader = (read: DatasetReader) => setLabEnvironment({ ...labEnvironment(), readDataset: read });

const realReader = async (path: string) => {
  const bytes = await readFile(`datasets/${path}`);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};
afterEach(() => setDatasetReader(realReader));

describe('loadDataset("sentiment")', () => {
  it('loads 1,000 balanced sentences from each of the three sites', async () => {
    setDatasetReader(realReader);
    const { rows, sites, classes } = await loadDataset('sentiment');
    expect(sites).toEqual(['amazon', 'imdb', 'yelp']);
    expect(classes).toEqual(['negative', 'positive']);
    expect(rows).toHaveLength(3000);
    for (const site of sites) {
      const ofSite = rows.filter((row) => row.site === site);
      expect(ofSite).toHaveLength(1000);
      expect(ofSite.filter((row) => row.label === 1)).toHaveLength(500);
    }
    expect(rows[0]).toEqual({
      text: 'So there is no way for me to plug it in here in the US unless I go by a converter.',
      label: 0,
      site: 'amazon',
    });
    expect(rows.every((row) => row.text.length > 0 && row.text === row.text.trim())).toBe(true);
  });

  it('names the file and line of a corrupt row, and a missing header', async () => {
    setDatasetReader(async () => new TextEncoder().encode('label\ttext\n1\tGreat.\nyes\tBad label.\n').buffer as ArrayBuffer);
    await expect(loadDataset('sentiment')).rejects.toThrow('dataset "sentiment": datasets/sentiment/amazon.tsv is corrupt at line 3');
    setDatasetReader(async () => new TextEncoder().encode('1\tGreat.\n').buffer as ArrayBuffer);
    await expect(loadDataset('sentiment')).rejects.toThrow('datasets/sentiment/amazon.tsv is corrupt (its first line should be the header');
    setDatasetReader(async () => {
      throw new Error('ENOENT');
    });
    await expect(loadDataset('sentiment')).rejects.toThrow('dataset "sentiment": cannot read datasets/sentiment/amazon.tsv (ENOENT)');
  });
});

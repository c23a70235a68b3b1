import { describe, expect, it } from 'vitest';
import { safeDownloadName } from '../../../src/sandbox/downloads.ts';

describe('names of files a sandboxed lesson may offer', () => {
  it('keeps ordinary names, cleans odd characters and paths', () => {
    expect(safeDownloadName('labels.json')).toEqual({ name: 'labels.json' });
    expect(safeDownloadName('shapes-classifier.weights.bin')).toEqual({ name: 'shapes-classifier.weights.bin' });
    expect(safeDownloadName('../../.bashrc.txt')).toEqual({ name: 'bashrc.txt' });
    expect(safeDownloadName('C:\\Users\\me\\my chart (1).svg')).toEqual({ name: 'my-chart-1-.svg' });
    expect((safeDownloadName(`${'a'.repeat(200)}.csv`) as { name: string }).name.length).toBeLessThanOrEqual(80);
  });

  it('refuses programs and names without an extension', () => {
    expect(safeDownloadName('invoice-1.exe')).toEqual({ refused: expect.stringMatching(/^\.exe files are not saved from a sandbox/) });
    expect(safeDownloadName('setup.msi')).toMatchObject({ refused: expect.any(String) });
    expect(safeDownloadName('run.sh')).toMatchObject({ refused: expect.any(String) });
    expect(safeDownloadName('download')).toEqual({ refused: 'it has no file extension' });
  });
});

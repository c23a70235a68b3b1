/**
 * Where dataset files come from: the page fetches them from the site (`/datasets/...`), Node
 * reads them from the repository's `datasets/` folder. The host's environment says how
 * (environment.ts); helpers only ask for a path such as "digits/digits.bin".
 */
import { labEnvironment } from '../environment.ts';

export type { DatasetReader } from '../environment.ts';

export async function readDatasetFile(dataset: string, path: string): Promise<ArrayBuffer> {
  const reader = labEnvironment().readDataset;
  if (!reader) throw new Error(`dataset "${dataset}": no dataset reader is set up in this host`);
  try {
    return await reader(path);
  } catch (error) {
    throw new Error(`dataset "${dataset}": cannot read datasets/${path} (${(error as Error).message})`);
  }
}

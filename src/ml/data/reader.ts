/**
 * Where dataset files come from: the page fetches them from the site (`/datasets/...`), Node
 * reads them from the repository's `datasets/` folder. The host sets the reader once; helpers
 * only ask for a path such as "digits/digits.bin".
 */
export type DatasetReader = (path: string) => Promise<ArrayBuffer>;

let reader: DatasetReader | undefined;

export function setDatasetReader(read: DatasetReader): void {
  reader = read;
}

export async function readDatasetFile(dataset: string, path: string): Promise<ArrayBuffer> {
  if (!reader) throw new Error(`dataset "${dataset}": no dataset reader is set up in this host`);
  try {
    return await reader(path);
  } catch (error) {
    throw new Error(`dataset "${dataset}": cannot read datasets/${path} (${(error as Error).message})`);
  }
}

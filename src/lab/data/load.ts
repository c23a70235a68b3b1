/**
 * `loadDataset(name)`: every dataset the lab ships, by name, with typed results. Files are read
 * through the host's reader (fetch in the page, the file system in Node); `shapes` is generated.
 */
import { loadDigits } from './digits.ts';
import type { ImageDataset } from './image-dataset.ts';
import { loadPenguins, type PenguinsDataset } from './penguins.ts';
import { loadSentiment, type SentimentDataset } from './sentiment.ts';
import { generateShapes, type ShapesDataset, type ShapesOptions } from './shapes.ts';

export interface Datasets {
  penguins: PenguinsDataset;
  digits: ImageDataset;
  shapes: ShapesDataset;
  sentiment: SentimentDataset;
}

export const DATASET_NAMES = ['penguins', 'digits', 'shapes', 'sentiment'] as const satisfies readonly (keyof Datasets)[];

export async function loadDataset<N extends keyof Datasets>(
  name: N,
  options?: N extends 'shapes' ? ShapesOptions : never,
): Promise<Datasets[N]> {
  switch (name as keyof Datasets) {
    case 'penguins':
      return (await loadPenguins()) as Datasets[N];
    case 'digits':
      return (await loadDigits()) as Datasets[N];
    case 'shapes':
      return generateShapes(options ?? {}) as Datasets[N];
    case 'sentiment':
      return (await loadSentiment()) as Datasets[N];
    default:
      throw new Error(`unknown dataset "${String(name)}"; the lab has: ${DATASET_NAMES.join(', ')}`);
  }
}

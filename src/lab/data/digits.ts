/**
 * Handwritten digits, 8×8 pixels, 1,797 images (UCI, CC BY 4.0). Stored as `DIGITS01`, then
 * 1,797 × 64 pixel bytes (0–16), then 1,797 label bytes (0–9).
 */
import type { ImageDataset } from './image-dataset.ts';
import { readDatasetFile } from './reader.ts';

const HEADER = 'DIGITS01';
const COUNT = 1797;
const PIXELS = 64;

export async function loadDigits(): Promise<ImageDataset> {
  const bytes = new Uint8Array(await readDatasetFile('digits', 'digits/digits.bin'));
  const expected = HEADER.length + COUNT * (PIXELS + 1);
  const header = new TextDecoder().decode(bytes.subarray(0, HEADER.length));
  if (header !== HEADER || bytes.length !== expected) {
    throw new Error(
      `dataset "digits": datasets/digits/digits.bin is corrupt (expected the header ${HEADER} and ${expected} bytes, got "${header}" and ${bytes.length} bytes)`,
    );
  }
  const pixels = bytes.subarray(HEADER.length, HEADER.length + COUNT * PIXELS);
  const labels = Int32Array.from(bytes.subarray(HEADER.length + COUNT * PIXELS));
  if (pixels.some((p) => p > 16) || labels.some((l) => l > 9)) {
    throw new Error('dataset "digits": datasets/digits/digits.bin is corrupt (a pixel above 16 or a label above 9)');
  }
  return {
    images: Float32Array.from(pixels, (p) => p / 16),
    labels,
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    height: 8,
    width: 8,
    channels: 1,
    count: COUNT,
  };
}

/**
 * Decodes an uploaded image (PNG, JPEG, WebP, GIF) into one model input: resized (squished) to
 * the model's height and width, grey or RGB as its channels say, scaled to its pixel range.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { imageSize } from 'image-size';
import { describeShape } from '../lab/model-io/info.ts';
import { BadRequest } from './inputs.ts';

/** Decoding allocates width × height × 4 bytes before any resize: refuse images past this size. */
export const MAX_IMAGE_PIXELS = 4096 * 4096;
/**
 * Pixels a file may claim per byte it is. A flat-colour 4096 × 4096 PNG is about 4 pixels a byte
 * and a very plain JPEG some hundreds; a few hundred bytes claiming 16 million pixels is a
 * decompression bomb (or a broken file), not a picture.
 */
export const MAX_PIXELS_PER_BYTE = 2000;
const READABLE = new Set(['png', 'jpg', 'webp', 'gif']);
const EMPTY = new Uint8Array(0);

/**
 * Whether the file is complete: a truncated PNG or JPEG decodes without complaint, its missing
 * part filled with black, and the model would answer about a picture nobody sent.
 */
function complete(type: string, bytes: Buffer): boolean {
  const tail = (n: number) => bytes.subarray(Math.max(0, bytes.length - n));
  switch (type) {
    case 'png':
      return tail(12).includes(Buffer.from('IEND'));
    case 'jpg':
      return tail(64).includes(Buffer.from([0xff, 0xd9]));
    case 'gif':
      return tail(16).includes(0x3b);
    case 'webp':
      return bytes.length >= 8 && bytes.readUInt32LE(4) + 8 <= bytes.length;
    default:
      return true;
  }
}

/** The image's kind and size from its header (image-size reads it without decoding the pixels). */
function header(bytes: Buffer): { type: string; width: number; height: number } {
  try {
    const { type, width, height } = imageSize(bytes);
    if (type && READABLE.has(type) && width && height) return { type, width, height };
  } catch {
    // not an image format image-size knows
  }
  throw new BadRequest('the body is not an image this server can read (PNG, JPEG, WebP or GIF)', 415);
}

export async function imageToInput(bytes: Buffer, shape: readonly number[], pixelRange: [number, number] = [0, 1]): Promise<Float32Array> {
  if (shape.length !== 3 || (shape[2] !== 1 && shape[2] !== 3)) {
    throw new BadRequest(`this model takes inputs of shape ${describeShape(shape)}, not images; send JSON`, 415);
  }
  const [height, width, channels] = shape as [number, number, number];
  const { type, width: sentWidth, height: sentHeight } = header(bytes);
  const pixels = sentWidth * sentHeight;
  if (pixels > MAX_IMAGE_PIXELS) {
    throw new BadRequest(
      `the image is ${sentWidth} × ${sentHeight} pixels; this server takes at most ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels (4096 × 4096)`,
      413,
    );
  }
  if (pixels > MAX_PIXELS_PER_BYTE * bytes.length) {
    throw new BadRequest(
      `the image claims ${sentWidth} × ${sentHeight} pixels in ${bytes.length} bytes: a file that small cannot hold that picture`,
      400,
    );
  }
  if (!complete(type, bytes))
    throw new BadRequest(`the ${type === 'jpg' ? 'JPEG' : type.toUpperCase()} is cut short (its end is missing): send the whole file`, 400);
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(bytes);
  } catch {
    throw new BadRequest('the body is not an image this server can read (PNG, JPEG, WebP or GIF)', 415);
  }
  let data: Uint8ClampedArray;
  try {
    if (!image.width || !image.height) throw new BadRequest('the image has no pixels', 415);
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0, width, height);
    data = context.getImageData(0, 0, width, height).data;
  } finally {
    // Frees the decoded pixels now (64 MB for a large photo) rather than at some later collection.
    image.src = EMPTY;
  }
  const [low, high] = pixelRange;
  const scale = (value: number) => low + ((high - low) * value) / 255;
  const out = new Float32Array(height * width * channels);
  for (let p = 0; p < height * width; p++) {
    const r = data[p * 4]!,
      g = data[p * 4 + 1]!,
      b = data[p * 4 + 2]!;
    if (channels === 1) out[p] = scale((r + g + b) / 3);
    else {
      out[p * 3] = scale(r);
      out[p * 3 + 1] = scale(g);
      out[p * 3 + 2] = scale(b);
    }
  }
  return out;
}

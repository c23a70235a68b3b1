/**
 * Decoding an image allocates its full size (a 4096 × 4096 photo: 64 MB) before it is shrunk to
 * the model's input, and its body (up to 5 MB) is held while it waits. The gate admits a few image
 * requests at a time, from the moment their body starts arriving, and lets two of them decode at
 * once; past that a request is told to come back (503 with Retry-After) instead of adding to the
 * pile, so memory stays bounded however many clients send images at once.
 */
import { BadRequest } from './inputs.ts';

export interface DecodeGate {
  /** Admits one image request or refuses it (503); call `leave` when it is done, however it ends. */
  enter(): void;
  leave(): void;
  /** Runs `decode` when one of the decode slots is free. */
  run<T>(decode: () => Promise<T>): Promise<T>;
  stats(): { admitted: number; decoding: number; refused: number };
}

export function createDecodeGate({ concurrent = 2, queued = 8 } = {}): DecodeGate {
  let admitted = 0;
  let decoding = 0;
  let refused = 0;
  const waiting: (() => void)[] = [];
  return {
    enter() {
      if (admitted >= concurrent + queued) {
        refused++;
        throw new BadRequest(`the server is busy with ${admitted} images: try again in a second`, 503, { 'retry-after': '1' });
      }
      admitted++;
    },
    leave() {
      admitted = Math.max(0, admitted - 1);
    },
    async run(decode) {
      if (decoding >= concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
      else decoding++;
      try {
        return await decode();
      } finally {
        // Hand the slot straight to the next in line, or give it back.
        const next = waiting.shift();
        if (next) next();
        else decoding--;
      }
    },
    stats: () => ({ admitted, decoding, refused }),
  };
}

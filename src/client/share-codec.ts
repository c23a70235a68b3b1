/**
 * A lesson's Markdown in a link: deflated (the browser's own CompressionStream, no library) and
 * base64url-encoded, in the URL fragment, which browsers never send to the server.
 */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeLesson(markdown: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(markdown), new CompressionStream('deflate-raw'));
  let binary = '';
  for (const byte of packed) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Far more than any lesson (the longest is about 30 KB): a link that unpacks past it is refused. */
export const MAX_LESSON_BYTES = 2 * 1024 * 1024;

class TooLarge extends Error {}

/** Inflates, stopping as soon as the output passes `limit`: a 778 KB link can hold 400 MB. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export async function decodeLesson(encoded: string, limit = MAX_LESSON_BYTES): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    throw new Error('this link does not hold a lesson (its text is not in the form a link makes)');
  }
  try {
    return new TextDecoder().decode(await inflate(bytes, limit));
  } catch (error) {
    if (error instanceof TooLarge)
      throw new Error(`this link is too large: it unpacks to more than ${Math.round(limit / 1024 / 1024)} MB, far more than a lesson`);
    throw new Error('this link does not hold a lesson (it may have been cut short when it was copied)');
  }
}

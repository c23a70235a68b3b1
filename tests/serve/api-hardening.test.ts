/**
 * The model API against clients that lie, flood or leave: values that overflow float32, bodies
 * that would come back as huge errors, truncated images, decompression bombs, a client that hangs
 * up, and the gate that bounds how many images are decoded at once. (Forty concurrent real image
 * bombs, measured in memory, run in test:release.)
 */
import { connect } from 'node:net';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Started } from '../helpers/serve-model.ts';
import { createDecodeGate } from '../../src/serve/decode-gate.ts';

let server: Started;
beforeAll(async () => {
  server = await startServer(['models/shapes-features']);
}, 90_000);
afterAll(() => server?.child.kill());

const post = (body: string | Buffer, type = 'application/json') =>
  fetch(`${server.url}predict`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

function png(width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#222';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#eee';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.toBuffer('image/png');
}

/** A small JPEG whose header is rewritten to claim 4096 × 4096: a decompression bomb. */
function jpegBomb(): Buffer {
  const canvas = createCanvas(16, 16);
  canvas.getContext('2d').fillRect(0, 0, 8, 8);
  const bytes = Buffer.from(canvas.toBuffer('image/jpeg'));
  for (let i = 0; i < bytes.length - 8; i++) {
    if (bytes[i] === 0xff && (bytes[i + 1] === 0xc0 || bytes[i + 1] === 0xc2)) {
      bytes.writeUInt16BE(4096, i + 5);
      bytes.writeUInt16BE(4096, i + 7);
      return bytes;
    }
  }
  throw new Error('no SOF marker in the JPEG');
}

describe('the model API under attack', () => {
  it('refuses values that overflow float32, and inputs whose output overflows, instead of answering null', async () => {
    const huge = await post(
      JSON.stringify({
        input: Array(256)
          .fill(0)
          .map((v, i) => (i === 3 ? 1e39 : v)),
      }),
    );
    expect(huge.status).toBe(400);
    expect(await errorOf(huge)).toMatch(/input\[3\] is too large for the model's float32 numbers/);
    const overflowing = await post(JSON.stringify({ input: Array(256).fill(3e38) }));
    expect(overflowing.status).toBe(422);
    expect(await errorOf(overflowing)).toMatch(/is not a number \(its values overflow inside the model\)/);
    // Another client's good input in the same batch is answered.
    const good = await post(JSON.stringify({ input: Array(256).fill(0.1) }));
    expect(good.status).toBe(200);
  });

  it('never echoes what the client sent: a 3 MB string and deep nesting get short messages', async () => {
    const big = await post(JSON.stringify({ input: ['x'.repeat(3_000_000)] }));
    expect(big.status).toBe(400);
    const bigMessage = await errorOf(big);
    expect(bigMessage.length).toBeLessThan(300);
    // Written out by hand: JSON.stringify itself overflows the stack on it.
    const nested = `${'['.repeat(5000)}0${']'.repeat(5000)}`;
    const row = (first: string) => `[${[first, ...Array(15).fill('[0]')].join(',')}]`;
    const deep = await post(`{"input": [${[row(`[${nested}]`), ...Array(15).fill(row('[0]'))].join(',')}]}`);
    expect(deep.status).toBe(400);
    const deepMessage = await errorOf(deep);
    expect(deepMessage).toMatch(/^input\[0\]\[0\]\[0\] is an array of 1, not a number$/);
    const junk = await post(`{"input": ${'9'.repeat(100_000)}x}`);
    expect(junk.status).toBe(400);
    expect((await errorOf(junk)).length).toBeLessThan(300);
    // Log lines too.
    expect(
      server
        .output()
        .split('\n')
        .every((line) => line.length < 600),
    ).toBe(true);
  });

  it('refuses a truncated image and a decompression bomb before decoding them', async () => {
    const whole = png(64, 64);
    const cut = await post(whole.subarray(0, Math.floor(whole.length / 2)), 'image/png');
    expect(cut.status).toBe(400);
    expect(await errorOf(cut)).toMatch(/the PNG is cut short/);
    const bomb = await post(jpegBomb(), 'image/jpeg');
    expect(bomb.status).toBe(400);
    expect(await errorOf(bomb)).toMatch(/claims 4096 × 4096 pixels in \d+ bytes/);
    expect((await post(whole, 'image/png')).status).toBe(200);
  });

  it('logs a client that hangs up as such, not as a server error', async () => {
    const { port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /predict HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{"input": [',
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.output()).toMatch(/POST \/predict client hung up after/);
    expect(server.output()).not.toMatch(/POST \/predict 500/);
    const health = await (await fetch(`${server.url}health`)).json();
    expect(health.hangUps).toBeGreaterThanOrEqual(1);
  });
});

describe('the decode gate', () => {
  it('admits ten image requests, decodes two at once, refuses the rest with 503 and Retry-After', async () => {
    const gate = createDecodeGate({ concurrent: 2, queued: 8 });
    for (let i = 0; i < 10; i++) gate.enter();
    expect(() => gate.enter()).toThrow(expect.objectContaining({ status: 503, headers: { 'retry-after': '1' } }));
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const jobs = Array.from({ length: 10 }, () =>
      gate
        .run(
          () =>
            new Promise<void>((resolve) => {
              running++;
              most = Math.max(most, running);
              release.push(() => {
                running--;
                resolve();
              });
            }),
        )
        .finally(() => gate.leave()),
    );
    while (release.length || running) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      release.shift()?.();
    }
    await Promise.all(jobs);
    expect(most).toBe(2);
    expect(gate.stats()).toEqual({ admitted: 0, decoding: 0, refused: 1 });
    gate.enter(); // room again
  });
});

/**
 * `npm run serve-model` as a user runs it: a real process, real HTTP on loopback, the model the
 * repository ships. Good inputs, bad inputs, images, a burst that gets batched, CORS.
 */
import { request as httpRequest } from 'node:http';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateShapes } from '../../src/lab/data/shapes.ts';
import { startServer, type Started } from '../helpers/serve-model.ts';

function pixelsOf(data: ReturnType<typeof generateShapes>, i: number): number[] {
  return Array.from(data.images.subarray(i * 256, (i + 1) * 256));
}

/** A PNG of a bright shape on a dark background, as a person might draw it, 64 × 64. */
function drawnPng(shape: 'circle' | 'square'): Buffer {
  const canvas = createCanvas(64, 64);
  const context = canvas.getContext('2d');
  context.fillStyle = '#111';
  context.fillRect(0, 0, 64, 64);
  context.fillStyle = '#eee';
  if (shape === 'circle') {
    context.beginPath();
    context.arc(32, 32, 20, 0, Math.PI * 2);
    context.fill();
  } else context.fillRect(16, 16, 32, 32);
  return canvas.toBuffer('image/png');
}

const post = (url: string, body: string | Buffer, type = 'application/json') =>
  fetch(`${url}predict`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

let server: Started;
beforeAll(async () => {
  server = await startServer(['models/shapes-features']);
});
afterAll(() => server?.child.kill());

describe('serve-model', () => {
  it('reports its health and the model it serves', async () => {
    const response = await fetch(`${server.url}health`);
    expect(response.status).toBe(200);
    const health = await response.json();
    expect(health).toMatchObject({
      status: 'ok',
      model: 'shapes-features',
      classes: ['circle', 'square', 'triangle'],
      inputShape: [16, 16, 1],
    });
  });

  it('classifies JSON inputs, nested or flat, one or several', async () => {
    const shapes = generateShapes({ count: 30, offset: 0.05, seed: 77 });
    const flat = await (
      await post(server.url, JSON.stringify({ inputs: Array.from(shapes.labels, (_, i) => pixelsOf(shapes, i)) }))
    ).json();
    expect(flat.predictions).toHaveLength(30);
    const right = flat.predictions.filter((p: { class: string }, i: number) => p.class === shapes.classes[shapes.labels[i]!]).length;
    expect(right / 30).toBeGreaterThanOrEqual(0.8);
    const first = flat.predictions[0];
    expect(first.probabilities.map((p: { class: string }) => p.class).sort()).toEqual(['circle', 'square', 'triangle']);
    expect(first.probabilities.reduce((sum: number, p: { probability: number }) => sum + p.probability, 0)).toBeCloseTo(1, 4);
    // The same first image, nested as [16][16][1], gets the same answer.
    const nested = Array.from({ length: 16 }, (_, y) => Array.from({ length: 16 }, (_, x) => [shapes.images[y * 16 + x]!]));
    const one = await (await post(server.url, JSON.stringify({ input: nested }))).json();
    expect(one.predictions[0].class).toBe(first.class);
    expect(one.predictions[0].probability).toBeCloseTo(first.probability, 5);
  });

  it('classifies an uploaded image, resized to the model input', async () => {
    for (const shape of ['circle', 'square'] as const) {
      const response = await post(server.url, drawnPng(shape), 'image/png');
      expect(response.status).toBe(200);
      expect((await response.json()).predictions[0].class).toBe(shape);
    }
  });

  it('refuses bad requests with a 4xx that says what is wrong, and keeps serving', async () => {
    const refusals: [Promise<Response>, number, string][] = [
      [post(server.url, JSON.stringify({ input: [1, 2, 3] })), 400, 'the model takes 16 there (shape [16, 16, 1])'],
      [
        post(
          server.url,
          JSON.stringify({
            input: Array(256)
              .fill(0)
              .map((v, i) => (i === 17 ? 'dark' : v)),
          }),
        ),
        400,
        'input[17] is a string of 4 characters, not a number',
      ],
      [post(server.url, '{"input": [1, 2'), 400, 'not valid JSON'],
      [post(server.url, JSON.stringify({ pixels: [] })), 400, 'no "input" or "inputs"'],
      [post(server.url, Buffer.from('this is not a picture'), 'image/png'), 415, 'not an image'],
      [post(server.url, 'hello', 'text/plain'), 415, 'content-type "text/plain" is not supported'],
      [post(server.url, Buffer.alloc(6 * 1024 * 1024, 1), 'image/png'), 413, 'at most'],
      [fetch(`${server.url}predict`), 405, 'use POST'],
      [fetch(`${server.url}nowhere`), 404, 'no route GET /nowhere'],
    ];
    for (const [request, status, message] of refusals) {
      const response = await request;
      expect(response.status).toBe(status);
      expect((await response.json()).error).toContain(message);
    }
    const health = await (await fetch(`${server.url}health`)).json();
    expect(health.status).toBe('ok');
    expect(health.errors).toBeGreaterThanOrEqual(refusals.length);
  });

  it('refuses an image too large to decode before decoding it, and requests for another host', async () => {
    // A PNG header that claims 20000 × 20000 pixels (1.6 GB once decoded): refused from its header.
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'ascii');
    header.writeUInt32BE(20000, 16);
    header.writeUInt32BE(20000, 20);
    header[24] = 8;
    header[25] = 6;
    const huge = await post(server.url, header, 'image/png');
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toContain('20000 × 20000 pixels');
    // DNS rebinding: a page whose own host name points at this machine gets nothing.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${server.url}health`);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    expect((await fetch(`${server.url}health`)).status).toBe(200);
  });

  it('batches a burst of concurrent requests into fewer model calls', async () => {
    const before = await (await fetch(`${server.url}health`)).json();
    const shapes = generateShapes({ count: 32, seed: 78 });
    const responses = await Promise.all(
      Array.from(shapes.labels, (_, i) => post(server.url, JSON.stringify({ input: pixelsOf(shapes, i) }))),
    );
    const answers = await Promise.all(responses.map((r) => r.json()));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const after = await (await fetch(`${server.url}health`)).json();
    expect(after.items - before.items).toBe(32);
    expect(after.batches - before.batches).toBeLessThan(32);
    expect(Math.max(...answers.map((a) => a.batchSize))).toBeGreaterThan(1);
  });

  it('lets a page on another origin call it (CORS) and logs each request with its latency', async () => {
    const preflight = await fetch(`${server.url}predict`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4321', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const response = await post(server.url, drawnPng('circle'), 'image/png');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(server.output()).toMatch(/POST \/predict 200 \d+\.\d ms batch 1/);
    expect(server.output()).toMatch(/POST \/predict 413 \d+\.\d ms: /);
  });
});

describe('serve-model on the command line', () => {
  it('serves files downloaded from the page (NAME.json beside NAME.weights.bin)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'downloaded-'));
    const json = JSON.parse(readFileSync('models/shapes-features/model.json', 'utf8'));
    json.weightsManifest[0].paths = ['./my-shapes.weights.bin'];
    writeFileSync(join(dir, 'my-shapes.json'), JSON.stringify(json));
    copyFileSync('models/shapes-features/weights.bin', join(dir, 'my-shapes.weights.bin'));
    const downloaded = await startServer([join(dir, 'my-shapes.json')]);
    try {
      const health = await (await fetch(`${downloaded.url}health`)).json();
      expect(health.model).toBe('my-shapes');
      const response = await post(downloaded.url, drawnPng('square'), 'image/png');
      expect((await response.json()).predictions[0].class).toBe('square');
    } finally {
      downloaded.child.kill();
    }
  });

  it('refuses a folder that holds no model, saying so', async () => {
    const error = await startServer(['datasets']).then(
      () => undefined,
      (e: Error & { code: number }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.message).toContain('no model.json in');
  });
});

/**
 * Forty clients send a real 4096 × 4096 PNG (4 MB, 64 MB decoded) at once. The decode gate lets
 * two decode and eight wait; the rest are told to retry. The server's peak memory grows by less
 * than 300 MB (it grew by 2.5 GB before the gate), and it answers /health after.
 */
import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Started } from '../helpers/serve-model.ts';

let server: Started;
beforeAll(async () => {
  server = await startServer(['models/shapes-features']);
}, 90_000);
afterAll(() => server?.child.kill());

/** Resident and peak resident memory of a process, in MB (Linux). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

describe('image bombs against the model API', () => {
  it('forty 4096 × 4096 images at once: bounded memory, 503s with Retry-After, healthy after', async () => {
    const canvas = createCanvas(4096, 4096);
    const context = canvas.getContext('2d');
    const gradient = context.createLinearGradient(0, 0, 4096, 4096);
    gradient.addColorStop(0, '#123');
    gradient.addColorStop(1, '#fa0');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4096, 4096);
    const png = new Uint8Array(canvas.toBuffer('image/png'));
    const before = memory(server.child.pid!);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`${server.url}predict`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png }).then(async (response) => ({
          status: response.status,
          retry: response.headers.get('retry-after'),
          body: await response.text(),
        })),
      ),
    );
    const after = memory(server.child.pid!);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(10);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(answers.filter((a) => a.status === 503).every((a) => a.retry === '1')).toBe(true);
    console.log(
      `image bombs: ${statuses.filter((s) => s === 200).length} answered, ${statuses.filter((s) => s === 503).length} told to retry; RSS ${before.rss.toFixed(0)} → peak ${after.peak.toFixed(0)} MB`,
    );
    expect(after.peak - before.rss).toBeLessThan(300);
    const health = await (await fetch(`${server.url}health`)).json();
    expect(health.status).toBe('ok');
    expect(health.images.refused).toBe(statuses.filter((s) => s === 503).length);
  }, 180_000);
});

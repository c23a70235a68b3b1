/**
 * The lab's one static server (src/shipped/workshop-serve.mjs: the kit's serve.mjs, serve-site, the
 * tests) against clients that lie, stall or leave, and files that change under it.
 */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../../src/node/static-server.ts';
import { handler } from '../../../src/shipped/workshop-serve.mjs';

let root: string;
let server: StaticServer;
let atRoot: StaticServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'static-'));
  mkdirSync(join(root, 'site/lessons/a'), { recursive: true });
  mkdirSync(join(root, 'site-secret'));
  writeFileSync(join(root, 'site/index.html'), 'home');
  writeFileSync(join(root, 'site/lessons/a/index.html'), 'lesson a');
  writeFileSync(join(root, 'site/app.js'), 'console.log(1)');
  writeFileSync(join(root, 'site/big.bin'), Buffer.alloc(8 * 1024 * 1024, 7));
  writeFileSync(join(root, 'site-secret/key.txt'), 'secret');
  // A folder named index.html: stat says it exists, reading it fails (as a file removed mid-request does).
  mkdirSync(join(root, 'site/odd/index.html'), { recursive: true });
  symlinkSync(join(root, 'site-secret'), join(root, 'site/outside'));
  symlinkSync(join(root, 'site/lessons/a'), join(root, 'site/inside'));
  server = await serveStatic(join(root, 'site'), { base: '/lab/' });
  atRoot = await serveStatic(join(root, 'site'), { base: '/' });
});
afterAll(async () => {
  await server?.close();
  await atRoot?.close();
});

/** A raw request, so the path reaches the server exactly as written. */
function raw(
  url: string,
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('the static server', () => {
  it('serves files and folders as their index.html under the base', async () => {
    expect(await (await fetch(`${server.url}`)).text()).toBe('home');
    expect(await (await fetch(`${server.url}lessons/a/`)).text()).toBe('lesson a');
  });

  it('refuses paths outside the site, including a sibling folder whose name starts like it', async () => {
    const sibling = await fetch(`${server.url}..%2Fsite-secret%2Fkey.txt`);
    expect(sibling.status).toBe(403);
    expect(await sibling.text()).not.toContain('secret');
  });

  it('follows no link that leaves the site folder; links inside it work', async () => {
    const out = await raw(server.url, '/lab/outside/key.txt');
    expect(out.status).toBe(404);
    expect(out.body).not.toContain('secret');
    expect((await raw(server.url, '/lab/inside/')).body).toBe('lesson a');
  });

  it('answers a malformed address with 400 and keeps serving', async () => {
    expect((await fetch(`${server.url}%`)).status).toBe(400);
    expect((await fetch(`${server.url}`)).status).toBe(200);
  });

  it('redirects a folder to its own address inside the site, never to one the request spelt out', async () => {
    for (const [target, path] of [
      [atRoot, '/%2F%2Fevil.example%2F..%2Flessons'],
      [server, '/lab/%2F%2Fevil.example%2F..%2Flessons'],
      [atRoot, '//evil.example/../lessons'],
    ] as const) {
      const answer = await raw(target.url, path);
      expect(answer.status, path).toBe(301);
      const location = String(answer.headers.location);
      expect(location, path).toBe(target === server ? '/lab/lessons/' : '/lessons/');
      expect(location.startsWith('//')).toBe(false);
    }
  });

  it('answers only GET and HEAD (405 with Allow otherwise), and HEAD without a body', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const answer = await raw(server.url, '/lab/index.html', method);
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
      expect(answer.body).toBe('');
    }
    const head = await raw(server.url, '/lab/app.js', 'HEAD');
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '14']);
  });

  it('sends nosniff everywhere, and pages only the lab itself may frame', async () => {
    const page = await raw(server.url, '/lab/');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    const script = await raw(server.url, '/lab/app.js');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['x-frame-options']).toBeUndefined();
  });

  it('a file that cannot be read once found is a 404, and the server lives on', async () => {
    expect((await raw(server.url, '/lab/odd/')).status).toBe(404);
    expect((await fetch(`${server.url}`)).status).toBe(200);
  });

  it('survives files that disappear while they are asked for', async () => {
    const file = join(root, 'site/flicker.txt');
    const answers: Promise<number>[] = [];
    for (let i = 0; i < 300; i++) {
      writeFileSync(file, `version ${i}`);
      answers.push(
        fetch(`${server.url}flicker.txt`).then(
          async (r) => (await r.text(), r.status),
          () => 0,
        ),
      );
      unlinkSync(file);
    }
    const statuses = await Promise.all(answers);
    expect(statuses.every((status) => status === 200 || status === 404 || status === 0)).toBe(true);
    expect((await fetch(`${server.url}`)).status).toBe(200);
  });

  it('a client gone before its file was opened ends its answer only: no rejection, file freed', async () => {
    const serve = handler(join(root, 'site'), '/');
    const outcomes: Promise<unknown>[] = [];
    const leaving = createServer((request, response) => {
      request.socket.destroy(); // gone before the handler opens the file
      const answered = new Promise((done) => response.once('close', done));
      const result = serve(request, response);
      outcomes.push(Promise.all([result, answered]));
    });
    await new Promise<void>((ready) => leaving.listen(0, '127.0.0.1', ready));
    const { port } = leaving.address() as { port: number };
    const before = openDescriptors();
    await Promise.all(Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${port}/big.bin`).catch(() => null)));
    await expect(Promise.all(outcomes)).resolves.toHaveLength(20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(openDescriptors() - before).toBeLessThan(10);
    leaving.closeAllConnections();
    await new Promise((done) => leaving.close(done));
  });

  it('frees the file of every download a client cuts off', async () => {
    const before = openDescriptors();
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 40 }, async () => {
          const abort = new AbortController();
          const response = await fetch(`${server.url}big.bin`, { signal: abort.signal });
          const reader = response.body!.getReader();
          await reader.read(); // the first chunk, then hang up
          abort.abort();
          await reader.read().catch(() => {});
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(openDescriptors() - before).toBeLessThan(20);
    expect((await fetch(`${server.url}`)).status).toBe(200);
  });
});

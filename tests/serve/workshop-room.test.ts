/**
 * The workshop room's API (src/shipped/workshop-room.mjs): valid, malformed, oversized and
 * code-bearing records, the key, the per-address rate limit, CORS, and the room file. The room is
 * served as serve.mjs --room serves it, in front of the static site.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoom, readRecord, type Room, type RoomState } from '../../src/shipped/workshop-room.mjs';
import { withRoom } from '../../src/shipped/workshop-serve.mjs';

const KEY = 'test-room-key';
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serveRoom(room: Room): Promise<string> {
  const server = createServer(withRoom(room, (_request, response) => response.writeHead(404).end('site')));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const record = (overrides: Record<string, unknown> = {}) => ({
  learner: { id: 'b7f3c1', name: 'Ada' },
  lesson: 'training',
  cellsRun: 10,
  exercisesSolved: ['predict'],
  solutionsShown: [],
  hintsOpened: 1,
  questionsRight: 2,
  at: '2026-11-30T10:00:00.000Z',
  ...overrides,
});

const post = (url: string, body: unknown, key: string | null = KEY) =>
  fetch(`${url}/room/progress`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'x-room-key': key }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const stateOf = async (url: string) => (await (await fetch(`${url}/room/state`)).json()) as RoomState;

describe('the workshop room', () => {
  it('keeps a learner’s progress per lesson, and only the fields it names', async () => {
    let clock = 1_000_000;
    const url = await serveRoom(createRoom({ key: KEY, now: () => clock }));
    const response = await post(
      url,
      record({ code: 'fetch("/steal")', answers: { q1: 'free text' }, learner: { id: 'b7f3c1', name: 'Ada', email: 'a@b' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    clock += 5000;
    expect((await post(url, record({ lesson: 'welcome', cellsRun: 3, exercisesSolved: [] }))).status).toBe(200);
    const state = await stateOf(url);
    expect(state.learners).toEqual([
      {
        id: 'b7f3c1',
        name: 'Ada',
        lastSeen: 1_005_000,
        lessons: {
          training: {
            cellsRun: 10,
            exercisesSolved: ['predict'],
            solutionsShown: [],
            hintsOpened: 1,
            questionsRight: 2,
            updatedAt: 1_000_000,
          },
          welcome: { cellsRun: 3, exercisesSolved: [], solutionsShown: [], hintsOpened: 1, questionsRight: 2, updatedAt: 1_005_000 },
        },
      },
    ]);
    expect(JSON.stringify(state)).not.toMatch(/steal|free text|a@b/);
    // the same record again: seen now, but its progress did not change
    clock += 60_000;
    await post(url, record());
    const again = (await stateOf(url)).learners[0]!;
    expect(again.lastSeen).toBe(1_065_000);
    expect(again.lessons.training!.updatedAt).toBe(1_000_000);
  });

  it('keeps two learners with one name apart, and takes a plain name as both id and name', async () => {
    const url = await serveRoom(createRoom({ key: KEY }));
    await post(url, record({ learner: { id: 'one', name: 'Sam' } }));
    await post(url, record({ learner: { id: 'two', name: 'Sam' } }));
    await post(url, record({ learner: '  Lee\u0007\u202e  ' }));
    const learners = (await stateOf(url)).learners;
    expect(learners.map((learner) => [learner.id, learner.name])).toEqual([
      ['one', 'Sam'],
      ['two', 'Sam'],
      ['name:lee', 'Lee'],
    ]);
  });

  it('refuses malformed records with a 400 that names the field', async () => {
    const url = await serveRoom(createRoom({ key: KEY }));
    const cases: [unknown, string][] = [
      ['{"learner": ', 'the body is not JSON'],
      [[1, 2], 'the record must be a JSON object'],
      [record({ learner: undefined }), 'learner is missing'],
      [record({ learner: { id: '../x', name: 'A' } }), 'learner.id must be'],
      [record({ learner: { id: 'ok', name: '   ' } }), 'learner.name is empty'],
      [record({ lesson: 'Training!' }), 'lesson must be a lesson slug'],
      [record({ cellsRun: -1 }), 'cellsRun must be a whole number'],
      [record({ hintsOpened: 1.5 }), 'hintsOpened must be a whole number'],
      [record({ exercisesSolved: ['ok', 'print("hi")'] }), 'exercisesSolved holds "print("hi")", not an exercise id'],
      [record({ solutionsShown: 'predict' }), 'solutionsShown must be a list'],
      [record({ at: 'yesterday' }), 'at must be an ISO time'],
    ];
    for (const [body, message] of cases) {
      const response = await post(url, body);
      expect(response.status, message).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain(message);
    }
    expect((await stateOf(url)).learners).toEqual([]);
  });

  it('cuts long names, and refuses bodies over 16 KB with a 413 without reading them whole', async () => {
    const url = await serveRoom(createRoom({ key: KEY }));
    await post(url, record({ learner: { id: 'long', name: 'N'.repeat(500) } }));
    expect((await stateOf(url)).learners[0]!.name).toBe('N'.repeat(40));
    const big = await post(url, record({ padding: 'x'.repeat(20_000) }));
    expect(big.status).toBe(413);
    // a body that claims to be small and is not: cut off at the limit, as it streams
    const status = await new Promise<number>((done, fail) => {
      const { hostname, port } = new URL(url);
      const request = httpRequest(
        { hostname, port, path: '/room/progress', method: 'POST', headers: { 'x-room-key': KEY, 'transfer-encoding': 'chunked' } },
        (response) => {
          response.resume();
          done(response.statusCode ?? 0);
        },
      );
      request.on('error', fail);
      for (let i = 0; i < 40; i++) request.write('x'.repeat(1024));
      request.end();
    });
    expect(status).toBe(413);
  });

  it('needs the room key on every post, from any address, and on the state from elsewhere', async () => {
    const room = createRoom({ key: KEY });
    const url = await serveRoom(room);
    for (const key of [null, '', 'wrong-key', `${KEY}x`]) expect((await post(url, record(), key)).status).toBe(403);
    expect((await stateOf(url)).learners).toEqual([]);
    // loopback reads the state without the key (the teacher's own computer), and is told the key for the QR code ...
    expect((await fetch(`${url}/room/state`)).status).toBe(200);
    expect(((await stateOf(url)) as RoomState & { key?: string }).key).toBe(KEY);
    // ... but not when the loopback request named another host (a local proxy, a rebound DNS name)
    const viaOtherHost = await new Promise<Record<string, unknown>>((done, fail) => {
      const ask = httpRequest(`${url}/room/state`, { headers: { host: 'rebound.example' } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => done(JSON.parse(body) as Record<string, unknown>));
      });
      ask.on('error', fail);
      ask.end();
    });
    expect(viaOtherHost).toHaveProperty('learners');
    expect(viaOtherHost).not.toHaveProperty('key');
    // ... and another address needs it: answered as a request from 192.168.1.9 would be
    const fromLan = async (path: string, headers: Record<string, string> = {}) => {
      const answers: { status?: number; body?: string } = {};
      const response = {
        writeHead(status: number) {
          answers.status = status;
          return this;
        },
        end(body: string) {
          answers.body = body;
        },
        on() {},
      };
      await room.handle({ url: path, method: 'GET', headers, socket: { remoteAddress: '192.168.1.9' } } as never, response as never);
      if (answers.status === 200) expect(JSON.parse(answers.body!)).not.toHaveProperty('key'); // never to another computer
      return answers.status;
    };
    expect(await fromLan('/room/state')).toBe(403);
    expect(await fromLan('/room/state?key=wrong')).toBe(403);
    expect(await fromLan(`/room/state?key=${KEY}`)).toBe(200);
    expect(await fromLan('/room/state', { 'x-room-key': KEY })).toBe(200);
  });

  it('answers the CORS preflight, allows only POST and OPTIONS on progress, and leaves the site alone', async () => {
    const url = await serveRoom(createRoom({ key: KEY }));
    const preflight = await fetch(`${url}/room/progress`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4322', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-room-key');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    for (const method of ['GET', 'PUT', 'DELETE']) expect((await fetch(`${url}/room/progress`, { method })).status).toBe(405);
    expect((await fetch(`${url}/room/state`, { method: 'POST' })).status).toBe(405);
    const site = await fetch(`${url}/room/`);
    expect([site.status, await site.text()]).toEqual([404, 'site']);
  });

  it('limits posts per address per minute with a 429', async () => {
    let clock = 0;
    const url = await serveRoom(createRoom({ key: KEY, rate: 3, now: () => clock }));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(url, record({ cellsRun: i }))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    clock += 60_000;
    expect((await post(url, record())).status).toBe(200);
  });

  it('writes its state to the room file and reads it back, checked, at the next start', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'room-')), 'room.json');
    const room = createRoom({ key: KEY, file });
    const url = await serveRoom(room);
    await post(url, record());
    room.flush();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as RoomState;
    expect(saved.learners[0]!.lessons.training!.exercisesSolved).toEqual(['predict']);
    expect(createRoom({ key: KEY, file }).state()).toEqual(room.state());
    expect(() => readRecord({ learner: 'x', lesson: 'a', cellsRun: 'many' })).toThrow('cellsRun must be a whole number');
  });
});

describe.each([
  ['node serve.mjs --room', 'src/shipped/workshop-serve.mjs'],
  ['npm run serve-site -- --room', 'src/cli/serve-site.ts'],
])('%s', (_name, script) => {
  it('serves the site and the room, prints the key, and takes records sent with it', async () => {
    const site = mkdtempSync(join(tmpdir(), 'room-site-'));
    writeFileSync(join(site, 'index.html'), 'the lab');
    const child = spawn(process.execPath, [script, site, '--port', '0', '--room', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const printed = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (chunk) => {
          output += chunk;
          if (output.includes('Ctrl+C')) done(output);
        });
        child.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}: ${output}`)));
      });
      const port = /http:\/\/localhost:(\d+)\//.exec(printed)![1];
      const key = /Workshop room key: ([A-Za-z0-9_-]{12})\n/.exec(printed)![1]!;
      expect(printed).toContain(`Room on the network: http://127.0.0.1:${port} `);
      expect(printed).toContain(`the teacher's page: http://127.0.0.1:${port}/room/?key=${key}`);
      const url = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${url}/`)).text()).toBe('the lab');
      expect((await post(url, record(), 'not-the-key')).status).toBe(403);
      expect((await post(url, record(), key)).status).toBe(200);
      expect((await stateOf(url)).learners.map((learner) => learner.name)).toEqual(['Ada']);
      // the teacher's page is told where learners reach the room, for its QR code
      expect(((await stateOf(url)) as RoomState & { addresses: string[] }).addresses).toEqual([url]);
    } finally {
      child.kill();
    }
  });
});

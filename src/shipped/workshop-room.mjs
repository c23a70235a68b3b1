// The workshop room: learners' labs post their progress to the teacher's `node serve.mjs --room`,
// and the teacher's page (/room/ of the site) reads where everyone is. Part of the workshop kit:
// plain Node, no packages, state in memory (and, with a file, written there).
//
//   POST /room/progress   one learner's progress record (JSON), with the room key in x-room-key
//   OPTIONS /room/progress  the CORS preflight of that POST (learners' pages are on their own localhost)
//   GET /room/state       every learner's progress (key needed, as x-room-key or ?key=, except from this computer)
//
// Only what a progress record names is kept: counts and exercise ids. Code, answers and any other
// field a client sends are dropped, names are cut to 40 characters, bodies over 16 KB refused, and
// each address may post a limited number of times a minute.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export const ROOM_PROGRESS = '/room/progress';
export const ROOM_STATE = '/room/state';
export const MAX_BODY = 16 * 1024;
const MAX_NAME = 40;
const MAX_IDS = 100;
const MAX_COUNT = 100_000;
const MAX_LEARNERS = 500;
const MAX_LESSONS = 100;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A new room key: 12 characters that are safe in a URL. */
export function newRoomKey() {
  return randomBytes(9).toString('base64url');
}

/** Why a record is refused, said to the client as a 400. */
class RecordError extends Error {}

/** A display name: control and format characters (bidi overrides, zero-width) removed, spaces folded, at most MAX_NAME characters. */
function cleanName(value, field) {
  if (typeof value !== 'string') throw new RecordError(`${field} must be a string`);
  const name = value
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!name) throw new RecordError(`${field} is empty`);
  return [...name].slice(0, MAX_NAME).join('');
}

function count(value, field) {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value > MAX_COUNT)
    throw new RecordError(`${field} must be a whole number from 0 to ${MAX_COUNT}`);
  return value;
}

function ids(value, field) {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_IDS) throw new RecordError(`${field} must be a list of at most ${MAX_IDS} exercise ids`);
  for (const id of value)
    if (typeof id !== 'string' || !ID.test(id))
      throw new RecordError(`${field} holds "${String(id).slice(0, 40)}", not an exercise id (letters, digits, - and _)`);
  return [...new Set(value)];
}

/**
 * The parts of a posted record the room keeps, checked; throws RecordError naming the first field
 * that is wrong. `learner` is `{ id, name }` or a plain name (then also its id).
 */
export function readRecord(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new RecordError('the record must be a JSON object');
  let learner;
  if (typeof body.learner === 'string') {
    const name = cleanName(body.learner, 'learner');
    learner = { id: `name:${name.toLowerCase()}`, name };
  } else if (body.learner && typeof body.learner === 'object') {
    const { id, name } = body.learner;
    if (typeof id !== 'string' || !ID.test(id)) throw new RecordError('learner.id must be 1 to 64 letters, digits, - or _');
    learner = { id, name: cleanName(name, 'learner.name') };
  } else throw new RecordError('learner is missing: give { "id", "name" } or a name');
  if (typeof body.lesson !== 'string' || !SLUG.test(body.lesson))
    throw new RecordError('lesson must be a lesson slug (lower-case letters, digits and -)');
  const at = body.at === undefined ? undefined : Date.parse(body.at);
  if (at !== undefined && !Number.isFinite(at)) throw new RecordError('at must be an ISO time');
  return {
    learner,
    lesson: body.lesson,
    progress: {
      cellsRun: count(body.cellsRun, 'cellsRun'),
      exercisesSolved: ids(body.exercisesSolved, 'exercisesSolved'),
      solutionsShown: ids(body.solutionsShown, 'solutionsShown'),
      hintsOpened: count(body.hintsOpened, 'hintsOpened'),
      questionsRight: count(body.questionsRight, 'questionsRight'),
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
export const isLoopback = (address) => LOOPBACK.has(address ?? '');

function sameKey(given, key) {
  if (typeof given !== 'string') return false;
  const [a, b] = [Buffer.from(given), Buffer.from(key)];
  return a.length === b.length && timingSafeEqual(a, b);
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-room-key',
  'access-control-allow-private-network': 'true',
  'access-control-max-age': '600',
};
const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function reply(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...NO_STORE,
    ...headers,
  });
  response.end(text);
}

/** The request's body as text, or 'too large' past `limit` bytes (it stops reading there). */
function readBody(request, limit) {
  return new Promise((done, fail) => {
    const declared = Number(request.headers['content-length']);
    if (declared > limit) return done('too large');
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        done('too large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

/**
 * A room: `handle(request, response)` answers the room's addresses and returns true, or returns
 * false for any other request (the site's). Options: `key` (default: a new one), `file` (state
 * kept there and read back at start), `rate` (posts per address per minute, default 120), `now`.
 */
export function createRoom({ key = newRoomKey(), file, rate = 120, now = () => Date.now() } = {}) {
  /** @type {Map<string, { id: string, name: string, lastSeen: number, lessons: Record<string, object> }>} */
  const learners = new Map();
  const posts = new Map();
  if (file) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      for (const learner of saved.learners ?? []) {
        const lessons = {};
        for (const [lesson, progress] of Object.entries(learner.lessons ?? {})) {
          const record = readRecord({ learner: { id: learner.id, name: learner.name }, lesson, ...progress });
          lessons[lesson] = { ...record.progress, updatedAt: Number(progress.updatedAt) || 0 };
        }
        if (learners.size < MAX_LEARNERS && ID.test(learner.id ?? ''))
          learners.set(learner.id, {
            id: learner.id,
            name: cleanName(learner.name, 'name'),
            lastSeen: Number(learner.lastSeen) || 0,
            lessons,
          });
      }
    } catch (error) {
      if (error.code !== 'ENOENT') throw new Error(`the room file ${file} could not be read: ${error.message}`);
    }
  }
  let writeTimer;
  /** The origins learners can reach this room at (set once the server listens), for the teacher's QR code. */
  let addresses = [];
  /** Writes the room file through a rename, so a crash mid-write never leaves half a file. */
  const write = () => {
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(state(), null, 1));
    renameSync(temporary, file);
  };
  const save = () => {
    if (!file || writeTimer) return;
    writeTimer = setTimeout(() => {
      writeTimer = undefined;
      write();
    }, 1000);
    writeTimer.unref?.();
  };

  function state() {
    return { learners: [...learners.values()].map((learner) => ({ ...learner, lessons: { ...learner.lessons } })) };
  }

  /** Whether `address` may post once more this minute. */
  function allowed(address) {
    const minute = Math.floor(now() / 60_000);
    const entry = posts.get(address);
    if (!entry || entry.minute !== minute) {
      if (posts.size > 10_000) posts.clear();
      posts.set(address, { minute, count: 1 });
      return true;
    }
    entry.count++;
    return entry.count <= rate;
  }

  function record(posted) {
    let learner = learners.get(posted.learner.id);
    if (!learner) {
      if (learners.size >= MAX_LEARNERS) return false;
      learner = { id: posted.learner.id, name: posted.learner.name, lastSeen: 0, lessons: {} };
      learners.set(learner.id, learner);
    }
    if (!(posted.lesson in learner.lessons) && Object.keys(learner.lessons).length >= MAX_LESSONS) return false;
    const time = now();
    const before = learner.lessons[posted.lesson];
    const changed = !before || JSON.stringify({ ...before, updatedAt: 0 }) !== JSON.stringify({ ...posted.progress, updatedAt: 0 });
    learner.name = posted.learner.name;
    learner.lastSeen = time;
    learner.lessons[posted.lesson] = { ...posted.progress, updatedAt: changed ? time : before.updatedAt };
    save();
    return true;
  }

  async function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://room');
    if (url.pathname === ROOM_PROGRESS) {
      if (request.method === 'OPTIONS') {
        response.writeHead(204, { ...CORS, ...NO_STORE }).end();
        return true;
      }
      if (request.method !== 'POST') {
        reply(response, 405, { error: 'POST a progress record here' }, { allow: 'POST, OPTIONS', ...CORS });
        return true;
      }
      if (!sameKey(request.headers['x-room-key'], key)) {
        request.resume();
        reply(response, 403, { error: 'wrong or missing room key (x-room-key)' }, CORS);
        return true;
      }
      if (!allowed(request.socket.remoteAddress ?? '')) {
        request.resume();
        reply(response, 429, { error: 'too many records from this address; wait a minute' }, { ...CORS, 'retry-after': '60' });
        return true;
      }
      const body = await readBody(request, MAX_BODY);
      if (body === 'too large') {
        reply(response, 413, { error: `a progress record is at most ${MAX_BODY} bytes` }, { ...CORS, connection: 'close' });
        return true;
      }
      let posted;
      try {
        posted = readRecord(JSON.parse(body));
      } catch (error) {
        const message = error instanceof RecordError ? error.message : 'the body is not JSON';
        reply(response, 400, { error: message }, CORS);
        return true;
      }
      if (!record(posted)) reply(response, 409, { error: 'the room is full' }, CORS);
      else reply(response, 200, { ok: true }, CORS);
      return true;
    }
    if (url.pathname === ROOM_STATE) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        reply(response, 405, { error: 'GET the room state' }, { allow: 'GET, HEAD' });
        return true;
      }
      const given = request.headers['x-room-key'] ?? url.searchParams.get('key') ?? undefined;
      if (!isLoopback(request.socket.remoteAddress) && !sameKey(given, key)) {
        reply(response, 403, { error: 'the room state needs the room key (x-room-key or ?key=), except from this computer' });
        return true;
      }
      // The teacher's own computer is told the key too: its page shows it, with the join link's QR
      // code. Only when it also asked for a loopback host: through a local proxy or a rebound DNS
      // name every request comes from loopback, and those must not learn the key.
      const hostname = String(request.headers.host ?? '').replace(/:\d+$/, '');
      const local = isLoopback(request.socket.remoteAddress) && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
      reply(response, 200, { ...state(), now: now(), addresses, ...(local ? { key } : {}) });
      return true;
    }
    return false;
  }

  /** Writes the room file now, if a write is waiting. */
  function flush() {
    if (!writeTimer) return;
    clearTimeout(writeTimer);
    writeTimer = undefined;
    write();
  }

  /** Origins (`http://192.168.1.5:4322`) where learners reach this room; the state's readers are told them. */
  function setAddresses(origins) {
    addresses = origins.filter((origin) => typeof origin === 'string').slice(0, 8);
  }

  return { key, handle, state, flush, setAddresses };
}

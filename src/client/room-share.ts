/**
 * Sharing progress with a workshop room, opt-in: nothing is sent before the learner joins. Once
 * joined (the room's origin and key, kept in this browser), every page of the lab sends the
 * records of the lessons whose progress changed, a moment after the change; when the room cannot
 * be reached it keeps quiet, keeps working and tries again. "Stop sharing" forgets the room.
 */
import { loadProgress, onProgress } from './progress-store.ts';
import { recordContent, roomRecords, type RoomLearner } from './room-records.ts';

const ROOM_KEY = 'lab:room';
const ID_KEY = 'lab:learner-id';
const DEBOUNCE_MS = 1500;
const RETRY_MS = 15_000;

export interface RoomLink {
  origin: string;
  key: string;
  name: string;
}
/** 'waiting': the room answers, and there is no progress to send yet. */
export type RoomStatus =
  | { state: 'off' }
  | { state: 'sending' | 'shared' | 'waiting' | 'unreachable' | 'refused'; room: RoomLink; detail?: string; at?: Date };

const listeners = new Set<(status: RoomStatus) => void>();
let status: RoomStatus = { state: 'off' };
const SENT_KEY = 'lab:room-sent';
/**
 * What each lesson's last record held, as the room acknowledged it: kept in this browser, so that
 * opening another page sends only what changed, not every lesson again (which would also run into
 * the room's per-minute limit). Joining again forgets it and sends everything.
 */
const sent = {
  read(): Record<string, string> {
    try {
      const saved = JSON.parse(localStorage.getItem(SENT_KEY) ?? '{}') as unknown;
      return saved && typeof saved === 'object' ? (saved as Record<string, string>) : {};
    } catch {
      return {};
    }
  },
  get: (lesson: string) => sent.read()[lesson],
  set(lesson: string, content: string) {
    localStorage.setItem(SENT_KEY, JSON.stringify({ ...sent.read(), [lesson]: content }));
  },
  get size() {
    return Object.keys(sent.read()).length;
  },
  clear: () => localStorage.removeItem(SENT_KEY),
};
let timer: ReturnType<typeof setTimeout> | undefined;

function setStatus(next: RoomStatus): void {
  status = next;
  for (const listener of listeners) listener(status);
}

export function currentRoom(): RoomLink | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(ROOM_KEY) ?? 'null') as Partial<RoomLink> | null;
    if (saved && typeof saved.origin === 'string' && typeof saved.key === 'string' && typeof saved.name === 'string')
      return saved as RoomLink;
  } catch {
    /* unreadable: not joined */
  }
  return undefined;
}

function learnerId(): string {
  let id = localStorage.getItem(ID_KEY);
  if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    // Not crypto.randomUUID: it exists only in secure contexts, and a lab the teacher serves on the network is plain http.
    id = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(ID_KEY, id);
  }
  return id;
}

function unreachable(room: RoomLink): void {
  setStatus({ state: 'unreachable', room });
  timer = setTimeout(() => void sendChanged(), RETRY_MS);
}

async function sendChanged(): Promise<void> {
  timer = undefined;
  const room = currentRoom();
  if (!room) return;
  const learner: RoomLearner = { id: learnerId(), name: room.name };
  const changed = roomRecords(loadProgress(), learner).filter((record) => sent.get(record.lesson) !== recordContent(record));
  if (!changed.length) {
    if (status.state === 'shared' || status.state === 'waiting') return setStatus({ ...status, at: new Date() });
    // Nothing to send yet: make sure the address is a room that answers, so a typo shows now.
    const answers = await fetch(`${room.origin}/room/progress`, { method: 'OPTIONS' }).then(
      (response) => response.status === 204,
      () => undefined,
    );
    if (answers === undefined) return unreachable(room);
    if (!answers) return setStatus({ state: 'refused', room, detail: 'that address answers, but it is not a workshop room' });
    return setStatus({ state: sent.size ? 'shared' : 'waiting', room, at: new Date() });
  }
  setStatus({ state: 'sending', room });
  for (const record of changed) {
    let response: Response;
    try {
      response = await fetch(`${room.origin}/room/progress`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-room-key': room.key },
        body: JSON.stringify(record),
      });
    } catch {
      return unreachable(room);
    }
    if (response.status === 403)
      return setStatus({ state: 'refused', room, detail: 'the room key is wrong: ask the teacher for it again' });
    if (!response.ok) {
      const detail = ((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`;
      setStatus({ state: 'refused', room, detail });
      if (response.status === 429) timer = setTimeout(() => void sendChanged(), RETRY_MS * 4);
      return;
    }
    sent.set(record.lesson, recordContent(record));
  }
  setStatus({ state: 'shared', room, at: new Date() });
}

function schedule(delay = DEBOUNCE_MS): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void sendChanged(), delay);
}

let started = false;
/** Sends progress to the room this browser joined (if any) whenever it changes. Call once per page. */
export function startRoomSharing(): void {
  if (started) return;
  started = true;
  onProgress(() => schedule());
  addEventListener('online', () => schedule(0));
  const room = currentRoom();
  if (room) {
    setStatus({ state: 'sending', room });
    schedule(0);
  }
}

export function joinRoom(room: RoomLink): void {
  localStorage.setItem(ROOM_KEY, JSON.stringify(room));
  sent.clear();
  setStatus({ state: 'sending', room });
  schedule(0);
}

export function leaveRoom(): void {
  localStorage.removeItem(ROOM_KEY);
  if (timer) clearTimeout(timer);
  timer = undefined;
  sent.clear();
  setStatus({ state: 'off' });
}

export function onRoomStatus(listener: (status: RoomStatus) => void): void {
  listeners.add(listener);
  listener(status);
}

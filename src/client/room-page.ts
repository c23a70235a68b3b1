/**
 * The teacher's page: polls the room's state (same origin, /room/state) every few seconds and
 * draws the grid. Opened on the teacher's own computer it needs no key; elsewhere the key comes
 * from ?key= or the form. Off a room server (a static host) it says how to start one.
 */
import { renderSVG } from 'uqr';
import type { RoomState, RoomStateReply } from '../shipped/workshop-room.d.mts';
import { roomJoin } from './room-join.ts';
import type { LessonTotals } from './progress-model.ts';
import { ago, roomView, type RoomSort } from './room-view.ts';

const POLL_MS = 3000;
const lessons = JSON.parse(document.getElementById('lesson-totals')!.textContent!) as LessonTotals[];
const page = document.querySelector<HTMLElement>('.room-page')!;
const live = page.querySelector<HTMLElement>('.room-live')!;
const joinInfo = page.querySelector<HTMLElement>('.room-join-info')!;
const keyForm = page.querySelector<HTMLFormElement>('.room-key-form')!;
const stuckInput = page.querySelector<HTMLInputElement>('input[name="stuck-minutes"]')!;
const sortSelect = page.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const grid = page.querySelector<HTMLTableElement>('.room-grid')!;
const exercisesBody = page.querySelector<HTMLTableSectionElement>('.room-exercises tbody')!;
const base = document.body.dataset.base ?? '/';

let key = new URLSearchParams(location.search).get('key') ?? '';
let state: RoomState | undefined;
let addresses: string[] = [];
let shownJoin = '';
let stateTime = Date.now();
let pollTimer: ReturnType<typeof setTimeout> | undefined;

function cell(tag: 'td' | 'th', text: string, attrs: Record<string, string> = {}): HTMLTableCellElement {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/** The address, the key, and a QR code of the link that opens this computer's lab with both filled in. */
function showJoinInfo(): void {
  const join = roomJoin({ pageOrigin: location.origin, addresses, key, base });
  const shown = JSON.stringify(join);
  if (shown === shownJoin) return; // polled every few seconds: redraw only on a change
  shownJoin = shown;
  joinInfo.hidden = !join.servedLink;
  if (!join.servedLink) return;
  const qr = joinInfo.querySelector<HTMLElement>('.room-qr-code')!;
  // uqr writes the SVG from the link alone (no markup from anyone else goes in); dark on light in both schemes, as scanners expect.
  qr.innerHTML = renderSVG(join.servedLink, { border: 2, pixelSize: 8 });
  qr.querySelector('svg')?.setAttribute('role', 'img');
  qr.querySelector('svg')?.setAttribute('aria-label', `QR code of ${join.servedLink}`);
  joinInfo.querySelector<HTMLElement>('.room-address')!.textContent = join.address!;
  joinInfo.querySelector<HTMLElement>('.room-key')!.textContent = key;
  const served = joinInfo.querySelector<HTMLAnchorElement>('.room-served-link')!;
  served.href = served.textContent = join.servedLink;
  joinInfo.querySelector<HTMLElement>('.room-own-link')!.textContent = join.ownLabLink!;
}

function draw(): void {
  if (!state) return;
  const stuckMinutes = Math.max(1, Number(stuckInput.value) || 10);
  const view = roomView(state, lessons, stateTime, { stuckMinutes, sort: sortSelect.value as RoomSort });
  const head = document.createElement('tr');
  head.append(cell('th', 'Learner', { scope: 'col' }), cell('th', 'Last seen', { scope: 'col' }));
  for (const lesson of view.lessons)
    head.append(cell('th', `${String(lessons.indexOf(lesson)).padStart(2, '0')} ${lesson.title}`, { scope: 'col' }));
  grid.tHead!.replaceChildren(head);
  const body = view.rows.map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.learner = row.id;
    tr.append(cell('th', row.name, { scope: 'row' }), cell('td', ago(stateTime - row.lastSeen)));
    for (const lesson of view.lessons) {
      const progress = row.cells[lesson.slug];
      if (!progress) {
        tr.append(cell('td', '—', { 'aria-label': 'not started' }));
        continue;
      }
      const td = cell('td', `${progress.cells[0]}/${progress.cells[1]} cells`);
      td.dataset.lesson = lesson.slug;
      const parts = [];
      if (progress.exercises[1]) parts.push(`${progress.exercises[0]}/${progress.exercises[1]} exercises`);
      if (progress.hints) parts.push(`${progress.hints} hint${progress.hints === 1 ? '' : 's'}`);
      if (progress.solutionsShown) parts.push(`${progress.solutionsShown} solution${progress.solutionsShown === 1 ? '' : 's'} opened`);
      if (parts.length)
        td.append(Object.assign(document.createElement('span'), { className: 'room-cell-note', textContent: parts.join(' · ') }));
      if (progress.stuck) {
        td.classList.add('stuck');
        td.append(
          Object.assign(document.createElement('span'), {
            className: 'room-cell-note stuck-flag',
            textContent: `stuck? no progress for ${progress.idleMinutes} min`,
          }),
        );
      }
      tr.append(td);
    }
    return tr;
  });
  grid.tBodies[0]!.replaceChildren(...body);
  exercisesBody.replaceChildren(
    ...view.exercises.map((row) => {
      const tr = document.createElement('tr');
      tr.append(cell('td', row.title), cell('td', row.exercise), cell('td', String(row.solved)), cell('td', String(row.solutionShown)));
      return tr;
    }),
  );
  const stuck = view.rows.filter((row) => Object.values(row.cells).some((c) => c.stuck)).length;
  live.dataset.state = 'live';
  live.textContent = `Live: ${view.rows.length} learner${view.rows.length === 1 ? '' : 's'}${stuck ? `, ${stuck} perhaps stuck` : ''}; updated ${new Date().toLocaleTimeString()}.`;
}

async function poll(): Promise<void> {
  try {
    const response = await fetch(`/room/state${key ? `?key=${encodeURIComponent(key)}` : ''}`, { cache: 'no-store' });
    if (response.status === 403) {
      live.dataset.state = 'error';
      live.textContent = key
        ? 'That key is not this room’s: type the key serve.mjs printed.'
        : 'This room needs its key: type the key serve.mjs printed.';
      keyForm.hidden = false;
      return;
    }
    if (!response.ok || !response.headers.get('content-type')?.startsWith('application/json')) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as Partial<RoomStateReply> & RoomState;
    state = body;
    addresses = Array.isArray(body.addresses) ? body.addresses.filter((a) => typeof a === 'string') : [];
    if (typeof body.key === 'string') key = body.key; // told only to this computer, and truer than an old ?key=
    showJoinInfo();
    stateTime = typeof body.now === 'number' ? body.now : Date.now();
    keyForm.hidden = true;
    draw();
  } catch {
    live.dataset.state = 'error';
    live.textContent = state
      ? `The room stopped answering; showing what it said at ${new Date(stateTime).toLocaleTimeString()}. Trying again…`
      : 'No room here. Start the lab with node serve.mjs --room (in the workshop kit) and open this page from the address it prints.';
  } finally {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(() => void poll(), POLL_MS);
  }
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  key = keyForm.querySelector<HTMLInputElement>('input[name="key"]')!.value.trim();
  showJoinInfo();
  void poll();
});
stuckInput.addEventListener('input', draw);
sortSelect.addEventListener('change', draw);
showJoinInfo();
void poll();

/**
 * The index's "Workshop room" panel: join with the address and key the teacher gives (or a link
 * carrying them, ?room=…&key=…, which fills the form but never joins by itself), see what is
 * shared and whether the room heard it, and stop sharing.
 */
import { roomOrigin } from './room-records.ts';
import { currentRoom, joinRoom, leaveRoom, onRoomStatus, startRoomSharing, type RoomStatus } from './room-share.ts';
import { loadProgress } from './progress-store.ts';

const panel = document.querySelector<HTMLElement>('.room-panel');
if (panel) {
  const form = panel.querySelector<HTMLFormElement>('.room-join')!;
  const field = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const statusLine = panel.querySelector<HTMLElement>('.room-status')!;
  const leave = panel.querySelector<HTMLButtonElement>('[data-action="leave-room"]')!;

  const link = new URLSearchParams(location.search);
  const joined = currentRoom();
  field('room-address').value = link.get('room') ?? joined?.origin ?? '';
  field('room-key').value = link.get('key') ?? joined?.key ?? '';
  field('room-name').value = joined?.name ?? loadProgress().learner ?? '';

  const describe = (status: RoomStatus): string => {
    if (status.state === 'off')
      return link.get('room') ? 'Not sharing yet: check the address and key, type your name, and join.' : 'Not sharing.';
    const where = status.room.origin;
    switch (status.state) {
      case 'sending':
        return `Sharing with the room at ${where} as ${status.room.name}: sending…`;
      case 'waiting':
        return `Joined the room at ${where} as ${status.room.name}. Nothing to send yet: your progress goes there as you run cells.`;
      case 'shared':
        return `Sharing with the room at ${where} as ${status.room.name}: up to date (${status.at?.toLocaleTimeString()}).`;
      case 'unreachable':
        return `Sharing with the room at ${where} as ${status.room.name}: the room cannot be reached now; the lab keeps working and tries again.`;
      case 'refused':
        return `The room at ${where} refused your progress: ${status.detail}.`;
    }
  };
  onRoomStatus((status) => {
    statusLine.textContent = describe(status);
    statusLine.dataset.state = status.state;
    leave.hidden = status.state === 'off';
    form.hidden = status.state !== 'off' && status.state !== 'refused' && status.state !== 'unreachable';
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const origin = roomOrigin(field('room-address').value, location.protocol);
    if ('error' in origin) {
      statusLine.textContent = origin.error;
      statusLine.dataset.state = 'error';
      return;
    }
    const key = field('room-key').value.trim();
    const name = field('room-name').value.trim();
    if (!key || !name) {
      statusLine.textContent = !key ? 'Type the room key the teacher gave.' : 'Type your name, as the teacher will see it.';
      statusLine.dataset.state = 'error';
      return;
    }
    joinRoom({ origin: origin.origin, key, name: name.slice(0, 40) });
  });
  leave.addEventListener('click', () => leaveRoom());
}
startRoomSharing();

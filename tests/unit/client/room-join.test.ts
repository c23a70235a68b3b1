/** How learners reach a room, as the teacher's page works it out. */
import { describe, expect, it } from 'vitest';
import { roomJoin } from '../../../src/client/room-join.ts';

describe('joining a room', () => {
  const key = 'k-123';
  it("uses the page's own address when it was opened from the network", () => {
    const join = roomJoin({ pageOrigin: 'http://192.168.1.5:4322', addresses: ['http://10.0.0.2:4322'], key, base: '/lab/' });
    expect(join).toEqual({
      address: 'http://192.168.1.5:4322',
      servedLink: 'http://192.168.1.5:4322/lab/?room=http%3A%2F%2F192.168.1.5%3A4322&key=k-123',
      ownLabLink: 'http://localhost:4322/lab/?room=http%3A%2F%2F192.168.1.5%3A4322&key=k-123',
    });
  });

  it("on the teacher's own computer, the first network address the room reports, never a loopback one", () => {
    for (const pageOrigin of ['http://localhost:4322', 'http://127.0.0.1:4322', 'http://[::1]:4322']) {
      const join = roomJoin({ pageOrigin, addresses: ['http://127.0.0.1:4322', 'http://192.168.1.5:4322'], key, base: '/' });
      expect(join.address).toBe('http://192.168.1.5:4322');
      expect(join.servedLink).toBe('http://192.168.1.5:4322/?room=http%3A%2F%2F192.168.1.5%3A4322&key=k-123');
    }
  });

  it('offers no link when nobody else can reach the room, or without the key', () => {
    expect(roomJoin({ pageOrigin: 'http://localhost:4322', addresses: ['http://127.0.0.1:4322'], key, base: '/' })).toEqual({
      address: undefined,
    });
    expect(roomJoin({ pageOrigin: 'http://192.168.1.5:4322', addresses: [], key: '', base: '/' }).servedLink).toBeUndefined();
  });
});

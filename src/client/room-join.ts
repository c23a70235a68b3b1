/**
 * How learners reach a room, worked out for the teacher's page: the room's network address (the
 * page's own origin when it was opened by one; else the first the server reports, since
 * `localhost` means the learner's computer on theirs), the link that opens the lab this
 * computer serves and fills the join form (the QR code), and the link for learners who run their
 * own lab on localhost. Pure, so it is tested without a page.
 */
const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

export interface RoomJoin {
  /** The address learners type, e.g. `http://192.168.1.5:4322`; undefined when nobody else can reach the room. */
  address?: string;
  /** Opens the lab served by the teacher's computer with the room filled in (what the QR code holds). */
  servedLink?: string;
  /** Opens a learner's own lab (the kit's serve.mjs on their localhost) with the room filled in. */
  ownLabLink?: string;
}

export function roomJoin(options: {
  pageOrigin: string;
  addresses: readonly string[];
  key: string;
  base: string;
  ownLabPort?: number;
}): RoomJoin {
  const { pageOrigin, addresses, key, base } = options;
  const pageHost = new URL(pageOrigin).hostname;
  const address = LOOPBACK.test(pageHost) ? addresses.find((a) => !LOOPBACK.test(new URL(a).hostname)) : pageOrigin;
  if (!address || !key) return { address };
  const query = `?room=${encodeURIComponent(address)}&key=${encodeURIComponent(key)}`;
  return {
    address,
    servedLink: `${address}${base}${query}`,
    ownLabLink: `http://localhost:${options.ownLabPort ?? 4322}${base}${query}`,
  };
}

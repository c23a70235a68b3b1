/** Types of workshop-serve.mjs, the lab's one static server (plain JavaScript: the kit ships it as serve.mjs). */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function handler(root: string, base: string): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
export function builtBase(dir: string): string | undefined;
export function argumentError(error: Error): string;
export function portFrom(raw: string | undefined, fallback: number): number | string;
export function withRoom(
  room: { handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> },
  site: (request: IncomingMessage, response: ServerResponse) => void,
): (request: IncomingMessage, response: ServerResponse) => void;

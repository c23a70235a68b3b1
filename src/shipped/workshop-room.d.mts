/** Types of workshop-room.mjs, the workshop room (plain JavaScript: the kit ships it beside serve.mjs). */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const ROOM_PROGRESS: string;
export const ROOM_STATE: string;
export const MAX_BODY: number;

export interface LessonProgress {
  cellsRun: number;
  exercisesSolved: string[];
  solutionsShown: string[];
  hintsOpened: number;
  questionsRight: number;
  /** When this lesson's record last changed (ms since 1970), by the server's clock. */
  updatedAt: number;
}
export interface RoomLearner {
  id: string;
  name: string;
  /** When the learner last posted (ms since 1970), by the server's clock. */
  lastSeen: number;
  lessons: Record<string, LessonProgress>;
}
export interface RoomState {
  learners: RoomLearner[];
}
/** What GET /room/state answers: the state, the server's clock, where learners reach the room, and (to this computer only) its key. */
export interface RoomStateReply extends RoomState {
  now: number;
  addresses: string[];
  key?: string;
}
export interface Room {
  key: string;
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  state(): RoomState;
  /** Writes the room file now, if a write is pending. */
  flush(): void;
  /** Origins (`http://192.168.1.5:4322`) where learners reach this room, told to the teacher's page. */
  setAddresses(origins: string[]): void;
}

export function newRoomKey(): string;
export function isLoopback(address: string | undefined): boolean;
export function readRecord(body: unknown): {
  learner: { id: string; name: string };
  lesson: string;
  progress: Omit<LessonProgress, 'updatedAt'>;
};
export function createRoom(options?: { key?: string; file?: string; rate?: number; now?: () => number }): Room;

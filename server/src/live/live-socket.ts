import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';

export interface LiveSocketData {
  user: AuthUser;
  rooms: string[];
  /** When the socket's access token expires: the socket is closed then unless renewed. */
  expiresAt: Date;
  expiryTimer?: NodeJS.Timeout;
}

export type LiveServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;

/** Every socket of a session sits in its room, so ending the session can find them. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

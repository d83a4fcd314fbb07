import { io, type Socket } from 'socket.io-client';
import { isResumePoint, type LiveEventType } from '@whistle/shared';
import type { Caller } from './http';
import type { LogLine } from './protocol';

export interface ScreenSocketOptions {
  url: string;
  /** The screen's name in the log. */
  name: string;
  caller: Caller;
  /** Where it resumes from before it has received anything. */
  watermark: string;
  write: (line: LogLine) => void;
  /** Each event once (deduped by id), with its type. */
  onEvent: (type: string, payload: unknown) => void;
  /** Pause before connecting again after the server closed the socket or refused it. */
  retryMs: number;
  /** socket.io's own reconnection backoff, from the first to the longest delay. */
  backoffMs: [number, number];
  /** Background work to keep track of (a sign-in before reconnecting). */
  track: (work: Promise<unknown>) => void;
}

/**
 * A screen's live socket, kept the way the dashboard keeps it: it resumes from the newest event id
 * it holds, connects again after a server-side close, and signs in again when the handshake
 * refuses its token. Every event and connection change is logged for the auditor.
 */
export function screenSocket(options: ScreenSocketOptions): Socket {
  const { name, caller, write } = options;
  let lastEventId = options.watermark;
  const seen = new Set<string>();
  const socket = io(options.url, {
    transports: ['websocket'],
    reconnectionDelay: options.backoffMs[0],
    reconnectionDelayMax: options.backoffMs[1],
    auth: (cb) => cb({ token: caller.accessToken, lastEventId }),
  });
  const conn = (what: 'connect' | 'disconnect' | 'truncated' | 'refused', detail?: string) =>
    write({ k: 'conn', s: name, what, detail, at: Date.now() });
  const later = (ms: number) => {
    setTimeout(() => socket.connect(), ms);
  };
  socket.onAny((type: string, envelope: { id?: string; payload?: unknown; lastEventId?: string | null }) => {
    if (type === 'replay.truncated') {
      conn('truncated', envelope.lastEventId ?? undefined);
      if (envelope.lastEventId && BigInt(envelope.lastEventId) > BigInt(lastEventId))
        lastEventId = envelope.lastEventId;
      return;
    }
    if (!envelope?.id) return;
    write({ k: 'ev', s: name, id: envelope.id, type });
    // Like the dashboard: it resumes from the newest event of the log (not a pushed summary's id).
    if (isResumePoint(type as LiveEventType) && BigInt(envelope.id) > BigInt(lastEventId))
      lastEventId = envelope.id;
    if (seen.has(envelope.id)) return;
    seen.add(envelope.id);
    options.onEvent(type, envelope.payload);
  });
  socket.on('connect', () => conn('connect'));
  socket.on('disconnect', (reason) => {
    conn('disconnect', reason);
    // socket.io does not come back by itself after the server closed the socket.
    if (reason === 'io server disconnect') later(options.retryMs);
  });
  socket.on('connect_error', (err) => {
    conn('refused', err.message);
    if (socket.active) return;
    // Refused by the handshake (a token that expired, the database away): sign in again, retry.
    const signIn = err.message === 'unauthorized' ? caller.login() : Promise.resolve();
    options.track(signIn.then(() => later(options.retryMs)));
  });
  return socket;
}

import { io, type Socket } from 'socket.io-client';
import {
  LIVE_EVENT_TYPES,
  type ClientToServerEvents,
  type LiveEvent,
  type ServerToClientEvents,
  type SocketAuth,
} from '@whistle/shared';
import type { AnyLiveEvent, LiveSocket } from './types';

/** An unanswered renewal counts as refused: the store then refreshes and reconnects. */
const RENEW_TIMEOUT_MS = 10_000;

/** Adapts a socket.io client socket, typed from the shared event map, to the store's LiveSocket. */
export function createSocket(auth: SocketAuth): LiveSocket {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    auth,
    autoConnect: false,
    transports: ['websocket'],
    // Unattended wall screens: keep trying forever, but back off so a dead server is not hammered.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
  return {
    get auth() {
      return socket.auth as SocketAuth;
    },
    set auth(value: SocketAuth) {
      socket.auth = { ...value };
    },
    onEvent(listener) {
      // socket.io's typed `on` cannot take a union of event names; every live event shares one
      // envelope, so the loop registers through an untyped view and the store narrows by `type`.
      const untyped = socket as unknown as { on(type: string, handler: (event: LiveEvent) => void): void };
      for (const type of LIVE_EVENT_TYPES) untyped.on(type, (event) => listener(event as AnyLiveEvent));
    },
    onReplayDone(listener) {
      socket.on('replay.done', () => listener());
    },
    onReplayTruncated(listener) {
      socket.on('replay.truncated', listener);
    },
    onConnect(listener) {
      socket.on('connect', listener);
    },
    onDisconnect(listener) {
      // After a server-side disconnect socket.io does not retry by itself; the store reconnects.
      socket.on('disconnect', (reason) =>
        listener(reason !== 'io server disconnect' && reason !== 'io client disconnect'),
      );
    },
    onReconnectAttempt(listener) {
      socket.io.on('reconnect_attempt', listener);
    },
    onConnectError(listener) {
      socket.on('connect_error', (error) => listener(error.message, socket.active));
    },
    renew: (token) =>
      socket
        .timeout(RENEW_TIMEOUT_MS)
        .emitWithAck('auth.renew', token)
        .catch(() => ({ ok: false as const, error: 'no answer' })),
    connect: () => void socket.connect(),
    disconnect: () => void socket.disconnect(),
  };
}

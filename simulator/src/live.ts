import {
  type ClientToServerEvents,
  compareEventIds,
  LIVE_EVENT_TYPES,
  type LiveEvent,
  type LiveEventType,
  type ServerToClientEvents,
} from '@whistle/shared';
import { io, type Socket } from 'socket.io-client';

export type LiveHandler = (event: LiveEvent) => void;

/**
 * One bot's live channel. On every (re)connect it sends the last event id it has handled, so the
 * server replays what was missed; ids already seen are dropped, as the contract asks of clients.
 */
export class LiveConnection {
  private lastEventId: string | undefined;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private connectedOnce = false;
  private sentToken: string | undefined;
  private readonly renewTimer: NodeJS.Timeout;

  constructor(
    baseUrl: string,
    token: () => Promise<string>,
    private readonly name: string,
    handler: LiveHandler,
    hooks: { onReconnect: (name: string) => void; onError: (name: string, message: string) => void },
  ) {
    this.socket = io(baseUrl, {
      transports: ['websocket'],
      // A function, so each reconnect sends the id reached by then and a fresh token.
      auth: (cb) => {
        void token().then(
          (t) => {
            this.sentToken = t;
            cb(this.lastEventId ? { token: t, lastEventId: this.lastEventId } : { token: t });
          },
          () => cb({}),
        );
      },
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    this.socket.on('connect', () => {
      if (this.connectedOnce) hooks.onReconnect(this.name);
      this.connectedOnce = true;
    });
    this.socket.on('connect_error', (err) => hooks.onError(this.name, err.message));
    // The server closes a socket whose token expired or whose session ended; come back with a fresh one.
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 1_000);
    });
    // A socket lives as long as its access token: hand the server each renewed token in time.
    this.renewTimer = setInterval(() => {
      if (!this.socket.connected) return;
      void token().then(
        (t) => {
          if (t === this.sentToken) return;
          this.sentToken = t;
          this.socket.emit('auth.renew', t, () => undefined);
        },
        () => undefined,
      );
    }, 30_000);
    this.renewTimer.unref();
    for (const type of LIVE_EVENT_TYPES) {
      // Every event type carries the same envelope; the handler narrows by `type`.
      (this.socket as unknown as Socket<Record<LiveEventType, (e: LiveEvent) => void>>).on(type, (event) => {
        if (this.lastEventId && compareEventIds(event.id, this.lastEventId) <= 0) return;
        this.lastEventId = event.id;
        handler(event);
      });
    }
  }

  /** Resolves once connected (or after the timeout, leaving socket.io to keep trying). */
  ready(timeoutMs: number): Promise<boolean> {
    if (this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  close(): void {
    clearInterval(this.renewTimer);
    this.socket.close();
  }
}

/** Narrows an envelope to one event type. */
export function isEvent<T extends LiveEventType>(event: LiveEvent, type: T): event is LiveEvent<T> {
  return event.type === type;
}

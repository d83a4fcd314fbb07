import { compareEventIds } from '@whistle/shared';
import type { AnyLiveEvent, ConnectionState, LiveSocket } from './types';

export type BatchListener = (events: readonly AnyLiveEvent[]) => void;
type StateListener = () => void;

export interface LiveStoreOptions {
  token: string;
  createSocket: (auth: LiveSocket['auth']) => LiveSocket;
  /** Schedules a batch flush; requestAnimationFrame in the browser, a manual tick in tests. */
  scheduleFlush?: (flush: () => void) => void;
  now?: () => number;
  /** How many recent ids to remember for dropping duplicates; bounded so memory stays flat for days. */
  seenLimit?: number;
  /** After this long without a connection the indicator turns from amber (reconnecting) to red (offline). */
  offlineAfterMs?: number;
  /** Delay before reconnecting after the server itself closed the socket (socket.io will not retry then). */
  serverCloseRetryMs?: number;
}

/**
 * The one live connection of the dashboard. It remembers the newest event id so every reconnect
 * asks the server for exactly what was missed, drops ids it has already seen (replays overlap live
 * delivery), and hands events to subscribers in one batch per animation frame so 50 events/s cost
 * one render, not fifty.
 */
export class LiveStore {
  private readonly socket: LiveSocket;
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<BatchListener>();
  private readonly stateListeners = new Set<StateListener>();
  private pending: AnyLiveEvent[] = [];
  private flushScheduled = false;
  private offlineTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private state: ConnectionState;
  private readonly now: () => number;
  private readonly scheduleFlush: (flush: () => void) => void;
  private readonly seenLimit: number;
  private readonly offlineAfterMs: number;
  private readonly serverCloseRetryMs: number;
  private stopped = false;

  constructor(private readonly options: LiveStoreOptions) {
    this.now = options.now ?? Date.now;
    this.scheduleFlush = options.scheduleFlush ?? ((flush) => requestAnimationFrame(flush));
    this.seenLimit = options.seenLimit ?? 5000;
    this.offlineAfterMs = options.offlineAfterMs ?? 15_000;
    this.serverCloseRetryMs = options.serverCloseRetryMs ?? 2000;
    this.state = { status: 'connecting', since: this.now(), lastEventId: null };
    this.socket = options.createSocket(this.auth());
    this.socket.onEvent((event) => this.receive(event));
    this.socket.onConnect(() => this.setStatus('live'));
    this.socket.onReplayDone(() => this.setStatus('live'));
    this.socket.onDisconnect((willReconnect) => this.lost(willReconnect));
    // The socket's auth is sent on every (re)connect, so refresh it with the newest id first.
    this.socket.onReconnectAttempt(() => this.refreshAuth());
  }

  start(): void {
    this.stopped = false;
    this.refreshAuth();
    this.socket.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.socket.disconnect();
  }

  /** Receives every batch of new events; returns the unsubscribe function. */
  subscribe(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For useSyncExternalStore: the state object changes identity only when it changes. */
  subscribeState = (listener: StateListener): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  getState = (): ConnectionState => this.state;

  /** Exposed for tests and the adapter; events normally arrive through the socket. */
  receive(event: AnyLiveEvent): void {
    if (this.seen.has(event.id)) return;
    this.remember(event.id);
    const last = this.state.lastEventId;
    if (last === null || compareEventIds(event.id, last) > 0) {
      this.state = { ...this.state, lastEventId: event.id };
      this.refreshAuth();
    }
    this.pending.push(event);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.scheduleFlush(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    for (const listener of this.listeners) listener(batch);
    // lastEventId is part of the state the indicator may show; notify once per batch, not per event.
    this.emitState();
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > this.seenLimit) {
      // A Set iterates in insertion order, so the first id is the oldest one.
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private auth(): LiveSocket['auth'] {
    const { lastEventId } = this.state;
    return lastEventId === null ? { token: this.options.token } : { token: this.options.token, lastEventId };
  }

  private refreshAuth(): void {
    this.socket.auth = this.auth();
  }

  private lost(willReconnect: boolean): void {
    if (this.stopped) return;
    this.clearTimers();
    this.setStatus('reconnecting');
    this.offlineTimer = setTimeout(() => this.setStatus('offline'), this.offlineAfterMs);
    if (!willReconnect) {
      this.retryTimer = setTimeout(() => {
        this.refreshAuth();
        this.socket.connect();
      }, this.serverCloseRetryMs);
    }
  }

  private setStatus(status: ConnectionState['status']): void {
    if (status === 'live') this.clearTimers();
    if (this.state.status === status) return;
    this.state = { ...this.state, status, since: this.now() };
    this.emitState();
  }

  private clearTimers(): void {
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.offlineTimer = null;
    this.retryTimer = null;
  }

  private emitState(): void {
    for (const listener of this.stateListeners) listener();
  }
}

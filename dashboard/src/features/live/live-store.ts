import { compareEventIds, isResumePoint } from '@whistle/shared';
import type { AnyLiveEvent, ConnectionState, LiveSocket } from './types';

export type BatchListener = (events: readonly AnyLiveEvent[]) => void;
type StateListener = () => void;
/** The events missed while away were not replayed: whatever was built from them must be refetched. */
export type ResyncListener = () => void;

export interface LiveStoreOptions {
  token: string;
  createSocket: (auth: LiveSocket['auth']) => LiveSocket;
  /**
   * A fresh access token after the server refused this one (handshake or renewal), or null when the
   * session has ended (the app then signs out and stops the store). Throws when it cannot tell.
   */
  refreshToken?: () => Promise<string | null>;
  /** Schedules a batch flush; requestAnimationFrame in the browser, a manual tick in tests. */
  scheduleFlush?: (flush: () => void) => void;
  now?: () => number;
  /** How many recent ids to remember for dropping duplicates; bounded so memory stays flat for days. */
  seenLimit?: number;
  /** After this long without a connection the indicator turns from amber (reconnecting) to red (offline). */
  offlineAfterMs?: number;
  /** Delay before reconnecting after the server itself closed the socket (socket.io will not retry then). */
  serverCloseRetryMs?: number;
  /** Delay before asking again when the server could not check a renewal (its database was down). */
  renewRetryMs?: number;
}

/**
 * A renewal's answer when the server could not check the session just then (server/src/live/
 * socket-outage.ts): nothing is wrong with the token or the session.
 */
const RENEWAL_UNAVAILABLE = 'unavailable';

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
  private readonly resyncListeners = new Set<ResyncListener>();
  private pending: AnyLiveEvent[] = [];
  private flushScheduled = false;
  private offlineTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | null = null;
  private state: ConnectionState;
  private readonly now: () => number;
  private readonly scheduleFlush: (flush: () => void) => void;
  private readonly seenLimit: number;
  private readonly offlineAfterMs: number;
  private readonly serverCloseRetryMs: number;
  private readonly renewRetryMs: number;
  private stopped = false;
  private token: string;
  private connected = false;
  /** A token refresh for the socket is under way; the reconnect waits for it. */
  private recovering = false;
  /** The store itself is closing the socket to reopen it: that is no lost connection. */
  private restarting = false;
  private lastRecoveryAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: LiveStoreOptions) {
    this.now = options.now ?? Date.now;
    this.scheduleFlush = options.scheduleFlush ?? ((flush) => requestAnimationFrame(flush));
    this.seenLimit = options.seenLimit ?? 5000;
    this.offlineAfterMs = options.offlineAfterMs ?? 15_000;
    this.serverCloseRetryMs = options.serverCloseRetryMs ?? 2000;
    this.renewRetryMs = options.renewRetryMs ?? 5000;
    this.token = options.token;
    this.state = { status: 'connecting', since: this.now(), lastEventId: null };
    this.socket = options.createSocket(this.auth());
    this.socket.onEvent((event) => this.receive(event));
    this.socket.onConnect(() => {
      this.connected = true;
      this.setStatus('live');
    });
    this.socket.onReplayDone(() => this.setStatus('live'));
    this.socket.onReplayTruncated((info) => this.truncated(info.lastEventId));
    this.socket.onDisconnect((willReconnect) => {
      this.connected = false;
      // The next handshake carries the newest token; no renewal is owed on a closed socket.
      this.clearRenewTimer();
      if (!this.restarting) this.lost(willReconnect);
    });
    this.socket.onConnectError((message, willRetry) => this.refused(message, willRetry));
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
    this.clearRenewTimer();
    this.socket.disconnect();
  }

  /**
   * The session renewed its access token: the open socket takes it over in place (no reconnect, no
   * replay); a closed one sends it with its next handshake. A refused renewal reconnects.
   */
  renewToken(token: string): void {
    this.token = token;
    this.refreshAuth();
    this.clearRenewTimer();
    if (!this.connected) return;
    this.renewOpenSocket(token);
  }

  private renewOpenSocket(token: string): void {
    void this.socket.renew(token).then((result) => {
      // An answer for a token since replaced, or lost with its connection, is moot.
      if (result.ok || this.token !== token || !this.connected || this.stopped) return;
      // The server could not check the session (its database is down): no reason to doubt the
      // token or end anything. The socket keeps its current token meanwhile; ask again later.
      if (result.error === RENEWAL_UNAVAILABLE) {
        this.renewTimer = setTimeout(() => this.renewOpenSocket(token), this.renewRetryMs);
        return;
      }
      this.recoverAuth();
    });
  }

  /** Receives every batch of new events; returns the unsubscribe function. */
  subscribe(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Called when the server did not replay what this client missed (too many events, or from too
   * long ago): views must refetch. Returns the unsubscribe function.
   */
  subscribeResync(listener: ResyncListener): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
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
    if (isResumePoint(event.type) && (last === null || compareEventIds(event.id, last) > 0)) {
      this.state = { ...this.state, lastEventId: event.id };
      this.refreshAuth();
    }
    this.pending.push(event);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.scheduleFlush(() => this.flush());
    }
  }

  /**
   * The gap was skipped, not replayed: resume from the server's newest id (else the next reconnect
   * would ask for the same gap again) and have the views refetch what it held.
   */
  private truncated(newest: string | null): void {
    const last = this.state.lastEventId;
    if (newest !== null && (last === null || compareEventIds(newest, last) > 0)) {
      this.state = { ...this.state, lastEventId: newest };
      this.refreshAuth();
      this.emitState();
    }
    for (const listener of this.resyncListeners) listener();
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
    return lastEventId === null ? { token: this.token } : { token: this.token, lastEventId };
  }

  private refreshAuth(): void {
    this.socket.auth = this.auth();
  }

  private lost(willReconnect: boolean): void {
    if (this.stopped) return;
    this.markLost();
    // While a token refresh runs, its end reconnects; a timer of our own would race it.
    if (!willReconnect && !this.recovering) {
      this.retryTimer = setTimeout(() => {
        this.refreshAuth();
        this.socket.connect();
      }, this.serverCloseRetryMs);
    }
  }

  private markLost(): void {
    this.clearTimers();
    this.setStatus('reconnecting');
    this.offlineTimer = setTimeout(() => this.setStatus('offline'), this.offlineAfterMs);
  }

  /** A refused handshake: a stale token is refreshed first; other refusals are retried after a pause. */
  private refused(message: string, willRetry: boolean): void {
    if (this.stopped || willRetry) return; // socket.io retries low-level failures by itself
    if (message === 'unauthorized' && this.options.refreshToken) this.recoverAuth();
    else this.lost(false);
  }

  /** Gets a fresh token from the session, then opens the socket again with it. */
  private recoverAuth(): void {
    const refreshToken = this.options.refreshToken;
    if (this.stopped || this.recovering || !refreshToken) return;
    // A server that keeps refusing fresh tokens must not make every tab rotate its cookie in a loop.
    if (this.now() - this.lastRecoveryAt < this.serverCloseRetryMs) {
      this.lost(false);
      return;
    }
    this.lastRecoveryAt = this.now();
    this.recovering = true;
    this.markLost();
    refreshToken().then(
      (token) => {
        this.recovering = false;
        // null: the session is over and the app is signing out, which stops this store.
        if (this.stopped || token === null) return;
        this.token = token;
        this.restart();
      },
      () => {
        this.recovering = false;
        this.lost(false); // the server could not be reached: try again later
      },
    );
  }

  private restart(): void {
    this.restarting = true;
    this.socket.disconnect();
    this.restarting = false;
    this.clearRetryTimer();
    this.refreshAuth();
    this.socket.connect();
  }

  private setStatus(status: ConnectionState['status']): void {
    if (status === 'live') this.clearTimers();
    if (this.state.status === status) return;
    this.state = { ...this.state, status, since: this.now() };
    this.emitState();
  }

  private clearTimers(): void {
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    this.offlineTimer = null;
    this.clearRetryTimer();
  }

  private clearRenewTimer(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.renewTimer = null;
  }

  private clearRetryTimer(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private emitState(): void {
    for (const listener of this.stateListeners) listener();
  }
}

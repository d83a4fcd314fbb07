import type { RenewResult, ReplayTruncated, SocketAuth } from '@whistle/shared';
import type { AnyLiveEvent, LiveSocket } from '../features/live/types';

/** A LiveSocket the test drives by hand: emit events, drop and restore the connection. */
export class FakeSocket implements LiveSocket {
  auth: SocketAuth;
  connects = 0;
  /** The auth each connect() or reconnection attempt would have sent. */
  sentAuth: SocketAuth[] = [];
  connected = false;
  /** How often the client closed it (the store stops, or reopens it with a new token). */
  closes = 0;
  /** Tokens sent with 'auth.renew', and how the server answers the next ones. */
  renewals: string[] = [];
  renewAnswer: RenewResult = { ok: true, expiresAt: '2026-01-01T00:15:00.000Z' };
  private event: (e: AnyLiveEvent) => void = () => undefined;
  private connect_: () => void = () => undefined;
  private disconnect_: (willReconnect: boolean) => void = () => undefined;
  private replayDone: () => void = () => undefined;
  private replayTruncated: (info: ReplayTruncated) => void = () => undefined;
  private reconnectAttempt: () => void = () => undefined;
  private connectError: (message: string, willRetry: boolean) => void = () => undefined;

  constructor(auth: SocketAuth) {
    this.auth = auth;
  }
  onEvent(listener: (e: AnyLiveEvent) => void) {
    this.event = listener;
  }
  onReplayDone(listener: () => void) {
    this.replayDone = listener;
  }
  onReplayTruncated(listener: (info: ReplayTruncated) => void) {
    this.replayTruncated = listener;
  }
  onConnect(listener: () => void) {
    this.connect_ = listener;
  }
  onDisconnect(listener: (willReconnect: boolean) => void) {
    this.disconnect_ = listener;
  }
  onReconnectAttempt(listener: () => void) {
    this.reconnectAttempt = listener;
  }
  onConnectError(listener: (message: string, willRetry: boolean) => void) {
    this.connectError = listener;
  }
  renew(token: string): Promise<RenewResult> {
    this.renewals.push(token);
    return Promise.resolve(this.renewAnswer);
  }
  connect() {
    this.connects += 1;
    this.sentAuth.push({ ...this.auth });
  }
  /** As socket.io: closing an open socket reports 'io client disconnect' at once. */
  disconnect() {
    this.closes += 1;
    if (!this.connected) return;
    this.connected = false;
    this.disconnect_(false);
  }

  // Test controls
  emit(event: AnyLiveEvent) {
    this.event(event);
  }
  open() {
    this.connected = true;
    this.connect_();
  }
  finishReplay() {
    this.replayDone();
  }
  /** The server gives up on the replay (past its bound), as it does: truncated, then done. */
  truncateReplay(info: ReplayTruncated) {
    this.replayTruncated(info);
    this.replayDone();
  }
  drop(willReconnect = true) {
    this.connected = false;
    this.disconnect_(willReconnect);
  }
  /** The server refuses the handshake (its middleware's error message). */
  refuse(message = 'unauthorized', willRetry = false) {
    this.connectError(message, willRetry);
  }
  /** What socket.io does on an automatic retry: fire reconnect_attempt, then send `auth`. */
  retry() {
    this.reconnectAttempt();
    this.sentAuth.push({ ...this.auth });
    this.connected = true;
    this.connect_();
  }
}

export function incidentEvent(id: string, title = `incident ${id}`): AnyLiveEvent {
  return {
    id,
    type: 'incident.created',
    occurredAt: '2026-01-01T00:00:00.000Z',
    payload: {
      id: `inc-${id}`,
      title,
      description: null,
      category: 'noise',
      priority: 'normal',
      source: 'operator',
      status: 'reported',
      location: { lng: 118.79, lat: 32.03 },
      gridId: 'g1',
      communityId: 'c1',
      streetId: 's1',
      districtId: 'd1',
      rejectReason: null,
      mergedIntoId: null,
      overdue: false,
      standing: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

import type { SocketAuth } from '@whistle/shared';
import type { AnyLiveEvent, LiveSocket } from '../live/types';

/** A LiveSocket the test drives by hand: emit events, drop and restore the connection. */
export class FakeSocket implements LiveSocket {
  auth: SocketAuth;
  connects = 0;
  /** The auth each connect() or reconnection attempt would have sent. */
  sentAuth: SocketAuth[] = [];
  private event: (e: AnyLiveEvent) => void = () => undefined;
  private connect_: () => void = () => undefined;
  private disconnect_: (willReconnect: boolean) => void = () => undefined;
  private replayDone: () => void = () => undefined;
  private reconnectAttempt: () => void = () => undefined;

  constructor(auth: SocketAuth) {
    this.auth = auth;
  }
  onEvent(listener: (e: AnyLiveEvent) => void) {
    this.event = listener;
  }
  onReplayDone(listener: () => void) {
    this.replayDone = listener;
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
  connect() {
    this.connects += 1;
    this.sentAuth.push({ ...this.auth });
  }
  disconnect() {}

  // Test controls
  emit(event: AnyLiveEvent) {
    this.event(event);
  }
  open() {
    this.connect_();
  }
  finishReplay() {
    this.replayDone();
  }
  drop(willReconnect = true) {
    this.disconnect_(willReconnect);
  }
  /** What socket.io does on an automatic retry: fire reconnect_attempt, then send `auth`. */
  retry() {
    this.reconnectAttempt();
    this.sentAuth.push({ ...this.auth });
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

import type { LiveEvent, LiveEventType, RenewResult, ReplayTruncated, SocketAuth } from '@whistle/shared';

/** Any live event, discriminated by `type` so a switch narrows the payload. */
export type AnyLiveEvent = { [K in LiveEventType]: LiveEvent<K> }[LiveEventType];

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /** When the connection entered this status (ms since epoch); the indicator shows time since. */
  since: number;
  lastEventId: string | null;
}

/**
 * The slice of a socket.io client socket the store uses. Narrow on purpose: tests drive a fake,
 * and the real adapter (socket.ts) is the only place that knows socket.io.
 */
export interface LiveSocket {
  auth: SocketAuth;
  onEvent(listener: (event: AnyLiveEvent) => void): void;
  onReplayDone(listener: () => void): void;
  /** The server would not replay what was missed (too much, or too long ago): refetch instead. */
  onReplayTruncated(listener: (info: ReplayTruncated) => void): void;
  onConnect(listener: () => void): void;
  onDisconnect(listener: (willReconnect: boolean) => void): void;
  /** Called before every automatic reconnection attempt. */
  onReconnectAttempt(listener: () => void): void;
  /**
   * A refused handshake, with the server's message ('unauthorized' for a token it does not take);
   * `willRetry` says whether socket.io retries by itself (only after low-level failures).
   */
  onConnectError(listener: (message: string, willRetry: boolean) => void): void;
  /** Hands the open socket a fresh access token before the current one expires. */
  renew(token: string): Promise<RenewResult>;
  connect(): void;
  disconnect(): void;
}

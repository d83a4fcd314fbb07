import { Injectable } from '@nestjs/common';
import type { LiveEvent } from '@whistle/shared';

/** Sends one event to rooms on every API process (through the socket.io adapter). */
export type Broadcast = (rooms: readonly string[], envelope: LiveEvent) => void;

/**
 * The socket.io server of this process, when it has one (the API role). Emitting through it
 * reaches local sockets at once and other processes through the adapter, sparing the committing
 * process the Redis round trip and decode that the emitter path takes to reach its own sockets.
 */
@Injectable()
export class LocalBroadcast {
  private broadcast: Broadcast | null = null;

  attach(broadcast: Broadcast): void {
    this.broadcast = broadcast;
  }

  /** When the socket server is about to close: later events take the emitter path, or the worker's. */
  detach(): void {
    this.broadcast = null;
  }

  get(): Broadcast | null {
    return this.broadcast;
  }
}

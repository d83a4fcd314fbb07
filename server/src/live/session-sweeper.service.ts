import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SessionsService } from '../sessions/sessions.service';
import { sessionRoom, type LiveServer } from './live-socket';

/** How often each API node looks for sessions that ended; sockets of one close within this (plus a query). */
export const SWEEP_INTERVAL_MS = 1_000;
/** Overlap between sweeps, so a revocation committed while the last query ran is not missed. */
const OVERLAP_MS = 5_000;

/**
 * Closes this node's sockets of sessions that ended (logout, revocation, password reset,
 * deactivation). Every node polls PostgreSQL, the truth, rather than waiting for a message that a
 * Redis outage could lose.
 */
@Injectable()
export class SessionSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SessionSweeper.name);
  private timer?: NodeJS.Timeout;
  private since = new Date();
  private running = false;
  private server?: LiveServer;

  constructor(private readonly sessions: SessionsService) {}

  /** The gateway hands over its socket server once it exists. */
  attach(server: LiveServer): void {
    this.server = server;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    const server = this.server;
    if (this.running || !server) return;
    this.running = true;
    try {
      const startedAt = new Date();
      const ended = await this.sessions.revokedSince(new Date(this.since.getTime() - OVERLAP_MS));
      this.since = startedAt;
      for (const { id } of ended) server.local.in(sessionRoom(id)).disconnectSockets(true);
    } catch (err) {
      this.logger.warn(`session sweep failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.running = false;
    }
  }
}

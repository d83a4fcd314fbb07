import { Logger } from '@nestjs/common';
import {
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { LiveEvent, RenewResult } from '@whistle/shared';
import type { Server, Socket } from 'socket.io';
import { roomsOf } from '../access/scope';
import { TokenService, type VerifiedToken } from '../auth/token.service';
import { databaseOutage } from '../common/database-unavailable';
import { SocketGauge } from '../observability/socket-gauge';
import { UsersService } from '../users/users.service';
import { EventReplay } from './event-replay.service';
import { REPLAYING_ROOM } from '../events/live-emitter';
import { sessionRoom, type LiveServer, type LiveSocket } from './live-socket';
import { SessionSweeper } from './session-sweeper.service';
import { armExpiry, clearExpiry } from './socket-expiry';
import { handshakeRefusal, SOCKET_UNAVAILABLE } from './socket-outage';

const EVENT_ID = /^\d{1,19}$/;
/** Event ids are Postgres bigints: a larger number would fail the replay query instead. */
const MAX_EVENT_ID = 2n ** 63n - 1n;

function isEventId(value: unknown): value is string {
  return typeof value === 'string' && EVENT_ID.test(value) && BigInt(value) <= MAX_EVENT_ID;
}

/**
 * The live channel. The handshake carries the same JWT as REST (`auth.token`); rooms come from the
 * token's scope only. A client that sends `auth.lastEventId` first receives every event of its
 * scope it missed, in order, from the event log, then `replay.done`, then live events — or, when
 * what it missed is past the replay bound, `replay.truncated` (refetch your views) instead of the
 * events.
 */
@WebSocketGateway()
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() server: LiveServer;

  constructor(
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly replay: EventReplay,
    private readonly gauge: SocketGauge,
    private readonly sweeper: SessionSweeper,
  ) {}

  afterInit(server: LiveServer): void {
    this.sweeper.attach(server);
    server.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown; lastEventId?: unknown };
      const lastEventId = auth.lastEventId;
      if (lastEventId !== undefined && lastEventId !== null && !isEventId(lastEventId)) {
        next(new Error('lastEventId must be a decimal event id'));
        return;
      }
      this.tokens
        .verify(typeof auth.token === 'string' ? auth.token : undefined)
        .then(async (verified) => {
          // A token owing a password change opens no live channel either.
          if (!verified || verified.user.mustChangePassword) return next(new Error('unauthorized'));
          const { user, expiresAt } = verified;
          const gridIds = user.role === 'grid_worker' ? await this.users.gridIdsOf(user.id) : [];
          socket.data.user = user;
          socket.data.rooms = roomsOf(user, gridIds);
          socket.data.expiresAt = expiresAt;
          next();
        })
        .catch((err: unknown) => next(handshakeRefusal(err)));
    });
  }

  /**
   * Shutdown: every connection is dropped at the transport, which socket.io clients answer by
   * reconnecting by themselves with their last event id — to another API process, this one's
   * listener being closed already. (A server-side disconnect would tell them not to come back.)
   */
  closeConnections(): void {
    (this.server as unknown as Server).engine.close();
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    this.gauge.set(this.server.of('/').sockets.size);
    armExpiry(socket, socket.data.expiresAt);
    socket.on('auth.renew', (token: unknown, ack: unknown) => void this.renew(socket, token, ack));
    // Not an event room: how the session sweeper finds this socket when its session ends.
    await socket.join(sessionRoom(socket.data.user.sessionId));
    const { rooms } = socket.data;
    const lastEventId = (socket.handshake.auth as { lastEventId?: string }).lastEventId;
    if (!lastEventId) {
      await socket.join(rooms);
      return;
    }
    try {
      const truncated = await this.replay.pastBound(lastEventId, rooms);
      if (truncated) {
        // Live first, then the resume point: whatever commits in between the client either
        // receives live or finds in the views it refetches on `replay.truncated`.
        await socket.join(rooms);
        const newest = await this.replay.newestId();
        socket.emit('replay.truncated', { lastEventId: newest, reason: truncated });
        socket.emit('replay.done', { lastEventId: newest, replayed: 0 });
        return;
      }
      await socket.join([REPLAYING_ROOM, ...rooms]);
      // The envelope's type names the event; the union is checked where the envelope was built.
      // Both passes look a few seconds back (late commits): each event goes out once.
      const sent = new Set<string>();
      const send = (e: LiveEvent) => {
        if (sent.has(e.id)) return;
        sent.add(e.id);
        (socket as unknown as Socket).emit(e.type, e);
      };
      const first = await this.replay.replay(lastEventId, rooms, send);
      await socket.leave(REPLAYING_ROOM);
      // Events committed while the first pass ran were skipped live; send them now.
      const second = await this.replay.replay(first.last, rooms, send);
      socket.emit('replay.done', { lastEventId: second.last, replayed: first.count + second.count });
    } catch (err) {
      this.logger.error(`replay failed: ${err instanceof Error ? err.message : String(err)}`);
      socket.disconnect(true);
    }
  }

  /**
   * A fresh access token for an open socket: it must be the same user and session, with the same
   * role and scope (a changed scope ends the session anyway). Anything else closes the socket.
   */
  private async renew(socket: LiveSocket, token: unknown, ack: unknown): Promise<void> {
    const reply = (result: RenewResult) => {
      if (typeof ack === 'function') (ack as (r: RenewResult) => void)(result);
    };
    let verified: VerifiedToken | null = null;
    try {
      verified = typeof token === 'string' ? await this.tokens.verify(token) : null;
    } catch (err) {
      // The session cannot be checked now: the socket keeps its current token until that expires.
      if (databaseOutage(err)) return reply({ ok: false, error: SOCKET_UNAVAILABLE });
    }
    const current = socket.data.user;
    const next = verified?.user;
    if (
      !verified ||
      !next ||
      next.id !== current.id ||
      next.sessionId !== current.sessionId ||
      next.role !== current.role ||
      next.streetId !== current.streetId ||
      next.departmentId !== current.departmentId ||
      next.mustChangePassword
    ) {
      reply({ ok: false, error: 'unauthorized' });
      socket.disconnect(true);
      return;
    }
    socket.data.user = next;
    armExpiry(socket, verified.expiresAt);
    reply({ ok: true, expiresAt: verified.expiresAt.toISOString() });
  }

  /** Counted from the namespace, which has already let the socket go (the engine has not yet). */
  handleDisconnect(socket: LiveSocket): void {
    clearExpiry(socket);
    this.gauge.set(this.server.of('/').sockets.size);
  }
}

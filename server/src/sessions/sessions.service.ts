import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthSession } from './auth-session.entity';
import { formatRefreshToken, hashSecret, newSecret, parseRefreshToken, secretMatches } from './refresh-token';

/** Why a session ended; kept on the row and shown in the audit log. */
export type RevokeReason =
  | 'logout'
  | 'logout_all'
  | 'refresh_reuse'
  | 'password_changed'
  | 'password_reset'
  | 'user_changed'
  | 'user_deactivated'
  | 'admin';

export interface SessionClient {
  ip: string | null;
  userAgent: string | null;
}

export type RefreshOutcome =
  | { kind: 'rotated'; session: AuthSession; refreshToken: string }
  /** Unknown, malformed, expired or already ended: nothing to do but sign in again. */
  | { kind: 'invalid' }
  /** A rotated-away token came back: someone holds a copy. The whole family is now revoked. */
  | { kind: 'reused'; session: AuthSession };

/**
 * The sessions table: one row per login, revocable at once. Access tokens name their session, and
 * every request checks it here (a primary-key read), so an ended session stops working on its
 * next request on every node; sockets are closed by SessionSockets.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get idleMs(): number {
    return this.config.SESSION_IDLE_HOURS * 3_600_000;
  }

  async create(
    userId: string,
    client: SessionClient,
    manager: EntityManager = this.sessions.manager,
  ): Promise<{ session: AuthSession; refreshToken: string }> {
    const secret = newSecret();
    const now = new Date();
    const session = manager.create(AuthSession, {
      userId,
      generation: 0,
      tokenHash: hashSecret(secret),
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_MAX_DAYS * 86_400_000),
      revokedAt: null,
      revokedReason: null,
      ip: client.ip?.slice(0, 64) ?? null,
      userAgent: client.userAgent?.slice(0, 256) ?? null,
    });
    await manager.save(session);
    return { session, refreshToken: formatRefreshToken({ sessionId: session.id, generation: 0, secret }) };
  }

  /** Whether an access token's session may still act: not ended, not idle too long, not past its end. */
  async isActive(sessionId: string, userId: string): Promise<boolean> {
    // Plain SQL: every request and socket handshake asks this; find() would build it each time.
    const [row] = await this.sessions.manager.query<
      Pick<AuthSession, 'revokedAt' | 'expiresAt' | 'lastUsedAt'>[]
    >(
      `SELECT revoked_at AS "revokedAt", expires_at AS "expiresAt", last_used_at AS "lastUsedAt"
         FROM auth_sessions WHERE id = $1 AND user_id = $2`,
      [sessionId, userId],
    );
    return row !== undefined && this.live(row, new Date());
  }

  private live(row: Pick<AuthSession, 'revokedAt' | 'expiresAt' | 'lastUsedAt'>, now: Date): boolean {
    return (
      row.revokedAt === null &&
      row.expiresAt.getTime() > now.getTime() &&
      row.lastUsedAt.getTime() + this.idleMs > now.getTime()
    );
  }

  /** Trades a refresh token for the next one, under the session's row lock so two tabs cannot both win. */
  rotate(raw: unknown): Promise<RefreshOutcome> {
    const token = parseRefreshToken(raw);
    if (!token) return Promise.resolve({ kind: 'invalid' });
    return this.sessions.manager.transaction(async (manager) => {
      const session = await manager.findOne(AuthSession, {
        where: { id: token.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      const now = new Date();
      if (!session || !this.live(session, now)) return { kind: 'invalid' } as const;
      const current =
        token.generation === session.generation && secretMatches(token.secret, session.tokenHash);
      if (!current) {
        // An older generation, or a forged secret for this session: treat both as theft.
        await this.revokeRows(manager, [session.id], 'refresh_reuse', now);
        return { kind: 'reused', session } as const;
      }
      const secret = newSecret();
      session.generation += 1;
      session.tokenHash = hashSecret(secret);
      session.lastUsedAt = now;
      await manager.update(
        AuthSession,
        { id: session.id },
        { generation: session.generation, tokenHash: session.tokenHash, lastUsedAt: now },
      );
      const refreshToken = formatRefreshToken({
        sessionId: session.id,
        generation: session.generation,
        secret,
      });
      return { kind: 'rotated', session, refreshToken } as const;
    });
  }

  /** Ends one session (no-op when already ended). Returns whether it was live. */
  async revoke(
    sessionId: string,
    reason: RevokeReason,
    manager: EntityManager = this.sessions.manager,
  ): Promise<boolean> {
    const ended = await this.revokeRows(manager, [sessionId], reason, new Date());
    return ended.length > 0;
  }

  /** Ends every live session of a user, but `keep`; returns the ids ended. */
  async revokeAllOf(
    userId: string,
    reason: RevokeReason,
    manager: EntityManager = this.sessions.manager,
    keep?: string,
  ): Promise<string[]> {
    const rows = await manager.find(AuthSession, {
      select: { id: true },
      where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    const ids = rows.map((r) => r.id).filter((id) => id !== keep);
    return this.revokeRows(manager, ids, reason, new Date());
  }

  private async revokeRows(
    manager: EntityManager,
    ids: readonly string[],
    reason: RevokeReason,
    now: Date,
  ): Promise<string[]> {
    if (!ids.length) return [];
    const result: { id: string }[][] | { id: string }[] = await manager.query(
      `UPDATE auth_sessions SET revoked_at = $2, revoked_reason = $3
        WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL RETURNING id`,
      [ids, now, reason],
    );
    // node-postgres answers an UPDATE … RETURNING through TypeORM as [rows, count].
    const rows = Array.isArray(result[0]) ? (result[0] as { id: string }[]) : (result as { id: string }[]);
    return rows.map((r) => r.id);
  }

  /** Sessions ended since `since`: how every API node finds the sockets it must close. */
  async revokedSince(since: Date): Promise<{ id: string; revokedAt: Date }[]> {
    const rows = await this.sessions.find({
      select: { id: true, revokedAt: true },
      where: { revokedAt: MoreThan(since) },
    });
    return rows.map((r) => ({ id: r.id, revokedAt: r.revokedAt as Date }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEntryView, AuditLogPage } from '@whistle/shared';
import type { AuditContext } from './audit-context';
import { AuditEntry } from './audit-entry.entity';
import type { AuditQuery } from './dto/audit-query.dto';

export interface AuditRecord {
  action: AuditAction;
  context: AuditContext;
  target?: { type: string; id: string | null };
  details?: Record<string, unknown>;
}

/** Writes and reads the audit log; the only module that touches its table. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /**
   * Appends one row. Pass the transaction's manager when the act itself is a write, so the change
   * and its audit row commit (or fail) together.
   */
  async record(entry: AuditRecord, manager: EntityManager = this.entries.manager): Promise<void> {
    await recordAudit(entry, manager);
  }

  /** Newest first, keyset-paged by id. */
  async list(query: AuditQuery): Promise<AuditLogPage> {
    const limit = query.limit ?? 100;
    const qb = this.entries
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (query.before) qb.andWhere('a.id < :before', { before: query.before });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.targetType) qb.andWhere('a.targetType = :targetType', { targetType: query.targetType });
    if (query.targetId) qb.andWhere('a.targetId = :targetId', { targetId: query.targetId });
    if (query.from) qb.andWhere('a.occurredAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.occurredAt < :to', { to: query.to });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(viewOf), nextCursor: rows.length > limit && last ? last.id : null };
  }
}

/** `AuditService.record` for code outside Nest (the create-admin command), inside its transaction. */
export async function recordAudit(entry: AuditRecord, manager: EntityManager): Promise<void> {
  await manager.insert(AuditEntry, {
    action: entry.action,
    actorId: entry.context.actorId,
    actorUsername: entry.context.actorUsername?.slice(0, 128) ?? null,
    ip: entry.context.ip?.slice(0, 64) ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    // TypeORM's partial-entity type cannot follow a jsonb column of a record type.
    details: (entry.details ?? {}) as object,
  });
}

function viewOf(row: AuditEntry): AuditEntryView {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    action: row.action,
    actor: { id: row.actorId, username: row.actorUsername },
    target: { type: row.targetType, id: row.targetId },
    ip: row.ip,
    details: row.details,
  };
}

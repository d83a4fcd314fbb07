import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { IssuedOpen311ApiKey, Open311ApiKeyView } from '@whistle/shared';
import type { AuditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../access/auth-user';
import { notFound } from '../common/errors';
import { displayPrefix, hashApiKey, newApiKey } from './api-key-hash';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';
import { Open311ApiKey } from './open311-api-key.entity';
import { markClaimCommitted } from '../idempotency/idempotency-context';

/** Issues, lists, revokes and checks Open311 API keys. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(Open311ApiKey) private readonly keys: Repository<Open311ApiKey>,
    private readonly audit: AuditService,
  ) {}

  /** The plaintext key is in this answer and nowhere else, ever. */
  async issue(user: AuthUser, dto: CreateApiKeyDto, actor: AuditContext): Promise<IssuedOpen311ApiKey> {
    const key = newApiKey();
    const row = await this.keys.manager.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(Open311ApiKey, {
          name: dto.name,
          keyHash: hashApiKey(key),
          prefix: displayPrefix(key),
          rateLimitPerMinute: dto.rateLimitPerMinute ?? null,
          createdById: user.id,
        }),
      );
      await markClaimCommitted(manager);
      // The prefix identifies the key; the key itself is never written anywhere.
      const details = {
        name: saved.name,
        prefix: saved.prefix,
        rateLimitPerMinute: saved.rateLimitPerMinute,
      };
      await this.audit.record(
        {
          action: 'open311_key.issued',
          context: actor,
          target: { type: 'open311_key', id: saved.id },
          details,
        },
        manager,
      );
      return saved;
    });
    return { ...toApiKeyView(row), key };
  }

  async list(): Promise<Open311ApiKeyView[]> {
    return (await this.keys.find({ order: { createdAt: 'DESC' } })).map(toApiKeyView);
  }

  /** Revoking twice is harmless; the first revocation time stays. */
  async revoke(id: string, actor: AuditContext): Promise<Open311ApiKeyView> {
    return this.keys.manager.transaction(async (manager) => {
      const row = await manager.findOne(Open311ApiKey, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw notFound('Open311 API key', id);
      if (!row.revokedAt) {
        row.revokedAt = new Date();
        await manager.save(row);
        await this.audit.record(
          {
            action: 'open311_key.revoked',
            context: actor,
            target: { type: 'open311_key', id },
            details: { name: row.name, prefix: row.prefix },
          },
          manager,
        );
      }
      return toApiKeyView(row);
    });
  }

  /** The live key with this plaintext, or null when it is unknown or revoked. */
  findActive(key: string): Promise<Open311ApiKey | null> {
    return this.keys.findOneBy({ keyHash: hashApiKey(key), revokedAt: IsNull() });
  }
}

export function toApiKeyView(k: Open311ApiKey): Open311ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    rateLimitPerMinute: k.rateLimitPerMinute,
    createdById: k.createdById,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null,
  };
}

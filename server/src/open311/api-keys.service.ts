import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { IssuedOpen311ApiKey, Open311ApiKeyView } from '@whistle/shared';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/errors';
import { displayPrefix, hashApiKey, newApiKey } from './api-key-hash';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';
import { Open311ApiKey } from './open311-api-key.entity';

/** Issues, lists, revokes and checks Open311 API keys. */
@Injectable()
export class ApiKeysService {
  constructor(@InjectRepository(Open311ApiKey) private readonly keys: Repository<Open311ApiKey>) {}

  /** The plaintext key is in this answer and nowhere else, ever. */
  async issue(user: AuthUser, dto: CreateApiKeyDto): Promise<IssuedOpen311ApiKey> {
    const key = newApiKey();
    const row = await this.keys.save(
      this.keys.create({
        name: dto.name,
        keyHash: hashApiKey(key),
        prefix: displayPrefix(key),
        rateLimitPerMinute: dto.rateLimitPerMinute ?? null,
        createdById: user.id,
      }),
    );
    return { ...toApiKeyView(row), key };
  }

  async list(): Promise<Open311ApiKeyView[]> {
    return (await this.keys.find({ order: { createdAt: 'DESC' } })).map(toApiKeyView);
  }

  /** Revoking twice is harmless; the first revocation time stays. */
  async revoke(id: string): Promise<Open311ApiKeyView> {
    const row = await this.keys.findOneBy({ id });
    if (!row) throw notFound('Open311 API key', id);
    if (!row.revokedAt) {
      row.revokedAt = new Date();
      await this.keys.save(row);
    }
    return toApiKeyView(row);
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

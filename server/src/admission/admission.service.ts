import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AuditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import { StreetsService } from '../streets/streets.service';
import { AdmissionEntry } from './admission-entry.entity';

/** The admission lists (准入清单): which categories of task a department may send down to a street. */
@Injectable()
export class AdmissionService {
  constructor(
    @InjectRepository(AdmissionEntry) private readonly entries: Repository<AdmissionEntry>,
    private readonly audit: AuditService,
    private readonly streets: StreetsService,
  ) {}

  async listFor(streetId: string): Promise<string[]> {
    if (!(await this.streets.exists(streetId))) throw notFound('street', streetId);
    const rows = await this.entries.find({ where: { streetId }, order: { category: 'ASC' } });
    return rows.map((r) => r.category);
  }

  admits(
    streetId: string,
    category: string,
    manager: EntityManager = this.entries.manager,
  ): Promise<boolean> {
    return manager.existsBy(AdmissionEntry, { streetId, category });
  }

  /** Replaces a street's whole list in one transaction, with its audit row (the list before and after). */
  async replace(streetId: string, categories: readonly string[], actor: AuditContext): Promise<string[]> {
    await this.entries.manager.transaction(async (manager) => {
      // Two replaces of one street at once: without this, the second's DELETE misses the rows the
      // first inserts and its INSERT breaks the (street, category) unique index. In turn, the
      // second replaces the first's list and audits it as its "before".
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`whistle:admission:${streetId}`]);
      if (!(await this.streets.exists(streetId, manager))) throw notFound('street', streetId);
      const before = await manager.find(AdmissionEntry, { where: { streetId }, order: { category: 'ASC' } });
      await manager.delete(AdmissionEntry, { streetId });
      if (categories.length) {
        await manager.insert(
          AdmissionEntry,
          [...new Set(categories)].map((category) => ({ streetId, category })),
        );
      }
      await this.audit.record(
        {
          action: 'admission_list.replaced',
          context: actor,
          target: { type: 'street', id: streetId },
          details: { before: before.map((e) => e.category), after: [...new Set(categories)].sort() },
        },
        manager,
      );
    });
    return this.listFor(streetId);
  }
}

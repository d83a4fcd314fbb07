import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { notFound } from '../common/errors';
import { Street } from '../streets/street.entity';
import { AdmissionEntry } from './admission-entry.entity';

/** The admission lists (准入清单): which categories of task a department may send down to a street. */
@Injectable()
export class AdmissionService {
  constructor(@InjectRepository(AdmissionEntry) private readonly entries: Repository<AdmissionEntry>) {}

  async listFor(streetId: string): Promise<string[]> {
    if (!(await this.entries.manager.existsBy(Street, { id: streetId }))) throw notFound('street', streetId);
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

  /** Replaces a street's whole list in one transaction. */
  async replace(streetId: string, categories: readonly string[]): Promise<string[]> {
    await this.entries.manager.transaction(async (manager) => {
      if (!(await manager.existsBy(Street, { id: streetId }))) throw notFound('street', streetId);
      await manager.delete(AdmissionEntry, { streetId });
      if (categories.length) {
        await manager.insert(
          AdmissionEntry,
          [...new Set(categories)].map((category) => ({ streetId, category })),
        );
      }
    });
    return this.listFor(streetId);
  }
}

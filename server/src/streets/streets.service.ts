import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { NamedView, StreetView } from '@whistle/shared';
import { notFound } from '../common/errors';
import { Community } from './community.entity';
import { Street } from './street.entity';

@Injectable()
export class StreetsService {
  constructor(
    @InjectRepository(Street) private readonly streets: Repository<Street>,
    @InjectRepository(Community) private readonly communitiesRepo: Repository<Community>,
  ) {}

  async list(): Promise<StreetView[]> {
    const rows = await this.streets.find({ order: { code: 'ASC' } });
    return rows.map((s) => ({
      id: s.id,
      code: s.code,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      districtId: s.districtId,
      center: { lng: s.centerLng, lat: s.centerLat },
    }));
  }

  async communities(streetId: string): Promise<NamedView[]> {
    if (!(await this.streets.existsBy({ id: streetId }))) throw notFound('street', streetId);
    const rows = await this.communitiesRepo.find({ where: { streetId }, order: { code: 'ASC' } });
    return rows.map(({ id, code, nameZh, nameEn }) => ({ id, code, nameZh, nameEn }));
  }

  /** Pass the transaction's manager when inside one, so it never waits for a second pool connection. */
  exists(streetId: string, manager: EntityManager = this.streets.manager): Promise<boolean> {
    return manager.existsBy(Street, { id: streetId });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridsService } from '../grids/grids.service';
import { HotlineLocator, type NamedPlace } from './hotline-locator';

/** Builds the locator for one district from its streets and communities as they are now. */
@Injectable()
export class HotlinePlaces {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridsService,
  ) {}

  async locatorFor(districtId: string): Promise<HotlineLocator> {
    const streets: NamedPlace[] = await this.dataSource.query(
      `SELECT id, name_zh AS "nameZh" FROM streets WHERE district_id = $1`,
      [districtId],
    );
    const communities: NamedPlace[] = await this.dataSource.query(
      `SELECT c.id, c.name_zh AS "nameZh", c.street_id AS "streetId"
       FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = $1`,
      [districtId],
    );
    return new HotlineLocator(this.grids, districtId, streets, communities);
  }
}

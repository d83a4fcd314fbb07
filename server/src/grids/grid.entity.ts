import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Polygon } from 'geojson';
import { GRID_KINDS, type GridKind } from '@whistle/shared';

@Entity('grids')
export class Grid {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ unique: true }) code: string;
  @Column() name: string;
  @Index() @Column('uuid') streetId: string;
  @Index() @Column('uuid') communityId: string;
  @Column({ type: 'enum', enum: GRID_KINDS, enumName: 'grid_kind' }) kind: GridKind;
  @Column({ type: 'jsonb' }) polygon: Polygon;
  @Column('double precision') minLng: number;
  @Column('double precision') minLat: number;
  @Column('double precision') maxLng: number;
  @Column('double precision') maxLat: number;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MultiPolygon, Polygon } from 'geojson';

@Entity('streets')
export class Street {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column('uuid') districtId: string;
  @Column({ unique: true }) code: string;
  @Column() nameZh: string;
  @Column() nameEn: string;
  @Column('double precision') centerLng: number;
  @Column('double precision') centerLat: number;
  @Column({ type: 'jsonb', nullable: true }) boundary: Polygon | MultiPolygon | null;
}

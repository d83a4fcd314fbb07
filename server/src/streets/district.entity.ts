import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MultiPolygon, Polygon } from 'geojson';

@Entity('districts')
export class District {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ unique: true }) code: string;
  @Column() nameZh: string;
  @Column() nameEn: string;
  @Column({ type: 'jsonb', nullable: true }) boundary: Polygon | MultiPolygon | null;
}

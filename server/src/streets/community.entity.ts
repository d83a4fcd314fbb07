import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MultiPolygon, Polygon } from 'geojson';

@Entity('communities')
export class Community {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column('uuid') streetId: string;
  @Column({ unique: true }) code: string;
  @Column() nameZh: string;
  @Column() nameEn: string;
  @Column({ type: 'jsonb', nullable: true }) boundary: Polygon | MultiPolygon | null;
}

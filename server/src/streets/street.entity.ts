import { Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { District } from './district.entity';
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
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => District, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;
}

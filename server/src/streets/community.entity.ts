import { Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Street } from './street.entity';
import type { MultiPolygon, Polygon } from 'geojson';

@Entity('communities')
export class Community {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column('uuid') streetId: string;
  @Column({ unique: true }) code: string;
  @Column() nameZh: string;
  @Column() nameEn: string;
  @Column({ type: 'jsonb', nullable: true }) boundary: Polygon | MultiPolygon | null;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => Street, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street>;
}

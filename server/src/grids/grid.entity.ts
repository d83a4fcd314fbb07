import { Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Community } from '../streets/community.entity';
import { Street } from '../streets/street.entity';
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
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => Street, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street>;
  @ManyToOne(() => Community, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community>;
}

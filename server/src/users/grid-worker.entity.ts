import { Entity, Index, PrimaryColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Grid } from '../grids/grid.entity';
import { User } from './user.entity';

/** Which grids a grid worker (网格员) looks after. */
@Entity('grid_workers')
export class GridWorker {
  @PrimaryColumn('uuid') userId: string;
  @Index() @PrimaryColumn('uuid') gridId: string;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  @ManyToOne(() => Grid, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grid_id' })
  grid?: Relation<Grid>;
}

import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Which grids a grid worker (网格员) looks after. */
@Entity('grid_workers')
export class GridWorker {
  @PrimaryColumn('uuid') userId: string;
  @Index() @PrimaryColumn('uuid') gridId: string;
}

import {
  Column,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  JoinColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { Street } from '../streets/street.entity';

/** One category on a street's admission list (准入清单): tasks a department may send down to it. */
@Entity('admission_entries')
@Unique(['streetId', 'category'])
export class AdmissionEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') streetId: string;
  @Column() category: string;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => Street, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street>;
}

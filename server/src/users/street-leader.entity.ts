import { Entity, PrimaryColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Street } from '../streets/street.entity';
import { User } from './user.entity';

/** A district leader paired with a street, summoned by its tough-problem whistles (双报到). */
@Entity('street_leaders')
export class StreetLeader {
  @PrimaryColumn('uuid') streetId: string;
  @PrimaryColumn('uuid') userId: string;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => Street, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street>;
  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { Incident } from '../incidents/incident.entity';
import { Street } from '../streets/street.entity';
import { User } from '../users/user.entity';
import { WHISTLE_TYPES, type WhistleType } from '@whistle/shared';

@Entity('whistles')
@Index(['streetId', 'createdAt'])
export class Whistle {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column('uuid') incidentId: string;
  @Column('uuid') streetId: string;
  @Column({ type: 'enum', enum: WHISTLE_TYPES, enumName: 'whistle_type' }) type: WhistleType;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column('uuid') blownById: string;
  @Index() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => Incident, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;
  @ManyToOne(() => Street, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street>;
  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'blown_by_id' })
  blownBy?: Relation<User>;
}

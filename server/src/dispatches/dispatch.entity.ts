import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  JoinColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { Department } from '../departments/department.entity';
import { Incident } from '../incidents/incident.entity';
import { Street } from '../streets/street.entity';
import { User } from '../users/user.entity';
import {
  DISPATCH_DIRECTIONS,
  DISPATCH_STATUSES,
  WHISTLE_TYPES,
  type DispatchAssigneeKind,
  type DispatchDirection,
  type DispatchStatus,
  type Stage,
  type WhistleType,
} from '@whistle/shared';

@Entity('dispatches')
@Index(['departmentId', 'status'])
@Index(['streetId', 'status'])
@Index(['leaderUserId', 'status'])
@Index(['status', 'createdAt'])
export class Dispatch {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid', nullable: true }) whistleId: string | null;
  @Index() @Column('uuid') incidentId: string;
  @Column({ type: 'enum', enum: DISPATCH_DIRECTIONS, enumName: 'dispatch_direction' })
  direction: DispatchDirection;
  @Column({ type: 'varchar' }) assigneeKind: DispatchAssigneeKind;
  @Column({ type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'uuid', nullable: true }) leaderUserId: string | null;
  @Column('uuid') streetId: string;
  @Column({ type: 'enum', enum: WHISTLE_TYPES, enumName: 'whistle_type' }) whistleType: WhistleType;
  @Column({ type: 'enum', enum: DISPATCH_STATUSES, enumName: 'dispatch_status', default: 'pending' })
  status: DispatchStatus;
  @Column('timestamptz') acceptBy: Date;
  @Column('timestamptz') arriveBy: Date;
  @Column('timestamptz') resolveBy: Date;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) arrivedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'text', nullable: true }) rejectReason: string | null;
  @Column({ type: 'text', nullable: true }) resolutionNote: string | null;
  @Column({ type: 'double precision', nullable: true }) arrivalLng: number | null;
  @Column({ type: 'double precision', nullable: true }) arrivalLat: number | null;
  /** Stages whose deadline was missed, in the order they were missed. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) overdueStages: Stage[];
  /** Overdue notices sent for the running stage; the deadline worker fires notice n only once. */
  @Column({ type: 'int', default: 0 }) overdueNotices: number;
  @Column({ type: 'timestamptz', nullable: true }) lastOverdueAt: Date | null;
  @Column({ type: 'int', default: 0 }) reopenCount: number;
  @Column('uuid') createdById: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  // Named, not imported: the whistles module sits above this one (blowing a whistle opens
  // dispatches), so this key is the one relation that points up the module graph.
  @ManyToOne('Whistle', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'whistle_id' })
  whistle?: { id: string } | null;
  @ManyToOne(() => Incident, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;
  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department> | null;
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leader_user_id' })
  leaderUser?: Relation<User> | null;
  @ManyToOne(() => Street, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street>;
  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;
}

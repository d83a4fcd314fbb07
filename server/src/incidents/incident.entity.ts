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
import { Community } from '../streets/community.entity';
import { District } from '../streets/district.entity';
import { Grid } from '../grids/grid.entity';
import { Street } from '../streets/street.entity';
import { User } from '../users/user.entity';
import {
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  PRIORITIES,
  SATISFACTION_RESULTS,
  type IncidentSource,
  type IncidentStatus,
  type Priority,
  type SatisfactionResult,
} from '@whistle/shared';

@Entity('incidents')
@Index(['streetId', 'status', 'createdAt'])
@Index(['status', 'createdAt'])
@Index(['lng', 'lat'])
@Index(['createdAt', 'id'])
export class Incident {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Index() @Column() category: string;
  @Column({ type: 'enum', enum: PRIORITIES, enumName: 'priority' }) priority: Priority;
  @Column({ type: 'enum', enum: INCIDENT_SOURCES, enumName: 'incident_source' }) source: IncidentSource;
  @Column({ type: 'enum', enum: INCIDENT_STATUSES, enumName: 'incident_status', default: 'reported' })
  status: IncidentStatus;
  @Column('double precision') lng: number;
  @Column('double precision') lat: number;
  @Index() @Column('uuid') gridId: string;
  @Column('uuid') communityId: string;
  @Column('uuid') streetId: string;
  @Column('uuid') districtId: string;
  @Column({ type: 'uuid', nullable: true }) reportedById: string | null;
  @Column({ type: 'text', nullable: true }) rejectReason: string | null;
  @Column({ type: 'uuid', nullable: true }) mergedIntoId: string | null;
  /**
   * Every department and leader with a dispatch on this incident — summoned by a whistle, or the
   * department that sent it down as a task. They hear of the incident and may see it; kept here by
   * the dispatches module's progress sync, so the incident's audience needs no read of dispatches.
   */
  @Index('idx_incidents_party_department_ids', { synchronize: false })
  @Column('uuid', { array: true, default: () => "'{}'" })
  partyDepartmentIds: string[];
  @Column('uuid', { array: true, default: () => "'{}'" }) partyLeaderIds: string[];
  /** True while any of its dispatches has a missed stage deadline that is not yet met. */
  @Column({ default: false }) overdue: boolean;
  /** Standing register (挂账): cannot be solved within its limit; stays counted and visible. */
  @Column({ type: 'text', nullable: true }) standingReason: string | null;
  @Column({ type: 'date', nullable: true }) standingReviewOn: string | null;
  @Column({ type: 'timestamptz', nullable: true }) standingSince: Date | null;
  /** The review date whose reminder has fired: one reminder per review date, whatever restarts. */
  @Column({ type: 'date', nullable: true }) standingRemindedOn: string | null;
  @Column({ type: 'enum', enum: SATISFACTION_RESULTS, enumName: 'satisfaction_result', nullable: true })
  citizenSatisfaction: SatisfactionResult | null;
  @Column({ type: 'timestamptz', nullable: true }) registeredAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => Grid, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grid_id' })
  grid?: Relation<Grid>;
  @ManyToOne(() => Community, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community>;
  @ManyToOne(() => Street, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street>;
  @ManyToOne(() => District, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by_id' })
  reportedBy?: Relation<User> | null;
  @ManyToOne(() => Incident, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: Relation<Incident> | null;
}

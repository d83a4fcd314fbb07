import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LIVE_EVENT_TYPES, type LiveEventType } from '@whistle/shared';

/** The append-only event log: audit trail, source of live updates and the replay log. */
@Entity('events')
export class EventRecord {
  /** bigint identity: monotonically increasing, the `id` clients resume from. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ type: 'enum', enum: LIVE_EVENT_TYPES, enumName: 'live_event_type' }) type: LiveEventType;
  /** What happened, in one word for the timeline: created, registered, accepted, overdue, … */
  @Column() change: string;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) occurredAt: Date;
  @Index() @Column({ type: 'uuid', nullable: true }) incidentId: string | null;
  @Column({ type: 'uuid', nullable: true }) dispatchId: string | null;
  /**
   * Socket rooms the event is delivered to; replay filters on the reconnecting user's rooms. A GIN
   * index, made by its migration (TypeORM cannot declare the index method).
   */
  @Index('idx_events_rooms', { synchronize: false })
  @Column({ type: 'text', array: true })
  rooms: string[];
  @Column({ type: 'jsonb' }) payload: object;
}

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
import { EventRecord } from './event.entity';

/** Written in the same transaction as its event; the relay moves it to the queue and stamps it. */
@Entity('outbox')
@Index('idx_outbox_pending', ['id'], { where: 'relayed_at IS NULL' })
export class OutboxEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('bigint') eventId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) relayedAt: Date | null;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => EventRecord, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventRecord>;
}

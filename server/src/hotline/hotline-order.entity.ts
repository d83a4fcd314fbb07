import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Incident } from '../incidents/incident.entity';
import { User } from '../users/user.entity';

/**
 * A 12345 work order and the incident it became. The hotline's order number is the primary key:
 * re-sending an order finds this row instead of raising a second incident.
 */
@Entity('hotline_orders')
export class HotlineOrder {
  @PrimaryColumn() orderNo: string;
  @Column('uuid') incidentId: string;
  /** When the hotline took the call (受理时间), as opposed to when Whistle received the order. */
  @Column({ type: 'timestamptz' }) receivedAt: Date;
  /** Only the masked number (138****5678): the hotline keeps the citizen's contact details. */
  @Column({ type: 'text', nullable: true }) citizenPhoneMasked: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column('uuid') receivedById: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  // The order row is written first (its unique key decides whether the order is new) and its
  // incident right after, in the same transaction: so the key is checked at commit.
  @OneToOne(() => Incident, { nullable: false, onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;
  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'received_by_id' })
  receivedBy?: Relation<User>;
}

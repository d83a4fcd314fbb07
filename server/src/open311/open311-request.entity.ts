import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Incident } from '../incidents/incident.entity';
import { Open311ApiKey } from './open311-api-key.entity';

/** Attribute answers as submitted: `attribute[code]=value`, or a list for a multivaluelist. */
export type Open311Attributes = Record<string, string | string[]>;

/**
 * What an Open311 POST carried beyond the incident itself: who sent it (key, contact fields,
 * device and account ids), its media link and attribute answers. One row per incident raised
 * through Open311; it goes with its incident.
 */
@Entity('open311_requests')
export class Open311Request {
  @PrimaryColumn('uuid') incidentId: string;
  @Index() @Column('uuid') apiKeyId: string;
  @Column({ type: 'text', nullable: true }) addressString: string | null;
  @Column({ type: 'varchar', nullable: true }) addressId: string | null;
  @Column({ type: 'varchar', nullable: true }) email: string | null;
  @Column({ type: 'varchar', nullable: true }) firstName: string | null;
  @Column({ type: 'varchar', nullable: true }) lastName: string | null;
  @Column({ type: 'varchar', nullable: true }) phone: string | null;
  @Column({ type: 'varchar', nullable: true }) deviceId: string | null;
  @Column({ type: 'varchar', nullable: true }) accountId: string | null;
  @Column({ type: 'text', nullable: true }) mediaUrl: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) attributes: Open311Attributes;
  @Column('text') serviceNotice: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @OneToOne(() => Incident, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;
  @ManyToOne(() => Open311ApiKey, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'api_key_id' })
  apiKey?: Relation<Open311ApiKey>;
}

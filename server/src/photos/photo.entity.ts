import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Dispatch } from '../dispatches/dispatch.entity';
import { Incident } from '../incidents/incident.entity';
import { User } from '../users/user.entity';

/** A photo of an incident; the bytes live in the photo storage under `storageKey`/`thumbnailKey`. */
@Entity('photos')
@Index(['incidentId', 'createdAt'])
export class Photo {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') incidentId: string;
  /** Set when the photo documents a dispatch (e.g. a duty officer's proof of resolution). */
  @Index() @Column({ type: 'uuid', nullable: true }) dispatchId: string | null;
  @Column() storageKey: string;
  @Column() thumbnailKey: string;
  @Column() contentType: string;
  @Column('integer') sizeBytes: number;
  @Column('integer') width: number;
  @Column('integer') height: number;
  @Column('uuid') uploadedById: string;
  /** Order within its upload: photos sent together share one `createdAt` (the transaction's time). */
  @Column('smallint') position: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => Incident, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;
  @ManyToOne(() => Dispatch, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dispatch_id' })
  dispatch?: Relation<Dispatch>;
  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: Relation<User>;
}

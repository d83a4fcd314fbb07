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
import { Department } from '../departments/department.entity';
import { Dispatch } from './dispatch.entity';
import { Street } from '../streets/street.entity';
import { User } from '../users/user.entity';

/**
 * A street's rating of a verified dispatch. Back-to-back (背对背): departments only ever see
 * averages, never a single rating or who gave it.
 */
@Entity('ratings')
export class Rating {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', unique: true }) dispatchId: string;
  @Index() @Column('uuid') departmentId: string;
  @Column('uuid') streetId: string;
  @Column('smallint') score: number;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column('uuid') ratedById: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => Dispatch, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dispatch_id' })
  dispatch?: Relation<Dispatch>;
  @ManyToOne(() => Department, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;
  @ManyToOne(() => Street, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street>;
  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rated_by_id' })
  ratedBy?: Relation<User>;
}

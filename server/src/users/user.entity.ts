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
import { District } from '../streets/district.entity';
import { Street } from '../streets/street.entity';
import { ROLES, type Role } from '@whistle/shared';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ unique: true }) username: string;
  @Column() passwordHash: string;
  @Column() displayName: string;
  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' }) role: Role;
  @Column('uuid') districtId: string;
  @Index() @Column({ type: 'uuid', nullable: true }) streetId: string | null;
  @Index() @Column({ type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ default: true }) active: boolean;
  /** After an admin's reset: the next login may do nothing but choose a new password. */
  @Column({ default: false }) mustChangePassword: boolean;
  @Column({ type: 'timestamptz', default: () => 'now()' }) passwordChangedAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => District, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;
  @ManyToOne(() => Street, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street> | null;
  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department> | null;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
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
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

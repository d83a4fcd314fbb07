import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ unique: true }) code: string;
  @Column() nameZh: string;
  @Column() nameEn: string;
  /** Utilities (供电, 供水, 燃气) are summoned like departments but are not district bureaus. */
  @Column({ type: 'varchar', default: 'department' }) kind: 'department' | 'utility';
  /** Category codes it handles: a whistle on an incident of one of them suggests this department. */
  @Column({ type: 'text', array: true, default: '{}' }) categories: string[];
}

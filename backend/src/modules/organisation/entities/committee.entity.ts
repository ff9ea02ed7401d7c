import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganisationUnit } from './organisation-unit.entity';

/** A nämnd: the owner of report cycles and the root of an organisation tree. */
@Entity({ name: 'committee' })
export class Committee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  municipality: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'diary_prefix', type: 'varchar', length: 20, nullable: true })
  diaryPrefix: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany('OrganisationUnit', (unit: OrganisationUnit) => unit.committee)
  units: OrganisationUnit[];
}

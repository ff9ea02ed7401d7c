import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { ActiveTimestampedEntity } from '../../../database/timestamped.entity';
import type { OrganisationUnit } from './organisation-unit.entity';

/** A nämnd: the owner of report cycles and the root of an organisation tree. */
@Entity({ name: 'committee' })
export class Committee extends ActiveTimestampedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  municipality: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'diary_prefix', type: 'varchar', length: 20, nullable: true })
  diaryPrefix: string | null;


  @OneToMany('OrganisationUnit', (unit: OrganisationUnit) => unit.committee)
  units: OrganisationUnit[];
}

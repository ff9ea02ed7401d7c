import type { OrganisationUnitKind } from '@rapportflode/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActiveTimestampedEntity } from '../../../database/timestamped.entity';
import { Committee } from './committee.entity';

/** A node of the organisation under a committee: förvaltning, verksamhetsområde or enhet, at any depth. */
@Entity({ name: 'organisation_unit' })
export class OrganisationUnit extends ActiveTimestampedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_organisation_unit_committee')
  @Column({ name: 'committee_id', type: 'uuid' })
  committeeId: string;

  @ManyToOne(() => Committee, (committee) => committee.units, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'fk_organisation_unit_committee' })
  committee: Committee;

  @Index('ix_organisation_unit_parent')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrganisationUnit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_organisation_unit_parent' })
  parent: OrganisationUnit | null;

  @Column({ type: 'varchar', length: 30 })
  kind: OrganisationUnitKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  code: string | null;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;

}

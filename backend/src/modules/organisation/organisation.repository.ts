import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationUnitKind } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

/** Every active committee with all its units, in one round trip. */
export const ORGANISATION_SQL = `
  SELECT c.id AS committee_id, c.municipality, c.name AS committee_name, c.diary_prefix,
         u.id AS unit_id, u.parent_id, u.kind, u.name AS unit_name, u.code, u.sort_order, u.active
    FROM committee c
    LEFT JOIN organisation_unit u ON u.committee_id = c.id
   WHERE c.active
   ORDER BY c.municipality, c.name`;

export interface OrganisationRow {
  committee_id: string;
  municipality: string;
  committee_name: string;
  diary_prefix: string | null;
  unit_id: string | null;
  parent_id: string | null;
  kind: OrganisationUnitKind | null;
  unit_name: string | null;
  code: string | null;
  sort_order: number | null;
  active: boolean | null;
}

/** The only writer of committee; also the one read of the whole organisation. */
@Injectable()
export class OrganisationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  organisation(): Promise<OrganisationRow[]> {
    return this.dataSource.query(ORGANISATION_SQL);
  }

  /** The committee of that municipality and name (any case), if any. */
  async findCommittee(manager: EntityManager, municipality: string, name: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await manager.query(
      'SELECT id FROM committee WHERE lower(municipality) = lower($1) AND lower(name) = lower($2)',
      [municipality, name],
    );
    return row?.id;
  }

  async insertCommittee(manager: EntityManager, committee: { municipality: string; name: string; diaryPrefix?: string | null }): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      'INSERT INTO committee (municipality, name, diary_prefix) VALUES ($1, $2, $3) RETURNING id',
      [committee.municipality, committee.name, committee.diaryPrefix ?? null],
    );
    return row.id;
  }
}

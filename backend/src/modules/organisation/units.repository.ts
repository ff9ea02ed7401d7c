import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationUnitKind } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

/** One organisation_unit as the unit administration reads and writes it. */
export interface UnitRow {
  id: string;
  committee_id: string;
  parent_id: string | null;
  kind: OrganisationUnitKind;
  name: string;
  code: string | null;
  active: boolean;
}

/** One node of a committee's unit tree (UnitTree). */
export interface UnitNodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  code: string | null;
  sort_order: number;
  active: boolean;
}

export interface NewUnit {
  committeeId: string;
  parentId: string | null;
  kind: OrganisationUnitKind;
  name: string;
  code: string | null;
  /** Omitted: after the last sibling. */
  sortOrder?: number;
}

const UNIT_COLUMNS = 'id, committee_id, parent_id, kind, name, code, active';

/** A committee's units, in sibling order (sort order, then name). $1 committee id. */
export const COMMITTEE_UNITS_SQL =
  'SELECT id, parent_id, name, code, sort_order, active FROM organisation_unit WHERE committee_id = $1 ORDER BY sort_order, name';

/** The only writer of organisation_unit. Every method takes the transaction's manager, or reads outside one. */
@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every unit of the committee, active or not, in sibling order. */
  async ofCommittee(committeeId: string, manager: EntityManager = this.dataSource.manager): Promise<UnitNodeRow[]> {
    return manager.query(COMMITTEE_UNITS_SQL, [committeeId]);
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<UnitRow | undefined> {
    const [row]: UnitRow[] = await manager.query(
      `SELECT ${UNIT_COLUMNS} FROM organisation_unit WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  /** The unit of that name (any case) directly under the parent (null: at the top), if any. */
  async findChild(
    manager: EntityManager,
    committeeId: string,
    parentId: string | null,
    name: string,
  ): Promise<{ id: string; kind: OrganisationUnitKind; active: boolean } | undefined> {
    const [row] = await manager.query(
      `SELECT id, kind, active FROM organisation_unit
        WHERE committee_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND lower(name) = lower($3)`,
      [committeeId, parentId, name],
    );
    return row;
  }

  async countActiveChildren(manager: EntityManager, id: string): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await manager.query(
      'SELECT count(*)::int AS count FROM organisation_unit WHERE parent_id = $1 AND active',
      [id],
    );
    return count;
  }

  /** Inserts the unit (after its last sibling unless a sort order is given). Fails on uq_organisation_unit_sibling_name. */
  async insert(manager: EntityManager, unit: NewUnit): Promise<UnitRow> {
    const sortOrder =
      unit.sortOrder ??
      (
        (await manager.query(
          `SELECT COALESCE(max(sort_order), 0) + 1 AS next FROM organisation_unit
            WHERE committee_id = $1 AND parent_id IS NOT DISTINCT FROM $2`,
          [unit.committeeId, unit.parentId],
        )) as Array<{ next: number }>
      )[0].next;
    const [row]: UnitRow[] = await manager.query(
      `INSERT INTO organisation_unit (committee_id, parent_id, kind, name, code, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${UNIT_COLUMNS}`,
      [unit.committeeId, unit.parentId, unit.kind, unit.name, unit.code, sortOrder],
    );
    return row;
  }

  /** Writes name, code, kind, parent and active. Fails on uq_organisation_unit_sibling_name. */
  async update(manager: EntityManager, row: UnitRow): Promise<void> {
    await manager.query(
      `UPDATE organisation_unit SET name = $2, code = $3, kind = $4, parent_id = $5, active = $6, updated_at = now()
        WHERE id = $1`,
      [row.id, row.name, row.code, row.kind, row.parent_id, row.active],
    );
  }
}

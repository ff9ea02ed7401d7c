import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RoleAssignmentDto } from '@rapportflode/api-contract';
import { isRole, ResourceScope, RoleGrant } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Reads role grants and where resources sit in the tree: the facts the policy decides from. */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async grantsOf(userId: string, manager: EntityManager = this.dataSource.manager): Promise<RoleAssignmentDto[]> {
    const rows: Array<{
      id: string;
      role: string;
      committee_id: string | null;
      unit_id: string | null;
      unit_name: string | null;
      committee_name: string | null;
      municipality: string | null;
    }> = await manager.query(
      `SELECT r.id, r.role, r.committee_id, r.unit_id, u.name AS unit_name, c.name AS committee_name, c.municipality
         FROM role_assignment r
         LEFT JOIN committee c ON c.id = r.committee_id
         LEFT JOIN organisation_unit u ON u.id = r.unit_id
        WHERE r.user_id = $1
        ORDER BY c.municipality NULLS FIRST, c.name, u.name NULLS FIRST, r.role`,
      [userId],
    );
    return rows
      .filter((row) => isRole(row.role))
      .map((row) => ({
        id: row.id,
        role: row.role as RoleAssignmentDto['role'],
        committeeId: row.committee_id,
        unitId: row.unit_id,
        scopeName: scopeName(row.unit_name, row.committee_name, row.municipality),
      }));
  }

  /** Where a unit sits (its committee and the ids from the root down to it), or null if there is no such unit. */
  async unitScope(unitId: unknown, manager: EntityManager = this.dataSource.manager): Promise<ResourceScope | null> {
    if (!isUuid(unitId)) return null;
    const rows: Array<{ committee_id: string; path: string[] }> = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, committee_id, 0 AS depth FROM organisation_unit WHERE id = $1
         UNION ALL
         SELECT p.id, p.parent_id, p.committee_id, up.depth + 1 FROM organisation_unit p JOIN up ON p.id = up.parent_id
       )
       SELECT (SELECT committee_id FROM up WHERE depth = 0) AS committee_id,
              array_agg(id::text ORDER BY depth DESC) AS path
         FROM up`,
      [unitId],
    );
    const row = rows[0];
    if (!row?.committee_id) return null;
    return { committeeId: row.committee_id, unitPath: row.path };
  }

  async committeeScope(committeeId: unknown, manager: EntityManager = this.dataSource.manager): Promise<ResourceScope | null> {
    if (!isUuid(committeeId)) return null;
    const rows: unknown[] = await manager.query('SELECT 1 FROM committee WHERE id = $1', [committeeId]);
    return rows.length ? { committeeId, unitPath: [] } : null;
  }

  /** The committee a template belongs to: an id, null for a shared template, undefined when there is no such template. */
  async templateCommittee(templateId: string): Promise<string | null | undefined> {
    const rows: Array<{ committee_id: string | null }> = await this.dataSource.query(
      'SELECT committee_id FROM report_template WHERE id = $1',
      [templateId],
    );
    return rows.length ? rows[0].committee_id : undefined;
  }

  /** A cycle sits at its nämnd. */
  async cycleScope(cycleId: unknown): Promise<ResourceScope | null> {
    if (!isUuid(cycleId)) return null;
    const rows: Array<{ committee_id: string }> = await this.dataSource.query(
      'SELECT committee_id FROM report_cycle WHERE id = $1',
      [cycleId],
    );
    return rows.length ? { committeeId: rows[0].committee_id, unitPath: [] } : null;
  }

  /** A task sits at its unit (the path from the nämnd's root down to it), or at the nämnd for a nämnd-level task. */
  async taskScope(taskId: unknown, manager: EntityManager = this.dataSource.manager): Promise<ResourceScope | null> {
    if (!isUuid(taskId)) return null;
    const rows: Array<{ committee_id: string; path: string[] | null }> = await manager.query(
      `WITH RECURSIVE t AS (
         SELECT c.committee_id, t.unit_id FROM task t JOIN report_cycle c ON c.id = t.cycle_id WHERE t.id = $1
       ), up AS (
         SELECT u.id, u.parent_id, 0 AS depth FROM organisation_unit u JOIN t ON u.id = t.unit_id
         UNION ALL
         SELECT p.id, p.parent_id, up.depth + 1 FROM organisation_unit p JOIN up ON p.id = up.parent_id
       )
       SELECT t.committee_id, (SELECT array_agg(id::text ORDER BY depth DESC) FROM up) AS path FROM t`,
      [taskId],
    );
    if (!rows.length) return null;
    return { committeeId: rows[0].committee_id, unitPath: rows[0].path ?? [] };
  }

  async userExists(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM app_user WHERE id = $1', [userId]);
    return rows.length > 0;
  }

  /** The scope of a role assignment as stored: a unit, a committee, or the installation (null). */
  async assignmentScope(committeeId: string | null, unitId: string | null): Promise<ResourceScope | 'installation' | null> {
    if (unitId) {
      const scope = await this.unitScope(unitId);
      return scope && scope.committeeId === committeeId ? scope : null;
    }
    if (committeeId) return this.committeeScope(committeeId);
    return 'installation';
  }
}

export function toGrants(assignments: readonly RoleAssignmentDto[]): RoleGrant[] {
  return assignments.map(({ role, committeeId, unitId }) => ({ role, committeeId, unitId }));
}

function scopeName(unit: string | null, committee: string | null, municipality: string | null): string {
  if (!committee) return 'Hela installationen';
  const committeeName = `${committee}, ${municipality ?? ''}`.replace(/, $/, '');
  return unit ? `${unit} (${committeeName})` : committeeName;
}

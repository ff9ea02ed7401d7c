import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A role assignment with the names of where it holds. */
export interface GrantRow {
  id: string;
  role: string;
  committee_id: string | null;
  unit_id: string | null;
  unit_name: string | null;
  committee_name: string | null;
  municipality: string | null;
}

/** Where something sits: its committee and the unit ids from the root down (null when there is no unit path). */
export interface PlaceRow {
  committee_id: string;
  path: string[] | null;
}

/** Read-only: role grants and where units, committees, templates, cycles and tasks sit. */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async grants(manager: EntityManager, userId: string): Promise<GrantRow[]> {
    return manager.query(
      `SELECT r.id, r.role, r.committee_id, r.unit_id, u.name AS unit_name, c.name AS committee_name, c.municipality
         FROM role_assignment r
         LEFT JOIN committee c ON c.id = r.committee_id
         LEFT JOIN organisation_unit u ON u.id = r.unit_id
        WHERE r.user_id = $1
        ORDER BY c.municipality NULLS FIRST, c.name, u.name NULLS FIRST, r.role`,
      [userId],
    );
  }

  /** A unit's committee and the path down to it (committee_id null when there is no such unit). */
  async unitPlace(manager: EntityManager, unitId: string): Promise<PlaceRow | undefined> {
    const [row]: PlaceRow[] = await manager.query(
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
    return row;
  }

  async committeeExists(manager: EntityManager, committeeId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM committee WHERE id = $1', [committeeId]);
    return rows.length > 0;
  }

  /** A template's committee: an id, null for a shared template, undefined when there is no such template. */
  async templateCommittee(templateId: string): Promise<string | null | undefined> {
    const rows: Array<{ committee_id: string | null }> = await this.dataSource.query('SELECT committee_id FROM report_template WHERE id = $1', [
      templateId,
    ]);
    return rows.length ? rows[0].committee_id : undefined;
  }

  async cycleCommittee(cycleId: string): Promise<string | undefined> {
    const rows: Array<{ committee_id: string }> = await this.dataSource.query('SELECT committee_id FROM report_cycle WHERE id = $1', [cycleId]);
    return rows[0]?.committee_id;
  }

  async meetingCommittee(meetingId: string): Promise<string | undefined> {
    const rows: Array<{ committee_id: string }> = await this.dataSource.query('SELECT committee_id FROM meeting WHERE id = $1', [meetingId]);
    return rows[0]?.committee_id;
  }

  /** A task's committee and the path down to its unit (path null for a nämnd-level task). */
  async taskPlace(manager: EntityManager, taskId: string): Promise<PlaceRow | undefined> {
    const [row]: PlaceRow[] = await manager.query(
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
    return row;
  }

  async userExists(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM app_user WHERE id = $1', [userId]);
    return rows.length > 0;
  }
}

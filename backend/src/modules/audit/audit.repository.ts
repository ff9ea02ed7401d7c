import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { pageWithTotal } from '../../database/query';

/** One audit event as written (before and after as JSON text or null). */
export interface AuditEventInsert {
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  committee_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** An audit event as the list reads it, with the actor's name. */
export interface AuditEventRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  /** What the entity resolves to now (AuditContext), null columns when it is not of that kind or gone. */
  task_id: string | null;
  section_number: string | null;
  section_title: string | null;
  unit_name: string | null;
  cycle_id: string | null;
  cycle_title: string | null;
  person_name: string | null;
  entity_unit_name: string | null;
  template_name: string | null;
}

/** What the list is narrowed to; `committees` null: every committee and the installation. */
export interface AuditFilter {
  committees: readonly (string | null)[] | null;
  entityType?: string;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}

/** audit_event: the one place it is written (append only). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, event: AuditEventInsert): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, action, entity_type, entity_id, committee_id, before, after, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [event.actor_user_id, event.action, event.entity_type, event.entity_id, event.committee_id, event.before, event.after, event.ip],
    );
  }

  /** Several events in one statement; before and after as values (stored as jsonb). */
  async insertMany(manager: EntityManager, events: readonly AuditEventInsert[]): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, action, entity_type, entity_id, committee_id, before, after, ip)
       SELECT actor_user_id, action, entity_type, entity_id, committee_id, before, after, ip
         FROM jsonb_to_recordset($1::jsonb)
           AS e(actor_user_id uuid, action varchar, entity_type varchar, entity_id varchar, committee_id uuid, before jsonb, after jsonb, ip varchar)`,
      [JSON.stringify(events)],
    );
  }

  /** The latest event of an action on an entity whose `after` holds `field` = `value` (in the caller's transaction), with its actor's name. */
  async latestWith(
    manager: EntityManager,
    action: string,
    entityId: string,
    field: string,
    value: string,
  ): Promise<{ occurred_at: Date; actor_name: string | null } | undefined> {
    const [found]: Array<{ occurred_at: Date; actor_name: string | null }> = await manager.query(
      `SELECT e.occurred_at, u.name AS actor_name FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.action = $1 AND e.entity_id = $2 AND e.after ->> $3 = $4 ORDER BY e.id DESC LIMIT 1`,
      [action, entityId, field, value],
    );
    return found;
  }

  /** One page of the events the filter lets through, newest first, and how many there are in all. */
  async page(filter: AuditFilter, page: number, pageSize: number): Promise<{ total: number; rows: AuditEventRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.committees) where.push(`e.committee_id = ANY(${param(filter.committees)}::uuid[])`);
    if (filter.entityType) where.push(`e.entity_type = ${param(filter.entityType)}`);
    if (filter.action) where.push(`e.action = ${param(filter.action)}`);
    if (filter.actorId) where.push(`e.actor_user_id = ${param(filter.actorId)}`);
    if (filter.from) where.push(`e.occurred_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`e.occurred_at < ${param(filter.to)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const count = { sql: `SELECT count(*)::int AS total FROM audit_event e ${clause}`, parameters: [...params] };
    return pageWithTotal<AuditEventRow>(this.dataSource, count, {
      sql: `WITH page AS (
         SELECT e.id, e.occurred_at, e.actor_user_id, e.action, e.entity_type, e.entity_id, e.before, e.after
           FROM audit_event e ${clause}
          ORDER BY e.id DESC
          LIMIT ${param(pageSize)} OFFSET ${param((page - 1) * pageSize)}
       )
       SELECT e.id::text AS id, e.occurred_at, e.actor_user_id, u.name AS actor_name, e.action, e.entity_type,
              e.entity_id, e.before, e.after,
              t.id AS task_id, s.number AS section_number, s.title AS section_title, tu.name AS unit_name,
              c.id AS cycle_id, c.title AS cycle_title,
              COALESCE(pu.name, ru.name) AS person_name, eu.name AS entity_unit_name, rt.name AS template_name
         FROM page e
         LEFT JOIN app_user u ON u.id = e.actor_user_id
         LEFT JOIN task t ON e.entity_type = 'task' AND t.id::text = e.entity_id
         LEFT JOIN cycle_section s ON s.id = t.section_id
         LEFT JOIN organisation_unit tu ON tu.id = t.unit_id
         LEFT JOIN memo mo ON e.entity_type = 'memo' AND mo.id::text = e.entity_id
         LEFT JOIN report_version rv ON e.entity_type = 'report_version' AND rv.id::text = e.entity_id
         LEFT JOIN report_cycle c ON c.id::text = CASE e.entity_type
                WHEN 'task' THEN t.cycle_id::text
                WHEN 'memo' THEN mo.cycle_id::text
                WHEN 'report_version' THEN rv.cycle_id::text
                WHEN 'cycle' THEN e.entity_id
                WHEN 'economy_import' THEN e.after ->> 'cycleId'
              END
         LEFT JOIN app_user pu ON e.entity_type = 'user' AND pu.id::text = e.entity_id
         LEFT JOIN app_user ru ON e.entity_type = 'role_assignment' AND ru.id::text = COALESCE(e.after ->> 'userId', e.before ->> 'userId')
         LEFT JOIN organisation_unit eu ON e.entity_type = 'unit' AND eu.id::text = e.entity_id
         LEFT JOIN report_template rt ON e.entity_type = 'template' AND rt.id::text = e.entity_id
        ORDER BY e.id DESC`,
      parameters: params,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventDto, AuditListResponse } from '@rapportflode/api-contract';
import type { RoleGrant } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The committee the change belongs to, so admins see their own committee's history. */
  committeeId: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export interface AuditQuery {
  entityType?: string;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** The append-only record of every change to organisation, people and roles. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Call inside the transaction that makes the change: both commit or neither does. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, action, entity_type, entity_id, committee_id, before, after, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.actorUserId,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.committeeId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.ip ?? null,
      ],
    );
  }

  /** Several events in one statement (an import touching hundreds of tasks), inside the change's transaction. */
  async recordMany(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, action, entity_type, entity_id, committee_id, before, after, ip)
       SELECT actor_user_id, action, entity_type, entity_id, committee_id, before, after, ip
         FROM jsonb_to_recordset($1::jsonb)
           AS e(actor_user_id uuid, action varchar, entity_type varchar, entity_id varchar, committee_id uuid, before jsonb, after jsonb, ip varchar)`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            actor_user_id: entry.actorUserId,
            action: entry.action,
            entity_type: entry.entityType,
            entity_id: entry.entityId,
            committee_id: entry.committeeId,
            before: entry.before ?? null,
            after: entry.after ?? null,
            ip: entry.ip ?? null,
          })),
        ),
      ],
    );
  }

  /** Events visible through the given grants: installation-wide grants see all, committee grants their committee's. */
  async list(query: AuditQuery, grants: readonly RoleGrant[]): Promise<AuditListResponse> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (!grants.some((grant) => grant.committeeId === null)) {
      const committees = [...new Set(grants.map((grant) => grant.committeeId))];
      where.push(`e.committee_id = ANY(${param(committees)}::uuid[])`);
    }
    if (query.entityType) where.push(`e.entity_type = ${param(query.entityType)}`);
    if (query.action) where.push(`e.action = ${param(query.action)}`);
    if (query.actorId) where.push(`e.actor_user_id = ${param(query.actorId)}`);
    if (query.from) where.push(`e.occurred_at >= ${param(query.from)}`);
    if (query.to) where.push(`e.occurred_at < ${param(query.to)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_event e ${clause}`, params);
    const rows: Array<{
      id: string;
      occurred_at: Date;
      actor_user_id: string | null;
      actor_name: string | null;
      action: string;
      entity_type: string;
      entity_id: string | null;
      before: unknown;
      after: unknown;
    }> = await this.dataSource.query(
      `SELECT e.id::text AS id, e.occurred_at, e.actor_user_id, u.name AS actor_name, e.action, e.entity_type,
              e.entity_id, e.before, e.after
         FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
         ${clause}
        ORDER BY e.id DESC
        LIMIT ${param(query.pageSize)} OFFSET ${param((query.page - 1) * query.pageSize)}`,
      params,
    );
    const events: AuditEventDto[] = rows.map((row) => ({
      id: row.id,
      occurredAt: new Date(row.occurred_at).toISOString(),
      actor: row.actor_user_id ? { id: row.actor_user_id, name: row.actor_name ?? '' } : null,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
    }));
    return { events, page: query.page, pageSize: query.pageSize, total };
  }
}

import { Injectable } from '@nestjs/common';
import type { AuditEventDto, AuditListResponse } from '@rapportflode/api-contract';
import type { RoleGrant } from '@rapportflode/domain';
import { EntityManager } from 'typeorm';
import { AuditEventInsert, AuditRepository } from './audit.repository';

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
  constructor(private readonly repository: AuditRepository) {}

  /** Call inside the transaction that makes the change: both commit or neither does. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.repository.insert(manager, {
      ...row(entry),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    });
  }

  /** Several events in one statement (an import touching hundreds of tasks), inside the change's transaction. */
  async recordMany(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.repository.insertMany(
      manager,
      entries.map((entry) => ({ ...row(entry), before: entry.before ?? null, after: entry.after ?? null })),
    );
  }

  /** The latest event of an action on an entity whose recorded `after` has `field` = `value`; read in the caller's transaction. */
  latestWith(manager: EntityManager, action: string, entityId: string, field: string, value: string) {
    return this.repository.latestWith(manager, action, entityId, field, value);
  }

  /** Events visible through the given grants: installation-wide grants see all, committee grants their committee's. */
  async list(query: AuditQuery, grants: readonly RoleGrant[]): Promise<AuditListResponse> {
    const committees = grants.some((grant) => grant.committeeId === null) ? null : [...new Set(grants.map((grant) => grant.committeeId))];
    const { total, rows } = await this.repository.page({ ...query, committees }, query.page, query.pageSize);
    const events: AuditEventDto[] = rows.map((row) => ({
      id: row.id,
      occurredAt: new Date(row.occurred_at).toISOString(),
      actor: row.actor_user_id ? { id: row.actor_user_id, name: row.actor_name ?? '' } : null,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
      context: {
        taskId: row.task_id,
        sectionNumber: row.section_number,
        sectionTitle: row.section_title,
        unitName: row.unit_name,
        cycleId: row.cycle_id,
        cycleTitle: row.cycle_title,
        personName: row.person_name,
        entityUnitName: row.entity_unit_name,
        templateName: row.template_name,
      },
    }));
    return { events, page: query.page, pageSize: query.pageSize, total };
  }
}

/** The columns of an entry other than before and after. */
function row(entry: AuditEntry): Omit<AuditEventInsert, 'before' | 'after'> {
  return {
    actor_user_id: entry.actorUserId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    committee_id: entry.committeeId,
    ip: entry.ip ?? null,
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemoContent, Role, TaskState } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../../database/query';

/** A cycle's stored tjänsteskrivelse, with the name of who saved it last. */
export interface MemoRow {
  id: string;
  content: MemoContent;
  state: TaskState;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
  /** Who saved last: a stale save tells "you, in another tab" from someone else. */
  updated_by_id: string | null;
  state_changed_at: Date;
}

/** A submitted memo in a reviewer's queue. */
export interface MemoQueueRow {
  cycle_id: string;
  cycle_title: string;
  cycle_diary_number: string;
  committee_name: string;
  state_changed_at: Date;
}

/** Someone who signs a nämnd's tjänsteskrivelse. */
export interface SignatoryRow {
  name: string;
  title: string | null;
  role: Role;
}

/** The only writer of memo (its history is the workflow's: workflow.repository.ts). */
@Injectable()
export class MemosRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The cycle's memo (locked FOR UPDATE when asked), null before its first save. */
  async find(cycleId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<MemoRow | null> {
    const [row]: MemoRow[] = await manager.query(
      `SELECT mo.id, mo.content, mo.state, mo.version, mo.updated_at, mo.state_changed_at, u.name AS updated_by_name, mo.updated_by AS updated_by_id
         FROM memo mo LEFT JOIN app_user u ON u.id = mo.updated_by WHERE mo.cycle_id = $1 ${lock ? 'FOR UPDATE OF mo' : ''}`,
      [cycleId],
    );
    return row ?? null;
  }

  /** The first stored draft (not_started, version 0); null when another save stored one first. */
  async insertDraft(cycleId: string, content: MemoContent, userId: string, manager: EntityManager): Promise<string | null> {
    const [created]: Array<{ id: string }> = await manager.query(
      `INSERT INTO memo (cycle_id, content, state, version, created_by, updated_by) VALUES ($1, $2, 'not_started', 0, $3, $3)
       ON CONFLICT (cycle_id) DO NOTHING RETURNING id`,
      [cycleId, JSON.stringify(content), userId],
    );
    return created?.id ?? null;
  }

  /** New content (and the state the save reached), the next version. */
  async updateContent(
    id: string,
    content: MemoContent,
    state: TaskState,
    userId: string,
    manager: EntityManager,
  ): Promise<{ version: number; updated_at: Date }> {
    const [updated] = await changedRows<{ version: number; updated_at: Date }>(
      manager,
      `UPDATE memo SET content = $2, version = version + 1, state = $3::varchar, updated_by = $4, updated_at = now(),
              state_changed_at = CASE WHEN state <> $3::varchar THEN now() ELSE state_changed_at END
        WHERE id = $1 RETURNING version, updated_at`,
      [id, JSON.stringify(content), state, userId],
    );
    return updated;
  }

  /** A workflow step's new state, the next version. */
  async updateState(id: string, state: TaskState, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE memo SET state = $2, version = version + 1, state_changed_at = now() WHERE id = $1', [id, state]);
  }

  /** The active people who may review the nämnd's memo: a nämnd-wide (or installation-wide) role among `roles`. */
  async reviewers(committeeId: string, roles: readonly Role[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT DISTINCT u.id FROM role_assignment r JOIN app_user u ON u.id = r.user_id
        WHERE u.active AND r.unit_id IS NULL AND (r.committee_id IS NULL OR r.committee_id = $1) AND r.role = ANY($2::text[])`,
      [committeeId, roles],
    );
    return rows.map((r) => r.id);
  }

  /** The submitted memos a person may review (a nämnd-wide role among `roles`), the longest waiting first. */
  reviewQueue(userId: string, roles: readonly Role[]): Promise<MemoQueueRow[]> {
    return this.dataSource.query(
      `SELECT rc.id AS cycle_id, rc.title AS cycle_title, rc.diary_number AS cycle_diary_number, cm.name AS committee_name, mo.state_changed_at
         FROM memo mo JOIN report_cycle rc ON rc.id = mo.cycle_id JOIN committee cm ON cm.id = rc.committee_id
        WHERE mo.state = 'submitted'
          AND EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = $1 AND r.unit_id IS NULL AND r.role = ANY($2::text[])
                        AND (r.committee_id IS NULL OR r.committee_id = rc.committee_id))
        ORDER BY mo.state_changed_at LIMIT 200`,
      [userId, roles],
    );
  }

  /** The nämnd's active förvaltningschefer and förvaltningsekonomer (one row a person). */
  signatories(committeeId: string, manager: EntityManager = this.dataSource.manager): Promise<SignatoryRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (u.id) u.name, NULLIF(u.title, '') AS title, r.role
         FROM role_assignment r JOIN app_user u ON u.id = r.user_id
        WHERE u.active AND r.committee_id = $1 AND r.unit_id IS NULL AND r.role IN ('director', 'economist')
        ORDER BY u.id, r.role DESC`,
      [committeeId],
    );
  }
}

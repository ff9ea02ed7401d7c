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
      `SELECT mo.id, mo.content, mo.state, mo.version, mo.updated_at, mo.state_changed_at, u.name AS updated_by_name
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

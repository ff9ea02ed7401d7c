import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentRowAnchor } from '@rapportflode/api-contract';
import { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../../database/query';

/** A comment as stored, with its author's and resolver's names. */
export interface TaskCommentRow {
  id: string;
  parentId: string | null;
  anchor: string | null;
  rowAnchor: CommentRowAnchor | null;
  authorName: string;
  authorId: string;
  body: string;
  createdAt: Date;
  resolved_at: Date | null;
  resolvedByName: string | null;
}

/** The task_comment table. */
@Injectable()
export class TaskCommentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(manager: EntityManager, taskId: string): Promise<TaskCommentRow[]> {
    return manager.query(
      `SELECT cm.id, cm.parent_id AS "parentId", cm.anchor, cm.row_anchor AS "rowAnchor", a.name AS "authorName", cm.author_id AS "authorId", cm.body,
              cm.created_at AS "createdAt", cm.resolved_at, r.name AS "resolvedByName"
         FROM task_comment cm JOIN app_user a ON a.id = cm.author_id LEFT JOIN app_user r ON r.id = cm.resolved_by
        WHERE cm.task_id = $1 ORDER BY cm.created_at, cm.id`,
      [taskId],
    );
  }

  /** A comment of this task (undefined when it is not one). */
  async parent(manager: EntityManager, commentId: string, taskId: string): Promise<{ id: string; parent_id: string | null; author_id: string } | undefined> {
    const [row] = await manager.query('SELECT id, parent_id, author_id FROM task_comment WHERE id = $1 AND task_id = $2', [commentId, taskId]);
    return row;
  }

  async insert(
    manager: EntityManager,
    comment: { taskId: string; parentId: string | null; anchor: string | null; rowAnchor: CommentRowAnchor | null; authorId: string; body: string },
  ): Promise<string> {
    const [created]: Array<{ id: string }> = await manager.query(
      'INSERT INTO task_comment (task_id, parent_id, anchor, row_anchor, author_id, body) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [comment.taskId, comment.parentId, comment.anchor, comment.rowAnchor === null ? null : JSON.stringify(comment.rowAnchor), comment.authorId, comment.body],
    );
    return created.id;
  }

  async authorName(manager: EntityManager, userId: string): Promise<string | undefined> {
    const [row]: Array<{ name: string }> = await manager.query('SELECT name FROM app_user WHERE id = $1', [userId]);
    return row?.name;
  }

  /** Marks the thread resolved (keeping the first resolution) or open; false when there is no such comment on the task. */
  async setResolved(taskId: string, commentId: string, resolved: boolean, userId: string): Promise<boolean> {
    const rows = await changedRows(
      this.dataSource.manager,
      `UPDATE task_comment SET resolved_at = CASE WHEN $3 THEN COALESCE(resolved_at, now()) END,
              resolved_by = CASE WHEN $3 THEN COALESCE(resolved_by, $4::uuid) END
        WHERE id = $1 AND task_id = $2 RETURNING id`,
      [commentId, taskId, resolved, userId],
    );
    return rows.length > 0;
  }
}

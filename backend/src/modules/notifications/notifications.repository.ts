import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationDto } from '@rapportflode/api-contract';
import { DataSource, EntityManager } from 'typeorm';

/** A notification as the list returns it (createdAt still a Date). */
export interface NotificationRow extends Omit<NotificationDto, 'createdAt'> {
  createdAt: Date;
}

/** The notification table: the one place it is written. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One row per recipient, in the caller's transaction. */
  async insert(manager: EntityManager, userIds: readonly string[], kind: NotificationDto['kind'], text: string, taskId: string | null): Promise<void> {
    await manager.query('INSERT INTO notification (user_id, kind, text, task_id) SELECT unnest($1::uuid[]), $2, $3, $4', [userIds, kind, text, taskId]);
  }

  /** The person's latest 100, newest first. */
  async latest(userId: string): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT id, kind, text, task_id AS "taskId", created_at AS "createdAt", read_at IS NOT NULL AS read
         FROM notification WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100`,
      [userId],
    );
  }

  async unread(userId: string): Promise<number> {
    const [{ unread }]: Array<{ unread: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return unread;
  }

  /** Marks the person's own unread notifications read (those named, or all). */
  async markRead(userId: string, ids: readonly string[] | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids],
    );
  }

  /** Marks read every notification about the tasks of a cycle (the demo data's finished cycles). */
  async markCycleRead(cycleId: string): Promise<void> {
    await this.dataSource.query('UPDATE notification SET read_at = now() WHERE task_id IN (SELECT id FROM task WHERE cycle_id = $1)', [cycleId]);
  }
}

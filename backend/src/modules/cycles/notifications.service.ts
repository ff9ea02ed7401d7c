import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationDto, NotificationListResponse } from '@rapportflode/api-contract';
import { DataSource, EntityManager } from 'typeorm';

/** In-app notifications: written in the transaction of the event they tell about. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One notification per recipient; the person who caused the event is not told about it. */
  async notify(
    manager: EntityManager,
    recipients: readonly string[],
    actorId: string,
    kind: NotificationDto['kind'],
    text: string,
    taskId: string | null,
  ): Promise<void> {
    const to = [...new Set(recipients)].filter((id) => id !== actorId);
    if (to.length === 0) return;
    await manager.query(
      'INSERT INTO notification (user_id, kind, text, task_id) SELECT unnest($1::uuid[]), $2, $3, $4',
      [to, kind, text.slice(0, 500), taskId],
    );
  }

  async list(userId: string): Promise<NotificationListResponse> {
    const [rows, [{ unread }]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, kind, text, task_id AS "taskId", created_at AS "createdAt", read_at IS NOT NULL AS read
           FROM notification WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100`,
        [userId],
      ) as Promise<Array<Omit<NotificationDto, 'createdAt'> & { createdAt: Date }>>,
      this.dataSource.query('SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL', [userId]),
    ]);
    return { unread, notifications: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
  }

  /** Marks the person's own notifications read (those named, or all). */
  async markRead(userId: string, ids?: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids ?? null],
    );
  }
}

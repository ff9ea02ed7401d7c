import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReminderFailureKind, ReminderFailureListResponse } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';

interface FailureRow {
  id: string;
  recipient_name: string;
  recipient_email: string;
  task_id: string;
  cycle_title: string;
  section_number: string;
  section_title: string;
  unit_name: string | null;
  kind: ReminderFailureKind;
  offset: number;
  due_at: Date;
  sent_at: Date;
  attempts: number;
  status: 'pending' | 'failed';
  error: string | null;
}

/**
 * The reminder e-mails that did not go out (sent_reminder, channel email): refused for good
 * (`failed`), or still pending after a failed attempt (an error, BullMQ retries them). Such a
 * refusal does not fail the reminder job, so the page Köer never shows it; the page Utskick does.
 * Matches the partial index ix_sent_reminder_undelivered (status <> 'sent').
 */
const UNDELIVERED = `r.channel = 'email' AND (r.status = 'failed' OR (r.status = 'pending' AND r.error IS NOT NULL))`;

@Injectable()
export class AdminReminderFailuresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(page: number, pageSize: number): Promise<ReminderFailureListResponse> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM sent_reminder r WHERE ${UNDELIVERED}`,
    );
    const rows: FailureRow[] = await this.dataSource.query(
      `SELECT r.id, u.name AS recipient_name, u.email AS recipient_email, r.task_id, c.title AS cycle_title,
              s.number AS section_number, s.title AS section_title, o.name AS unit_name, r.kind, r."offset",
              r.due_at, r.sent_at, r.attempts, r.status, r.error
         FROM sent_reminder r
         JOIN app_user u ON u.id = r.recipient_user_id
         JOIN task t ON t.id = r.task_id
         JOIN report_cycle c ON c.id = t.cycle_id
         JOIN cycle_section s ON s.id = t.section_id
         LEFT JOIN organisation_unit o ON o.id = t.unit_id
        WHERE ${UNDELIVERED}
        ORDER BY r.sent_at DESC, r.id DESC LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    return {
      total,
      page,
      pageSize,
      failures: rows.map((row) => ({
        id: row.id,
        recipientName: row.recipient_name,
        recipientEmail: row.recipient_email,
        taskId: row.task_id,
        cycleTitle: row.cycle_title,
        sectionNumber: row.section_number,
        sectionTitle: row.section_title,
        unitName: row.unit_name,
        kind: row.kind,
        offset: Number(row.offset),
        dueAt: new Date(row.due_at).toISOString(),
        triedAt: new Date(row.sent_at).toISOString(),
        attempts: Number(row.attempts),
        status: row.status === 'failed' ? 'failed' : 'retrying',
        error: row.error,
      })),
    };
  }
}

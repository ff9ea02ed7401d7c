import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReminderFailureKind } from '@rapportflode/api-contract';
import { DataSource, EntityManager } from 'typeorm';
import { pageWithTotal } from '../../database/query';

/** A kept mail as the page Utskick lists it (a confidential mail's body left out). */
export interface CapturedMailRow {
  id: string;
  to_address: string;
  subject: string;
  created_at: Date;
  text_body: string;
  html_body: string | null;
  confidential: boolean;
}

/** A reminder e-mail that did not go out, with the task it was about. */
export interface ReminderFailureRow {
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

export interface InstallationSettingsRow {
  self_approval_allowed: boolean;
  updated_at: Date;
  updated_by_name: string | null;
}

/**
 * The reminder e-mails that did not go out (sent_reminder, channel email): refused for good
 * (`failed`), or still pending after a failed attempt (an error, BullMQ retries them). Matches the
 * partial index ix_sent_reminder_undelivered (status <> 'sent').
 */
const UNDELIVERED = `r.channel = 'email' AND (r.status = 'failed' OR (r.status = 'pending' AND r.error IS NOT NULL))`;

/**
 * Whether the submitter of a round may approve it themselves, read in the caller's transaction
 * (undefined without the settings row).
 */
export async function readSelfApproval(manager: Pick<EntityManager, 'query'>): Promise<boolean | undefined> {
  const [row]: Array<{ self_approval_allowed: boolean }> = await manager.query('SELECT self_approval_allowed FROM installation_settings WHERE id');
  return row?.self_approval_allowed;
}

/** installation_settings (written here only), and the admin pages' reads of captured_mail and sent_reminder. */
@Injectable()
export class OperationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async capturedMail(page: number, pageSize: number): Promise<{ total: number; rows: CapturedMailRow[] }> {
    return pageWithTotal<CapturedMailRow>(this.dataSource, { sql: 'SELECT count(*)::int AS total FROM captured_mail' }, {
      sql: `SELECT id, to_address, subject, created_at, confidential,
              CASE WHEN confidential THEN '' ELSE text_body END AS text_body,
              CASE WHEN confidential THEN NULL ELSE html_body END AS html_body
         FROM captured_mail
        ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`,
      parameters: [pageSize, (page - 1) * pageSize],
    });
  }

  async reminderFailures(page: number, pageSize: number): Promise<{ total: number; rows: ReminderFailureRow[] }> {
    return pageWithTotal<ReminderFailureRow>(this.dataSource, { sql: `SELECT count(*)::int AS total FROM sent_reminder r WHERE ${UNDELIVERED}` }, {
      sql: `SELECT r.id, u.name AS recipient_name, u.email AS recipient_email, r.task_id, c.title AS cycle_title,
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
      parameters: [pageSize, (page - 1) * pageSize],
    });
  }

  async settings(manager: EntityManager): Promise<InstallationSettingsRow | undefined> {
    const [row]: InstallationSettingsRow[] = await manager.query(
      `SELECT s.self_approval_allowed, s.updated_at, u.name AS updated_by_name
         FROM installation_settings s LEFT JOIN app_user u ON u.id = s.updated_by WHERE s.id`,
    );
    return row;
  }

  async selfApprovalForUpdate(manager: EntityManager): Promise<boolean | undefined> {
    const [row]: Array<{ self_approval_allowed: boolean }> = await manager.query(
      'SELECT self_approval_allowed FROM installation_settings WHERE id FOR UPDATE',
    );
    return row?.self_approval_allowed;
  }

  async saveSelfApproval(manager: EntityManager, allowed: boolean, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO installation_settings (id, self_approval_allowed, updated_at, updated_by) VALUES (true, $1, now(), $2)
       ON CONFLICT (id) DO UPDATE SET self_approval_allowed = EXCLUDED.self_approval_allowed, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [allowed, userId],
    );
  }
}

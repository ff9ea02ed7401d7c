import { Injectable } from '@nestjs/common';
import type { ReminderFailureListResponse } from '@rapportflode/api-contract';
import { OperationsRepository } from './operations.repository';

/**
 * The reminder e-mails that did not go out: refused for good (`failed`), or still pending after a
 * failed attempt (BullMQ retries them). Such a refusal does not fail the reminder job, so the page
 * Köer never shows it; the page Utskick does.
 */
@Injectable()
export class AdminReminderFailuresService {
  constructor(private readonly repository: OperationsRepository) {}

  async list(page: number, pageSize: number): Promise<ReminderFailureListResponse> {
    const { total, rows } = await this.repository.reminderFailures(page, pageSize);
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

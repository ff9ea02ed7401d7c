import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chasing late units:
 * - sent_reminder kind `manual`: the reminder a secretary sends with "Skicka påminnelse nu". Its
 *   due instant is the start of the Stockholm day it was asked for and its offset 0, so the
 *   unique key sends it at most once per task, person and day.
 * - report_cycle.submission_deadline_set_at: when the cycle's submission deadline was last moved
 *   (NULL: as created). A cycle deadline moved into the past counts the late reminders of the
 *   tasks that follow it from that day, as task.deadline_set_at does for a task's own deadline.
 */
export class AddManualReminders1764000000020 implements MigrationInterface {
  name = 'AddManualReminders1764000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP CONSTRAINT "ck_sent_reminder_kind"`);
    await queryRunner.query(
      `ALTER TABLE "sent_reminder" ADD CONSTRAINT "ck_sent_reminder_kind" CHECK ("kind" IN ('before', 'due', 'late', 'review_nudge', 'returned', 'reopened', 'manual'))`,
    );
    await queryRunner.query(`ALTER TABLE "report_cycle" ADD "submission_deadline_set_at" timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_cycle" DROP COLUMN "submission_deadline_set_at"`);
    await queryRunner.query(`DELETE FROM "sent_reminder" WHERE "kind" = 'manual'`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP CONSTRAINT "ck_sent_reminder_kind"`);
    await queryRunner.query(
      `ALTER TABLE "sent_reminder" ADD CONSTRAINT "ck_sent_reminder_kind" CHECK ("kind" IN ('before', 'due', 'late', 'review_nudge', 'returned', 'reopened'))`,
    );
  }
}

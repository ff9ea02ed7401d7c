import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail that tells a writer their task was returned or reopened goes through the same outbox
 * as reminders (sent_reminder): its kind is `returned` or `reopened`, its offset the submission
 * round and its due instant when the step was committed, so the unique key sends it once.
 */
export class AddReturnMailKinds1764000000017 implements MigrationInterface {
  name = 'AddReturnMailKinds1764000000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP CONSTRAINT "ck_sent_reminder_kind"`);
    await queryRunner.query(
      `ALTER TABLE "sent_reminder" ADD CONSTRAINT "ck_sent_reminder_kind" CHECK ("kind" IN ('before', 'due', 'late', 'review_nudge', 'returned', 'reopened'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "sent_reminder" WHERE "kind" IN ('returned', 'reopened')`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP CONSTRAINT "ck_sent_reminder_kind"`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" ADD CONSTRAINT "ck_sent_reminder_kind" CHECK ("kind" IN ('before', 'due', 'late', 'review_nudge'))`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders sent through an outbox ("a killed worker causes no duplicate and no loss"):
 * an e-mail row of sent_reminder is written `pending` before the mail goes out and marked `sent`
 * once the SMTP server accepted it, or `failed` (with the server's answer in `error`) when the
 * server refused it for good. `attempts` counts the sends tried; `claimed_until` is the lease of
 * the attempt sending it now (renewed while it sends), so a second attempt waits for a live one
 * and takes over from a dead one. Rows written before this migration were sent (status `sent`).
 */
export class AddSentReminderStatus1764000000008 implements MigrationInterface {
  name = 'AddSentReminderStatus1764000000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sent_reminder" ADD "status" varchar(10) NOT NULL DEFAULT 'sent'`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" ALTER COLUMN "status" SET DEFAULT 'pending'`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" ADD "error" text`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" ADD "attempts" smallint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" ADD "claimed_until" timestamptz`);
    await queryRunner.query(
      `ALTER TABLE "sent_reminder" ADD CONSTRAINT "ck_sent_reminder_status" CHECK ("status" IN ('pending', 'sent', 'failed'))`,
    );
    // What an administrator (or a test) looks for: the mails not (yet) delivered.
    await queryRunner.query(`CREATE INDEX "ix_sent_reminder_undelivered" ON "sent_reminder" ("status") WHERE "status" <> 'sent'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_sent_reminder_undelivered"`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP CONSTRAINT "ck_sent_reminder_status"`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP COLUMN "attempts"`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP COLUMN "error"`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP COLUMN "status"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders: each cycle's reminder settings (null: DEFAULT_REMINDER_CONFIG), and the
 * log of sent reminders. A row is written before a reminder goes out, and its unique key (task,
 * kind, offset, due instant, person, channel) is what stops a second worker, a retry or a
 * re-created job from sending the same reminder to the same person twice.
 */
export class CreateReminders1764000000007 implements MigrationInterface {
  name = 'CreateReminders1764000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_cycle" ADD "reminder_config" jsonb`);
    await queryRunner.query(`
      CREATE TABLE "sent_reminder" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "kind" varchar(20) NOT NULL,
        "offset" smallint NOT NULL,
        "due_at" timestamptz NOT NULL,
        "recipient_user_id" uuid NOT NULL,
        "channel" varchar(10) NOT NULL,
        "sent_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_sent_reminder" PRIMARY KEY ("id"),
        CONSTRAINT "ck_sent_reminder_kind" CHECK ("kind" IN ('before', 'due', 'late', 'review_nudge')),
        CONSTRAINT "ck_sent_reminder_channel" CHECK ("channel" IN ('email', 'in_app')),
        CONSTRAINT "uq_sent_reminder" UNIQUE ("task_id", "kind", "offset", "due_at", "recipient_user_id", "channel"),
        CONSTRAINT "fk_sent_reminder_task" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_sent_reminder_user" FOREIGN KEY ("recipient_user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sent_reminder"`);
    await queryRunner.query(`ALTER TABLE "report_cycle" DROP COLUMN "reminder_config"`);
  }
}

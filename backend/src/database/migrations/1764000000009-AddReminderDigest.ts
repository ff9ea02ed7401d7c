import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily digest: each person chooses how reminder e-mail reaches them
 * (app_user.reminder_delivery: `immediate` or `daily_digest`). For a digest person the reminder's
 * e-mail row of sent_reminder is written with status `digest` (waiting for the digest) instead of
 * being sent; the digest run of a working-day morning gathers them into one reminder_digest row
 * per person and digest instant, sends that one mail through the same outbox steps (pending →
 * sent/failed, a lease in claimed_until), and marks the gathered rows `sent` or `failed` with it.
 * A gathered reminder whose task no longer needs it (submitted, deadline moved) is `cancelled`.
 */
export class AddReminderDigest1764000000009 implements MigrationInterface {
  name = 'AddReminderDigest1764000000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "reminder_delivery" varchar(20) NOT NULL DEFAULT 'immediate'`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_reminder_delivery" CHECK ("reminder_delivery" IN ('immediate', 'daily_digest'))`,
    );
    await queryRunner.query(`
      CREATE TABLE "reminder_digest" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recipient_user_id" uuid NOT NULL,
        "due_at" timestamptz NOT NULL,
        "status" varchar(10) NOT NULL DEFAULT 'pending',
        "error" text,
        "attempts" smallint NOT NULL DEFAULT 0,
        "claimed_until" timestamptz,
        "sent_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_reminder_digest" PRIMARY KEY ("id"),
        CONSTRAINT "ck_reminder_digest_status" CHECK ("status" IN ('pending', 'sent', 'failed')),
        CONSTRAINT "uq_reminder_digest" UNIQUE ("recipient_user_id", "due_at"),
        CONSTRAINT "fk_reminder_digest_user" FOREIGN KEY ("recipient_user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" ADD "digest_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "sent_reminder" ADD CONSTRAINT "fk_sent_reminder_digest" FOREIGN KEY ("digest_id") REFERENCES "reminder_digest" ("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP CONSTRAINT "ck_sent_reminder_status"`);
    await queryRunner.query(
      `ALTER TABLE "sent_reminder" ADD CONSTRAINT "ck_sent_reminder_status" CHECK ("status" IN ('pending', 'sent', 'failed', 'digest', 'cancelled'))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sent_reminder_digest" ON "sent_reminder" ("digest_id") WHERE "digest_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_sent_reminder_digest"`);
    await queryRunner.query(`DELETE FROM "sent_reminder" WHERE "status" IN ('digest', 'cancelled')`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP CONSTRAINT "ck_sent_reminder_status"`);
    await queryRunner.query(
      `ALTER TABLE "sent_reminder" ADD CONSTRAINT "ck_sent_reminder_status" CHECK ("status" IN ('pending', 'sent', 'failed'))`,
    );
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP CONSTRAINT "fk_sent_reminder_digest"`);
    await queryRunner.query(`ALTER TABLE "sent_reminder" DROP COLUMN "digest_id"`);
    await queryRunner.query(`DROP TABLE "reminder_digest"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "ck_app_user_reminder_delivery"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "reminder_delivery"`);
  }
}

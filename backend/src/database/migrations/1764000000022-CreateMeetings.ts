import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nämnd's sammanträden: the meeting and who is called to it, its ärenden and their handlingar,
 * each sent kallelse version with its outbox of mails, the compiled package per version, the
 * personal-data scan before publishing and the publication record, members' private notes and
 * their förhinder. The role `member` (ledamot or ersättare) is allowed in role_assignment.
 */
export class CreateMeetings1764000000022 implements MigrationInterface {
  name = 'CreateMeetings1764000000022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "ck_role_assignment_role"`);
    await queryRunner.query(`ALTER TABLE "role_assignment" ADD CONSTRAINT "ck_role_assignment_role"
      CHECK ("role" IN ('unit_head', 'economist', 'secretary', 'director', 'reviewer', 'admin', 'reader', 'member'))`);
    // A nämnd's settings for its meetings (absent: the defaults).
    await queryRunner.query(`
      CREATE TABLE "meeting_settings" (
        "committee_id" uuid NOT NULL,
        "kallelse_working_days" integer NOT NULL DEFAULT 7,
        "absence_contact" varchar(300),
        "public_mail_domains" text[] NOT NULL DEFAULT '{}',
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_meeting_settings" PRIMARY KEY ("committee_id"),
        CONSTRAINT "ck_meeting_settings_kallelse_days" CHECK ("kallelse_working_days" BETWEEN 1 AND 30),
        CONSTRAINT "fk_meeting_settings_committee" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "meeting" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "committee_id" uuid NOT NULL,
        "meeting_date" date NOT NULL,
        "start_time" varchar(5) NOT NULL,
        "place" varchar(200) NOT NULL,
        "chair_name" varchar(200),
        "secretary_name" varchar(200),
        "state" varchar(20) NOT NULL DEFAULT 'planned',
        "version" integer NOT NULL DEFAULT 1,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_meeting" PRIMARY KEY ("id"),
        CONSTRAINT "uq_meeting_committee_date" UNIQUE ("committee_id", "meeting_date", "start_time"),
        CONSTRAINT "ck_meeting_state" CHECK ("state" IN ('planned', 'kallelse_sent', 'held')),
        CONSTRAINT "ck_meeting_start_time" CHECK ("start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        CONSTRAINT "fk_meeting_committee" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_meeting_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "meeting_participant" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "name" varchar(200) NOT NULL,
        "email" varchar(320),
        "role" varchar(20) NOT NULL,
        "party" varchar(60),
        "user_id" uuid,
        "position" integer NOT NULL,
        CONSTRAINT "pk_meeting_participant" PRIMARY KEY ("id"),
        CONSTRAINT "ck_meeting_participant_role" CHECK ("role" IN ('member', 'substitute')),
        CONSTRAINT "fk_meeting_participant_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_meeting_participant_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_meeting_participant_meeting" ON "meeting_participant" ("meeting_id", "position")`);
    await queryRunner.query(`
      CREATE TABLE "agenda_item" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "kind" varchar(20) NOT NULL,
        "title" varchar(300) NOT NULL,
        "public_title" varchar(300),
        "diary_number" varchar(40),
        "presenter" varchar(200),
        "proposal" jsonb NOT NULL DEFAULT '[]',
        "position" integer NOT NULL,
        "secret" boolean NOT NULL DEFAULT false,
        "secrecy_reference" varchar(200),
        "memo_cycle_id" uuid,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_agenda_item" PRIMARY KEY ("id"),
        CONSTRAINT "uq_agenda_item_memo" UNIQUE ("memo_cycle_id"),
        CONSTRAINT "ck_agenda_item_kind" CHECK ("kind" IN ('decision', 'information', 'delegation', 'notification')),
        CONSTRAINT "ck_agenda_item_secret" CHECK (NOT "secret" OR ("secrecy_reference" IS NOT NULL AND "public_title" IS NOT NULL)),
        CONSTRAINT "fk_agenda_item_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_agenda_item_memo_cycle" FOREIGN KEY ("memo_cycle_id") REFERENCES "report_cycle" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_agenda_item_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_agenda_item_meeting" ON "agenda_item" ("meeting_id", "position")`);
    await queryRunner.query(`
      CREATE TABLE "agenda_document" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "item_id" uuid NOT NULL,
        "kind" varchar(20) NOT NULL,
        "title" varchar(300) NOT NULL,
        "position" integer NOT NULL,
        "secret" boolean NOT NULL DEFAULT false,
        "secrecy_reference" varchar(200),
        "cycle_id" uuid,
        "report_version" integer,
        "file_name" varchar(255),
        "content" bytea,
        "size" integer,
        "pages" integer,
        "sha256" char(64),
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_agenda_document" PRIMARY KEY ("id"),
        CONSTRAINT "ck_agenda_document_kind" CHECK ("kind" IN ('memo', 'report', 'attachment')),
        CONSTRAINT "ck_agenda_document_secret" CHECK (NOT "secret" OR "secrecy_reference" IS NOT NULL),
        CONSTRAINT "ck_agenda_document_source" CHECK (
          ("kind" = 'attachment' AND "content" IS NOT NULL AND "sha256" IS NOT NULL)
          OR ("kind" = 'memo' AND "cycle_id" IS NOT NULL)
          OR ("kind" = 'report' AND "cycle_id" IS NOT NULL AND "report_version" IS NOT NULL)),
        CONSTRAINT "fk_agenda_document_item" FOREIGN KEY ("item_id") REFERENCES "agenda_item" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_agenda_document_cycle" FOREIGN KEY ("cycle_id") REFERENCES "report_cycle" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_agenda_document_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_agenda_document_item" ON "agenda_document" ("item_id", "position")`);
    // One row per sent kallelse: the first and each rättelse. What was sent is kept as it was.
    await queryRunner.query(`
      CREATE TABLE "kallelse_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "reason" text,
        "input" jsonb NOT NULL,
        "sent_by" uuid,
        "sent_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_kallelse_version" PRIMARY KEY ("id"),
        CONSTRAINT "uq_kallelse_version" UNIQUE ("meeting_id", "version"),
        CONSTRAINT "ck_kallelse_version_reason" CHECK ("version" = 1 OR "reason" IS NOT NULL),
        CONSTRAINT "fk_kallelse_version_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_kallelse_version_sent_by" FOREIGN KEY ("sent_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    // The outbox of a meeting's mails (as sent_reminder): the kallelse to each participant, a
    // förhinder to the secretaries, the secretary's reminder on the kallelse's last day. Written
    // pending in the transaction of what it tells, sent once by the worker; `dedupe_key` makes
    // a second row for the same mail impossible.
    await queryRunner.query(`
      CREATE TABLE "meeting_mail" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "kallelse_version_id" uuid,
        "kind" varchar(20) NOT NULL,
        "dedupe_key" varchar(300) NOT NULL,
        "recipient" varchar(320) NOT NULL,
        "recipient_name" varchar(200) NOT NULL,
        "status" varchar(20) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "claimed_until" timestamptz,
        "error" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        CONSTRAINT "pk_meeting_mail" PRIMARY KEY ("id"),
        CONSTRAINT "uq_meeting_mail_dedupe" UNIQUE ("dedupe_key"),
        CONSTRAINT "ck_meeting_mail_kind" CHECK ("kind" IN ('kallelse', 'absence', 'deadline')),
        CONSTRAINT "ck_meeting_mail_status" CHECK ("status" IN ('pending', 'sent', 'failed')),
        CONSTRAINT "fk_meeting_mail_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_meeting_mail_version" FOREIGN KEY ("kallelse_version_id") REFERENCES "kallelse_version" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_meeting_mail_pending" ON "meeting_mail" ("status") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "ix_meeting_mail_version" ON "meeting_mail" ("kallelse_version_id")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_package" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kallelse_version_id" uuid NOT NULL,
        "audience" varchar(10) NOT NULL,
        "pdf" bytea NOT NULL,
        "zip" bytea NOT NULL,
        "manifest" jsonb NOT NULL,
        "files" jsonb NOT NULL,
        "page_count" integer NOT NULL,
        "sha256" char(64) NOT NULL,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_meeting_package" PRIMARY KEY ("id"),
        CONSTRAINT "uq_meeting_package" UNIQUE ("kallelse_version_id", "audience"),
        CONSTRAINT "ck_meeting_package_audience" CHECK ("audience" IN ('internal', 'public')),
        CONSTRAINT "fk_meeting_package_version" FOREIGN KEY ("kallelse_version_id") REFERENCES "kallelse_version" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_meeting_package_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    // Each file of a package as stored (generated documents and bilagor), served as stored.
    await queryRunner.query(`
      CREATE TABLE "meeting_file" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "package_id" uuid NOT NULL,
        "document_ref" varchar(80) NOT NULL,
        "item_number" integer,
        "title" varchar(300) NOT NULL,
        "file_name" varchar(255) NOT NULL,
        "pdf" bytea NOT NULL,
        "html" text,
        "text_pages" jsonb NOT NULL,
        "pages" integer NOT NULL,
        "size" integer NOT NULL,
        "sha256" char(64) NOT NULL,
        "position" integer NOT NULL,
        CONSTRAINT "pk_meeting_file" PRIMARY KEY ("id"),
        CONSTRAINT "uq_meeting_file_ref" UNIQUE ("package_id", "document_ref"),
        CONSTRAINT "fk_meeting_file_package" FOREIGN KEY ("package_id") REFERENCES "meeting_package" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "scan_hit" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "package_id" uuid NOT NULL,
        "file_id" uuid NOT NULL,
        "page" integer NOT NULL,
        "kind" varchar(20) NOT NULL,
        "match" varchar(200) NOT NULL,
        "context" text NOT NULL,
        "resolution" varchar(20),
        "reason" text,
        "resolved_by" uuid,
        "resolved_at" timestamptz,
        CONSTRAINT "pk_scan_hit" PRIMARY KEY ("id"),
        CONSTRAINT "ck_scan_hit_kind" CHECK ("kind" IN ('personnummer', 'samordningsnummer', 'email', 'phone')),
        CONSTRAINT "ck_scan_hit_resolution" CHECK ("resolution" IS NULL OR "resolution" IN ('not_personal_data')),
        CONSTRAINT "ck_scan_hit_reason" CHECK ("resolution" IS NULL OR "reason" IS NOT NULL),
        CONSTRAINT "fk_scan_hit_package" FOREIGN KEY ("package_id") REFERENCES "meeting_package" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_scan_hit_file" FOREIGN KEY ("file_id") REFERENCES "meeting_file" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_scan_hit_resolved_by" FOREIGN KEY ("resolved_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_scan_hit_package" ON "scan_hit" ("package_id")`);
    await queryRunner.query(`
      CREATE TABLE "publication" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "package_id" uuid NOT NULL,
        "scanned" jsonb NOT NULL,
        "released_by" uuid,
        "published_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_publication" PRIMARY KEY ("id"),
        CONSTRAINT "uq_publication_package" UNIQUE ("package_id"),
        CONSTRAINT "fk_publication_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_publication_package" FOREIGN KEY ("package_id") REFERENCES "meeting_package" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_publication_released_by" FOREIGN KEY ("released_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "member_note" (
        "user_id" uuid NOT NULL,
        "meeting_id" uuid NOT NULL,
        "document_ref" varchar(80) NOT NULL,
        "text" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_member_note" PRIMARY KEY ("user_id", "meeting_id", "document_ref"),
        CONSTRAINT "fk_member_note_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_member_note_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "meeting_absence" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "message" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_meeting_absence" PRIMARY KEY ("id"),
        CONSTRAINT "uq_meeting_absence" UNIQUE ("meeting_id", "user_id"),
        CONSTRAINT "fk_meeting_absence_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_meeting_absence_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['meeting_absence', 'member_note', 'publication', 'scan_hit', 'meeting_file', 'meeting_package', 'meeting_mail', 'kallelse_version', 'agenda_document', 'agenda_item', 'meeting_participant', 'meeting', 'meeting_settings']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DELETE FROM "role_assignment" WHERE "role" = 'member'`);
    await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "ck_role_assignment_role"`);
    await queryRunner.query(`ALTER TABLE "role_assignment" ADD CONSTRAINT "ck_role_assignment_role"
      CHECK ("role" IN ('unit_head', 'economist', 'secretary', 'director', 'reviewer', 'admin', 'reader'))`);
  }
}

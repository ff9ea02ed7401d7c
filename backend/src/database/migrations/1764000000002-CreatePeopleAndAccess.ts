import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePeopleAndAccess1764000000002 implements MigrationInterface {
  name = 'CreatePeopleAndAccess1764000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "app_user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(254) NOT NULL,
        "name" varchar(200) NOT NULL,
        "title" varchar(200),
        "password_hash" varchar(255),
        "password_changed_at" timestamptz,
        "oidc_issuer" varchar(500),
        "oidc_subject" varchar(255),
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_app_user" PRIMARY KEY ("id"),
        CONSTRAINT "ck_app_user_email_lower" CHECK ("email" = lower("email"))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user" ("email")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_app_user_oidc" ON "app_user" ("oidc_issuer", "oidc_subject") WHERE "oidc_subject" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "role_assignment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "role" varchar(30) NOT NULL,
        "committee_id" uuid,
        "unit_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_role_assignment" PRIMARY KEY ("id"),
        CONSTRAINT "ck_role_assignment_role" CHECK ("role" IN ('unit_head', 'economist', 'secretary', 'director', 'reviewer', 'admin', 'reader')),
        CONSTRAINT "ck_role_assignment_scope" CHECK ("unit_id" IS NULL OR "committee_id" IS NOT NULL),
        CONSTRAINT "fk_role_assignment_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_role_assignment_committee" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_role_assignment_unit" FOREIGN KEY ("unit_id") REFERENCES "organisation_unit" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_role_assignment_user" ON "role_assignment" ("user_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_role_assignment" ON "role_assignment" ("user_id", "role", COALESCE("committee_id", '00000000-0000-0000-0000-000000000000'::uuid), COALESCE("unit_id", '00000000-0000-0000-0000-000000000000'::uuid))`,
    );

    // Server-side sessions: the cookie holds a random token, the table only its SHA-256.
    await queryRunner.query(`
      CREATE TABLE "user_session" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" char(64) NOT NULL,
        "csrf_token" varchar(64) NOT NULL,
        "user_id" uuid NOT NULL,
        "auth_method" varchar(20) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "ip" varchar(64),
        "user_agent" varchar(500),
        CONSTRAINT "pk_user_session" PRIMARY KEY ("id"),
        CONSTRAINT "uq_user_session_token" UNIQUE ("token_hash"),
        CONSTRAINT "fk_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_user_session_user" ON "user_session" ("user_id")`);

    await queryRunner.query(`
      CREATE TABLE "password_reset_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" char(64) NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        CONSTRAINT "pk_password_reset_token" PRIMARY KEY ("id"),
        CONSTRAINT "uq_password_reset_token" UNIQUE ("token_hash"),
        CONSTRAINT "fk_password_reset_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);

    // Append-only: who changed what, when, before and after.
    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        "actor_user_id" uuid,
        "action" varchar(100) NOT NULL,
        "entity_type" varchar(50) NOT NULL,
        "entity_id" varchar(100),
        "committee_id" uuid,
        "before" jsonb,
        "after" jsonb,
        "ip" varchar(64),
        CONSTRAINT "pk_audit_event" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_occurred_at" ON "audit_event" ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_entity" ON "audit_event" ("entity_type", "entity_id")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_actor" ON "audit_event" ("actor_user_id")`);
    await queryRunner.query(`
      CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
      FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"()`);

    // Mail that was not sent to an SMTP server (SMTP_URL unset): kept so a demo loses nothing.
    await queryRunner.query(`
      CREATE TABLE "captured_mail" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "to_address" varchar(254) NOT NULL,
        "subject" varchar(500) NOT NULL,
        "text_body" text NOT NULL,
        "html_body" text,
        CONSTRAINT "pk_captured_mail" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "captured_mail"`);
    await queryRunner.query(`DROP TRIGGER "tr_audit_event_append_only" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION "audit_event_append_only"()`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TABLE "password_reset_token"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP TABLE "role_assignment"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}

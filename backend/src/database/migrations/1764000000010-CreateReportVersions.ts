import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The frozen versions of a cycle's assembled report: the whole DocumentModel as it was
 * fastställd, with the SHA-256 of its canonical JSON (status left out). A row is never changed or
 * removed: the trigger refuses it, so "immutable" holds in the database too.
 */
export class CreateReportVersions1764000000010 implements MigrationInterface {
  name = 'CreateReportVersions1764000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "report_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "cycle_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "model" jsonb NOT NULL,
        "checksum" char(64) NOT NULL,
        "reason" text,
        "frozen_by" uuid NOT NULL,
        "frozen_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_report_version" PRIMARY KEY ("id"),
        CONSTRAINT "uq_report_version_number" UNIQUE ("cycle_id", "number"),
        CONSTRAINT "ck_report_version_number" CHECK ("number" >= 1),
        CONSTRAINT "ck_report_version_checksum" CHECK ("checksum" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "fk_report_version_cycle" FOREIGN KEY ("cycle_id") REFERENCES "report_cycle" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_report_version_user" FOREIGN KEY ("frozen_by") REFERENCES "app_user" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "report_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'report_version is immutable';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_report_version_immutable" BEFORE UPDATE OR DELETE ON "report_version"
      FOR EACH ROW EXECUTE FUNCTION "report_version_immutable"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_report_version_immutable" ON "report_version"`);
    await queryRunner.query(`DROP TABLE "report_version"`);
    await queryRunner.query(`DROP FUNCTION "report_version_immutable"()`);
  }
}

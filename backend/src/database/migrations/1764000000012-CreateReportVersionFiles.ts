import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PDF and Word files of a frozen report version, printed once and then served as they are:
 * a version never changes (report_version is immutable), so neither do its files, and a nämnd
 * whose members all download the fastställd report does not print it through Chromium each time.
 */
export class CreateReportVersionFiles1764000000012 implements MigrationInterface {
  name = 'CreateReportVersionFiles1764000000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "report_version_file" (
        "version_id" uuid NOT NULL,
        "format" varchar(8) NOT NULL,
        "content" bytea NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_report_version_file" PRIMARY KEY ("version_id", "format"),
        CONSTRAINT "ck_report_version_file_format" CHECK ("format" IN ('pdf', 'docx')),
        CONSTRAINT "fk_report_version_file_version" FOREIGN KEY ("version_id") REFERENCES "report_version" ("id") ON DELETE RESTRICT
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_version_file"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PDF bilagor a secretary uploads to a cycle's report, in their order: printed after the
 * main text (reports/report-appendices.service.ts). Checked before they are stored
 * (meetings/attachment-check.ts); once a version of the report is frozen they no longer change,
 * so a frozen version's model names exactly these files (by id and SHA-256).
 */
export class CreateReportAppendices1764000000027 implements MigrationInterface {
  name = 'CreateReportAppendices1764000000027';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "report_appendix" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "cycle_id" uuid NOT NULL,
        "sort_order" integer NOT NULL,
        "title" varchar(300) NOT NULL,
        "file_name" varchar(255) NOT NULL,
        "content" bytea NOT NULL,
        "pages" integer NOT NULL,
        "sha256" char(64) NOT NULL,
        "uploaded_by" uuid,
        "uploaded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_report_appendix" PRIMARY KEY ("id"),
        CONSTRAINT "ck_report_appendix_pages" CHECK ("pages" > 0),
        CONSTRAINT "fk_report_appendix_cycle" FOREIGN KEY ("cycle_id") REFERENCES "report_cycle" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_report_appendix_user" FOREIGN KEY ("uploaded_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_report_appendix_cycle" ON "report_appendix" ("cycle_id", "sort_order")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_appendix"`);
  }
}

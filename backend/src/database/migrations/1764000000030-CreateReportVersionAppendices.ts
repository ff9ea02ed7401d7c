import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The uploaded PDF bilagor each frozen report version holds (reports/report-appendices.service.ts):
 * recorded at the freeze, in their order, with the title and file they had then, and never changed
 * (the trigger refuses it, as for report_version). After a freeze the cycle's list of bilagor
 * (report_appendix) may change again for the next version; a bilaga that a version holds is then
 * only marked removed from the list ("removed_at") and its file kept, so the version's PDF always
 * appends exactly its own bilagor. Versions frozen before this migration hold the bilagor their
 * stored model names, with the title and file the model has.
 */
export class CreateReportVersionAppendices1764000000030 implements MigrationInterface {
  name = 'CreateReportVersionAppendices1764000000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_appendix" ADD "removed_at" timestamptz`);
    await queryRunner.query(`
      CREATE TABLE "report_version_appendix" (
        "version_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "appendix_id" uuid NOT NULL,
        "title" varchar(300) NOT NULL,
        "file_name" varchar(255) NOT NULL,
        "pages" integer NOT NULL,
        "sha256" char(64) NOT NULL,
        CONSTRAINT "pk_report_version_appendix" PRIMARY KEY ("version_id", "position"),
        CONSTRAINT "uq_report_version_appendix_file" UNIQUE ("version_id", "appendix_id"),
        CONSTRAINT "ck_report_version_appendix_position" CHECK ("position" >= 1),
        CONSTRAINT "fk_report_version_appendix_version" FOREIGN KEY ("version_id") REFERENCES "report_version" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_report_version_appendix_file" FOREIGN KEY ("appendix_id") REFERENCES "report_appendix" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_report_version_appendix_file" ON "report_version_appendix" ("appendix_id")`);
    await queryRunner.query(`
      INSERT INTO "report_version_appendix" ("version_id", "position", "appendix_id", "title", "file_name", "pages", "sha256")
      SELECT v.id, row_number() OVER (PARTITION BY v.id ORDER BY e.ordinality), a.id,
             e.item ->> 'title', e.item -> 'attachment' ->> 'fileName', (e.item -> 'attachment' ->> 'pages')::int, e.item -> 'attachment' ->> 'sha256'
        FROM "report_version" v
       CROSS JOIN LATERAL jsonb_array_elements(COALESCE(v.model -> 'appendices', '[]'::jsonb)) WITH ORDINALITY AS e(item, ordinality)
        JOIN "report_appendix" a ON a.cycle_id = v.cycle_id AND a.id::text = e.item -> 'attachment' ->> 'fileId'`);
    await queryRunner.query(`
      CREATE FUNCTION "report_version_appendix_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'report_version_appendix is immutable';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_report_version_appendix_immutable" BEFORE UPDATE OR DELETE ON "report_version_appendix"
      FOR EACH ROW EXECUTE FUNCTION "report_version_appendix_immutable"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_report_version_appendix_immutable" ON "report_version_appendix"`);
    await queryRunner.query(`DROP TABLE "report_version_appendix"`);
    await queryRunner.query(`DROP FUNCTION "report_version_appendix_immutable"()`);
    // A bilaga removed from the list but held by a version returns to the list: its file stays.
    await queryRunner.query(`ALTER TABLE "report_appendix" DROP COLUMN "removed_at"`);
  }
}

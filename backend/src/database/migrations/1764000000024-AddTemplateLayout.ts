import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The template's print layout (libs/domain/src/lib/template-layout.ts), copied to each cycle at
 * its creation so a running cycle keeps the layout it opened with; per section, a heading
 * without content of its own and the placement as an appendix. Null and the column defaults
 * print as before.
 */
export class AddTemplateLayout1764000000024 implements MigrationInterface {
  name = 'AddTemplateLayout1764000000024';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_template" ADD COLUMN "layout" jsonb`);
    await queryRunner.query(`ALTER TABLE "report_cycle" ADD COLUMN "layout" jsonb`);
    for (const table of ['template_section', 'cycle_section']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "heading_only" boolean NOT NULL DEFAULT false`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD COLUMN "placement" varchar(20) NOT NULL DEFAULT 'body' CONSTRAINT "ck_${table}_placement" CHECK ("placement" IN ('body', 'appendix'))`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['cycle_section', 'template_section']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "placement"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "heading_only"`);
    }
    await queryRunner.query(`ALTER TABLE "report_cycle" DROP COLUMN "layout"`);
    await queryRunner.query(`ALTER TABLE "report_template" DROP COLUMN "layout"`);
  }
}

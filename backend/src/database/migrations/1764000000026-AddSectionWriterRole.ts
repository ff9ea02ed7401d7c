import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who writes a section, per template section and copied into each cycle's section: a role
 * (libs/domain/src/lib/workflow.ts, writesTask), or null for the rule every section had before:
 * the unit's writers for unit sections, the committee-wide writers for nämnd-level ones.
 */
export class AddSectionWriterRole1764000000026 implements MigrationInterface {
  name = 'AddSectionWriterRole1764000000026';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['template_section', 'cycle_section']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "writer_role" varchar(30)`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "ck_${table}_writer_role" CHECK ("writer_role" IS NULL OR "writer_role" IN ('unit_head', 'economist', 'secretary', 'director', 'reviewer'))`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['cycle_section', 'template_section']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "ck_${table}_writer_role"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "writer_role"`);
    }
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** A section's layout beyond its kind (an economy table's columns, unit and headings), in templates and cycles. */
export class AddSectionConfig1764000000005 implements MigrationInterface {
  name = 'AddSectionConfig1764000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "template_section" ADD COLUMN "config" jsonb`);
    await queryRunner.query(`ALTER TABLE "cycle_section" ADD COLUMN "config" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cycle_section" DROP COLUMN "config"`);
    await queryRunner.query(`ALTER TABLE "template_section" DROP COLUMN "config"`);
  }
}

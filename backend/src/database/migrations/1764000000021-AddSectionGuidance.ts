import { MigrationInterface, QueryRunner } from 'typeorm';

/** A short writing instruction per template section, copied into each cycle's section with the rest of it. */
export class AddSectionGuidance1764000000021 implements MigrationInterface {
  name = 'AddSectionGuidance1764000000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "template_section" ADD COLUMN "guidance" varchar(600)`);
    await queryRunner.query(`ALTER TABLE "cycle_section" ADD COLUMN "guidance" varchar(600)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cycle_section" DROP COLUMN "guidance"`);
    await queryRunner.query(`ALTER TABLE "template_section" DROP COLUMN "guidance"`);
  }
}

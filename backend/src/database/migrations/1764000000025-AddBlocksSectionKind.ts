import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['narrative', 'economy', 'sick_leave', 'action_plan', 'internal_control', 'goals', 'table'];

const constraint = (kinds: readonly string[]) =>
  `ALTER TABLE "template_section" ADD CONSTRAINT "ck_template_section_kind" CHECK ("kind" IN (${kinds.map((k) => `'${k}'`).join(', ')}))`;

/**
 * Sections made of blocks (libs/domain/src/lib/sections/blocks.ts): a template section may be of
 * kind `blocks`. Cycle sections copy the kind without a constraint of their own. Going down, the
 * templates' block sections become narrative sections (their tasks keep their stored content).
 */
export class AddBlocksSectionKind1764000000025 implements MigrationInterface {
  name = 'AddBlocksSectionKind1764000000025';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "template_section" DROP CONSTRAINT "ck_template_section_kind"`);
    await queryRunner.query(constraint([...KINDS, 'blocks']));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "template_section" SET "kind" = 'narrative', "config" = NULL WHERE "kind" = 'blocks'`);
    await queryRunner.query(`ALTER TABLE "template_section" DROP CONSTRAINT "ck_template_section_kind"`);
    await queryRunner.query(constraint(KINDS));
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nämnd's economy figures (EconomicFigures in libs/domain/src/lib/memo/economy.ts) kept beside a
 * frozen version's model, as the freeze computed them: what the tjänsteskrivelse's figures are
 * checked against. Versions frozen before this column have none (NULL); the memo then compares
 * with the approved figures, as it does when a version holds no nämnd economy.
 */
export class AddReportVersionFigures1764000000016 implements MigrationInterface {
  name = 'AddReportVersionFigures1764000000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_version" ADD COLUMN "figures" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_version" DROP COLUMN "figures"`);
  }
}

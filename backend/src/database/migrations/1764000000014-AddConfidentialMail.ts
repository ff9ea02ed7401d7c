import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail that carries a secret (a password reset link) is kept like any other, but marked: the
 * admin page Utskick shows that it was sent, never its content, so an installation administrator
 * cannot take over an account by reading its reset link.
 */
export class AddConfidentialMail1764000000014 implements MigrationInterface {
  name = 'AddConfidentialMail1764000000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "captured_mail" ADD "confidential" boolean NOT NULL DEFAULT false`);
    // Reset links kept before this migration are just as secret.
    await queryRunner.query(`UPDATE "captured_mail" SET "confidential" = true WHERE "text_body" LIKE '%/aterstall-losenord?token=%'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "captured_mail" DROP COLUMN "confidential"`);
  }
}

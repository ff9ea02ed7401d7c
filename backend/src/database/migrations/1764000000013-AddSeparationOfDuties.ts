import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Installation-wide settings, one row: typed columns rather than key/value pairs, so that each
 * setting has its type and default in the schema. The first is whether the person who submitted a
 * round may approve it themselves (separation of duties): off, and only an installation
 * administrator turns it on for very small nämnder, through an audited endpoint.
 */
export class AddSeparationOfDuties1764000000013 implements MigrationInterface {
  name = 'AddSeparationOfDuties1764000000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "installation_settings" (
        "id" boolean NOT NULL DEFAULT true,
        "self_approval_allowed" boolean NOT NULL DEFAULT false,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "updated_by" uuid,
        CONSTRAINT "pk_installation_settings" PRIMARY KEY ("id"),
        CONSTRAINT "ck_installation_settings_single_row" CHECK ("id"),
        CONSTRAINT "fk_installation_settings_updated_by" FOREIGN KEY ("updated_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`INSERT INTO "installation_settings" ("id") VALUES (true)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "installation_settings"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of economy figures from the finance system: a record of each import (which file, who,
 * when, with which column mapping and which printed totals disagreed), so every imported figure
 * can be traced back (rows carry `source: { importId, line }`), and the column mapping saved per
 * template section so the next import of the same export needs no mapping step.
 */
export class CreateEconomyImports1764000000006 implements MigrationInterface {
  name = 'CreateEconomyImports1764000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "economy_import" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "cycle_id" uuid NOT NULL,
        "section_id" uuid NOT NULL,
        "file_name" varchar(255) NOT NULL,
        "sha256" char(64) NOT NULL,
        "byte_size" integer NOT NULL,
        "format" varchar(10) NOT NULL,
        "imported_by" uuid,
        "imported_at" timestamptz NOT NULL DEFAULT now(),
        "mapping" jsonb NOT NULL,
        "row_count" integer NOT NULL,
        "unit_count" integer NOT NULL,
        "units" jsonb NOT NULL,
        "disagreements" jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT "pk_economy_import" PRIMARY KEY ("id"),
        CONSTRAINT "ck_economy_import_format" CHECK ("format" IN ('csv', 'xlsx')),
        CONSTRAINT "ck_economy_import_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "fk_economy_import_cycle" FOREIGN KEY ("cycle_id") REFERENCES "report_cycle" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_economy_import_section" FOREIGN KEY ("section_id") REFERENCES "cycle_section" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_economy_import_user" FOREIGN KEY ("imported_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_economy_import_section" ON "economy_import" ("section_id", "imported_at" DESC)`);

    await queryRunner.query(`
      CREATE TABLE "economy_import_mapping" (
        "template_id" uuid NOT NULL,
        "section_key" varchar(60) NOT NULL,
        "mapping" jsonb NOT NULL,
        "updated_by" uuid,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_economy_import_mapping" PRIMARY KEY ("template_id", "section_key"),
        CONSTRAINT "fk_economy_import_mapping_template" FOREIGN KEY ("template_id") REFERENCES "report_template" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_economy_import_mapping_user" FOREIGN KEY ("updated_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "economy_import_mapping"`);
    await queryRunner.query(`DROP TABLE "economy_import"`);
  }
}

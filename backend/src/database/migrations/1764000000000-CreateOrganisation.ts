import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisation1764000000000 implements MigrationInterface {
  name = 'CreateOrganisation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "committee" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "municipality" varchar(120) NOT NULL,
        "name" varchar(200) NOT NULL,
        "diary_prefix" varchar(20),
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_committee" PRIMARY KEY ("id"),
        CONSTRAINT "uq_committee_municipality_name" UNIQUE ("municipality", "name")
      )`);
    await queryRunner.query(`
      CREATE TABLE "organisation_unit" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "committee_id" uuid NOT NULL,
        "parent_id" uuid,
        "kind" varchar(30) NOT NULL,
        "name" varchar(200) NOT NULL,
        "code" varchar(30),
        "sort_order" integer NOT NULL DEFAULT 0,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_organisation_unit" PRIMARY KEY ("id"),
        CONSTRAINT "ck_organisation_unit_kind" CHECK ("kind" IN ('administration', 'operating_area', 'unit')),
        CONSTRAINT "ck_organisation_unit_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"),
        CONSTRAINT "fk_organisation_unit_committee" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_organisation_unit_parent" FOREIGN KEY ("parent_id") REFERENCES "organisation_unit" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_organisation_unit_committee" ON "organisation_unit" ("committee_id")`);
    await queryRunner.query(`CREATE INDEX "ix_organisation_unit_parent" ON "organisation_unit" ("parent_id")`);
    // Two siblings may not share a name (a root's siblings are the committee's other roots).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisation_unit_sibling_name" ON "organisation_unit" ("committee_id", COALESCE("parent_id", '00000000-0000-0000-0000-000000000000'::uuid), lower("name"))`,
    );
    // Demo and reference data are seeded once; the marker makes concurrent start-ups safe.
    await queryRunner.query(`
      CREATE TABLE "seed_run" (
        "name" varchar(100) NOT NULL,
        "applied_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_seed_run" PRIMARY KEY ("name")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "seed_run"`);
    await queryRunner.query(`DROP TABLE "organisation_unit"`);
    await queryRunner.query(`DROP TABLE "committee"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReportTemplates1764000000003 implements MigrationInterface {
  name = 'CreateReportTemplates1764000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A template belongs to a committee (its own structure) or to nobody (shared by the installation).
    await queryRunner.query(`
      CREATE TABLE "report_template" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "committee_id" uuid,
        "name" varchar(200) NOT NULL,
        "report_kind" varchar(30) NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_report_template" PRIMARY KEY ("id"),
        CONSTRAINT "ck_report_template_kind" CHECK ("report_kind" IN ('tertial_report', 'interim_report', 'annual_report', 'monthly_report')),
        CONSTRAINT "fk_report_template_committee" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_report_template_name" ON "report_template" (COALESCE("committee_id", '00000000-0000-0000-0000-000000000000'::uuid), lower("name"))`,
    );
    await queryRunner.query(`
      CREATE TABLE "template_section" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "template_id" uuid NOT NULL,
        "key" varchar(60) NOT NULL,
        "parent_key" varchar(60),
        "sort_order" integer NOT NULL,
        "title" varchar(300) NOT NULL,
        "kind" varchar(30) NOT NULL,
        "responsibility" varchar(20) NOT NULL,
        "reviewer_role" varchar(30) NOT NULL,
        CONSTRAINT "pk_template_section" PRIMARY KEY ("id"),
        CONSTRAINT "uq_template_section_key" UNIQUE ("template_id", "key"),
        CONSTRAINT "ck_template_section_kind" CHECK ("kind" IN ('narrative', 'economy', 'sick_leave', 'action_plan', 'internal_control', 'goals', 'table')),
        CONSTRAINT "ck_template_section_responsibility" CHECK ("responsibility" IN ('committee', 'all_units', 'chosen_units')),
        CONSTRAINT "fk_template_section_template" FOREIGN KEY ("template_id") REFERENCES "report_template" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_template_section_parent" FOREIGN KEY ("template_id", "parent_key") REFERENCES "template_section" ("template_id", "key") DEFERRABLE INITIALLY DEFERRED
      )`);
    await queryRunner.query(`CREATE INDEX "ix_template_section_template" ON "template_section" ("template_id", "sort_order")`);
    // The units that deliver a section with responsibility chosen_units.
    await queryRunner.query(`
      CREATE TABLE "template_section_unit" (
        "section_id" uuid NOT NULL,
        "unit_id" uuid NOT NULL,
        CONSTRAINT "pk_template_section_unit" PRIMARY KEY ("section_id", "unit_id"),
        CONSTRAINT "fk_template_section_unit_section" FOREIGN KEY ("section_id") REFERENCES "template_section" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_template_section_unit_unit" FOREIGN KEY ("unit_id") REFERENCES "organisation_unit" ("id") ON DELETE RESTRICT
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "template_section_unit"`);
    await queryRunner.query(`DROP TABLE "template_section"`);
    await queryRunner.query(`DROP TABLE "report_template"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCyclesAndTasks1764000000004 implements MigrationInterface {
  name = 'CreateCyclesAndTasks1764000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One production run of one report for one nämnd.
    await queryRunner.query(`
      CREATE TABLE "report_cycle" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "committee_id" uuid NOT NULL,
        "template_id" uuid,
        "title" varchar(200) NOT NULL,
        "report_kind" varchar(30) NOT NULL,
        "year" integer NOT NULL,
        "period_end" date NOT NULL,
        "diary_number" varchar(40) NOT NULL,
        "submission_deadline" date NOT NULL,
        "review_deadline" date NOT NULL,
        "assembly_deadline" date NOT NULL,
        "meeting_date" date NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_report_cycle" PRIMARY KEY ("id"),
        CONSTRAINT "uq_report_cycle_period" UNIQUE ("committee_id", "report_kind", "year", "period_end"),
        CONSTRAINT "ck_report_cycle_kind" CHECK ("report_kind" IN ('tertial_report', 'interim_report', 'annual_report', 'monthly_report')),
        CONSTRAINT "ck_report_cycle_dates" CHECK ("period_end" < "submission_deadline" AND "submission_deadline" <= "review_deadline"
          AND "review_deadline" <= "assembly_deadline" AND "assembly_deadline" < "meeting_date"),
        CONSTRAINT "fk_report_cycle_committee" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_report_cycle_template" FOREIGN KEY ("template_id") REFERENCES "report_template" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_report_cycle_creator" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_report_cycle_committee" ON "report_cycle" ("committee_id", "period_end" DESC)`);

    // The template's sections as they were when the cycle opened: later template edits change no running cycle.
    await queryRunner.query(`
      CREATE TABLE "cycle_section" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "cycle_id" uuid NOT NULL,
        "key" varchar(60) NOT NULL,
        "parent_key" varchar(60),
        "number" varchar(20) NOT NULL,
        "depth" integer NOT NULL,
        "sort_order" integer NOT NULL,
        "title" varchar(300) NOT NULL,
        "kind" varchar(30) NOT NULL,
        "reviewer_role" varchar(30) NOT NULL,
        CONSTRAINT "pk_cycle_section" PRIMARY KEY ("id"),
        CONSTRAINT "uq_cycle_section_key" UNIQUE ("cycle_id", "key"),
        CONSTRAINT "fk_cycle_section_cycle" FOREIGN KEY ("cycle_id") REFERENCES "report_cycle" ("id") ON DELETE CASCADE
      )`);

    // A section × a responsible unit (unit_id null: the nämnd-level task).
    await queryRunner.query(`
      CREATE TABLE "task" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "cycle_id" uuid NOT NULL,
        "section_id" uuid NOT NULL,
        "unit_id" uuid,
        "state" varchar(20) NOT NULL DEFAULT 'not_started',
        "deadline" date,
        "content" jsonb NOT NULL DEFAULT '{"type":"doc","version":1,"content":[]}',
        "version" integer NOT NULL DEFAULT 1,
        "submit_round" integer NOT NULL DEFAULT 0,
        "updated_by" uuid,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "state_changed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_task" PRIMARY KEY ("id"),
        CONSTRAINT "ck_task_state" CHECK ("state" IN ('not_started', 'draft', 'submitted', 'returned', 'approved', 'reopened')),
        CONSTRAINT "fk_task_cycle" FOREIGN KEY ("cycle_id") REFERENCES "report_cycle" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_task_section" FOREIGN KEY ("section_id") REFERENCES "cycle_section" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_task_unit" FOREIGN KEY ("unit_id") REFERENCES "organisation_unit" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_task_updated_by" FOREIGN KEY ("updated_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_task_section_unit" ON "task" ("section_id", COALESCE("unit_id", '00000000-0000-0000-0000-000000000000'::uuid))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_task_cycle" ON "task" ("cycle_id")`);
    await queryRunner.query(`CREATE INDEX "ix_task_unit_state" ON "task" ("unit_id", "state")`);
    await queryRunner.query(`CREATE INDEX "ix_task_submitted" ON "task" ("cycle_id") WHERE "state" = 'submitted'`);
    await queryRunner.query(`CREATE INDEX "ix_task_committee_level" ON "task" ("cycle_id") WHERE "unit_id" IS NULL`);

    // What was handed in, each round: never changed, never removed.
    await queryRunner.query(`
      CREATE TABLE "task_snapshot" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "round" integer NOT NULL,
        "version" integer NOT NULL,
        "content" jsonb NOT NULL,
        "submitted_by" uuid NOT NULL,
        "submitted_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_task_snapshot" PRIMARY KEY ("id"),
        CONSTRAINT "uq_task_snapshot_round" UNIQUE ("task_id", "round"),
        CONSTRAINT "fk_task_snapshot_task" FOREIGN KEY ("task_id") REFERENCES "task" ("id"),
        CONSTRAINT "fk_task_snapshot_user" FOREIGN KEY ("submitted_by") REFERENCES "app_user" ("id")
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "task_snapshot_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'task_snapshot is immutable';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_task_snapshot_immutable" BEFORE UPDATE OR DELETE ON "task_snapshot"
      FOR EACH ROW EXECUTE FUNCTION "task_snapshot_immutable"()`);

    // The workflow history of a task: who moved it, when, why.
    await queryRunner.query(`
      CREATE TABLE "task_transition" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "task_id" uuid NOT NULL,
        "transition" varchar(20) NOT NULL,
        "from_state" varchar(20) NOT NULL,
        "to_state" varchar(20) NOT NULL,
        "actor_id" uuid,
        "text" text,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_task_transition" PRIMARY KEY ("id"),
        CONSTRAINT "fk_task_transition_task" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_task_transition_actor" FOREIGN KEY ("actor_id") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_task_transition_task" ON "task_transition" ("task_id", "id")`);

    await queryRunner.query(`
      CREATE TABLE "task_comment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "parent_id" uuid,
        "anchor" varchar(40),
        "author_id" uuid NOT NULL,
        "body" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "resolved_at" timestamptz,
        "resolved_by" uuid,
        CONSTRAINT "pk_task_comment" PRIMARY KEY ("id"),
        CONSTRAINT "ck_task_comment_body" CHECK (length("body") BETWEEN 1 AND 5000),
        CONSTRAINT "fk_task_comment_task" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_task_comment_parent" FOREIGN KEY ("parent_id") REFERENCES "task_comment" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_task_comment_author" FOREIGN KEY ("author_id") REFERENCES "app_user" ("id"),
        CONSTRAINT "fk_task_comment_resolver" FOREIGN KEY ("resolved_by") REFERENCES "app_user" ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_task_comment_task" ON "task_comment" ("task_id", "created_at")`);

    // In-app notifications (the bell).
    await queryRunner.query(`
      CREATE TABLE "notification" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" varchar(20) NOT NULL,
        "text" varchar(500) NOT NULL,
        "task_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz,
        CONSTRAINT "pk_notification" PRIMARY KEY ("id"),
        CONSTRAINT "fk_notification_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_notification_task" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_notification_user" ON "notification" ("user_id", "created_at" DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TABLE "task_comment"`);
    await queryRunner.query(`DROP TABLE "task_transition"`);
    await queryRunner.query(`DROP TRIGGER "tr_task_snapshot_immutable" ON "task_snapshot"`);
    await queryRunner.query(`DROP TABLE "task_snapshot"`);
    await queryRunner.query(`DROP FUNCTION "task_snapshot_immutable"()`);
    await queryRunner.query(`DROP TABLE "task"`);
    await queryRunner.query(`DROP TABLE "cycle_section"`);
    await queryRunner.query(`DROP TABLE "report_cycle"`);
  }
}

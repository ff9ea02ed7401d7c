import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tjänsteskrivelse of a cycle (one per cycle) and its workflow history. */
export class CreateMemos1764000000011 implements MigrationInterface {
  name = 'CreateMemos1764000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "memo" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "cycle_id" uuid NOT NULL,
        "content" jsonb NOT NULL,
        "state" varchar(20) NOT NULL DEFAULT 'draft',
        "version" integer NOT NULL DEFAULT 1,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_by" uuid,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "state_changed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_memo" PRIMARY KEY ("id"),
        CONSTRAINT "uq_memo_cycle" UNIQUE ("cycle_id"),
        CONSTRAINT "ck_memo_state" CHECK ("state" IN ('not_started', 'draft', 'submitted', 'returned', 'approved', 'reopened')),
        CONSTRAINT "fk_memo_cycle" FOREIGN KEY ("cycle_id") REFERENCES "report_cycle" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_memo_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_memo_updated_by" FOREIGN KEY ("updated_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "memo_transition" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "memo_id" uuid NOT NULL,
        "transition" varchar(20) NOT NULL,
        "from_state" varchar(20) NOT NULL,
        "to_state" varchar(20) NOT NULL,
        "actor_id" uuid,
        "text" text,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_memo_transition" PRIMARY KEY ("id"),
        CONSTRAINT "fk_memo_transition_memo" FOREIGN KEY ("memo_id") REFERENCES "memo" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_memo_transition_actor" FOREIGN KEY ("actor_id") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_memo_transition_memo" ON "memo_transition" ("memo_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "memo_transition"`);
    await queryRunner.query(`DROP TABLE "memo"`);
  }
}

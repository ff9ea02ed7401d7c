import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJobExecution1764000000001 implements MigrationInterface {
  name = 'CreateJobExecution1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per queue job carried out: the unique job id makes a redelivered job a no-op.
    await queryRunner.query(`
      CREATE TABLE "job_execution" (
        "job_id" varchar(200) NOT NULL,
        "queue" varchar(100) NOT NULL,
        "name" varchar(100) NOT NULL,
        "attempt" integer NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_job_execution" PRIMARY KEY ("job_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_job_execution_processed_at" ON "job_execution" ("processed_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_execution"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in counters for when Redis does not answer: failed sign-ins per e-mail address and
 * attempts per client address, so a Redis outage never means unlimited password guessing.
 * Keys are hashes (never an address in clear); rows older than the longest window are deleted
 * as the table is used, so it stays small.
 */
export class CreateSigninAttempts1764000000015 implements MigrationInterface {
  name = 'CreateSigninAttempts1764000000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "signin_attempt" (
        "key" varchar(200) PRIMARY KEY,
        "count" integer NOT NULL CHECK ("count" > 0),
        "window_start" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "signin_attempt_window_start" ON "signin_attempt" ("window_start")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "signin_attempt"`);
  }
}

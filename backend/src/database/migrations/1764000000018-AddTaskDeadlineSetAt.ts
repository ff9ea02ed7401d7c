import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * task.deadline_set_at: when the task's own deadline was last set (NULL: never, or back to the
 * cycle's). A deadline moved into the past counts its late reminders from that day
 * (libs/domain/src/lib/reminders.ts plannedReminders) instead of planning none.
 */
export class AddTaskDeadlineSetAt1764000000018 implements MigrationInterface {
  name = 'AddTaskDeadlineSetAt1764000000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" ADD "deadline_set_at" timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "deadline_set_at"`);
  }
}

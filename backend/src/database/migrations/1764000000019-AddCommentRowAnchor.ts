import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * task_comment.row_anchor: the table row (and optionally the column) a comment is about, as
 * `{ "kind": "row", "rowKey": "...", "column": "..." }`; NULL for comments on the whole section or
 * on a paragraph (`anchor`). Checked against the task's content when the comment is written.
 */
export class AddCommentRowAnchor1764000000019 implements MigrationInterface {
  name = 'AddCommentRowAnchor1764000000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task_comment" ADD "row_anchor" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task_comment" DROP COLUMN "row_anchor"`);
  }
}

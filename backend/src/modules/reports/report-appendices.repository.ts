import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** An uploaded bilaga without its bytes. */
export interface AppendixRow {
  id: string;
  sort_order: number;
  title: string;
  file_name: string;
  pages: number;
  sha256: string;
  size: number;
  uploaded_at: Date;
}

export interface NewAppendix {
  cycleId: string;
  title: string;
  fileName: string;
  content: Buffer;
  pages: number;
  sha256: string;
  uploadedBy: string;
}

/** The writer of report_appendix (the PDF bilagor of a cycle's report, in their order). */
@Injectable()
export class ReportAppendicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<AppendixRow[]> {
    return manager.query(
      `SELECT id, sort_order, title, file_name, pages, sha256, octet_length(content)::int AS size, uploaded_at
         FROM report_appendix WHERE cycle_id = $1 ORDER BY sort_order, uploaded_at`,
      [cycleId],
    );
  }

  /** The bytes of the cycle's bilagor of those ids, by id. */
  async contents(cycleId: string, ids: readonly string[]): Promise<Map<string, Buffer>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; content: Buffer }> = await this.dataSource.query(
      'SELECT id, content FROM report_appendix WHERE cycle_id = $1 AND id = ANY($2::uuid[])',
      [cycleId, ids],
    );
    return new Map(rows.map((row) => [row.id, row.content]));
  }

  async file(cycleId: string, id: string): Promise<{ file_name: string; content: Buffer } | undefined> {
    const [row]: Array<{ file_name: string; content: Buffer }> = await this.dataSource.query(
      'SELECT file_name, content FROM report_appendix WHERE cycle_id = $1 AND id = $2',
      [cycleId, id],
    );
    return row;
  }

  async insert(manager: EntityManager, appendix: NewAppendix): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO report_appendix (cycle_id, sort_order, title, file_name, content, pages, sha256, uploaded_by)
       VALUES ($1, (SELECT COALESCE(max(sort_order), 0) + 1 FROM report_appendix WHERE cycle_id = $1), $2, $3, $4, $5, $6, $7)
       RETURNING id`,
      [appendix.cycleId, appendix.title, appendix.fileName, appendix.content, appendix.pages, appendix.sha256, appendix.uploadedBy],
    );
    return row.id;
  }

  async rename(manager: EntityManager, id: string, title: string): Promise<void> {
    await manager.query('UPDATE report_appendix SET title = $2 WHERE id = $1', [id, title]);
  }

  /** Numbers the cycle's bilagor 1, 2 … in the order of the ids given. */
  async reorder(manager: EntityManager, cycleId: string, ids: readonly string[]): Promise<void> {
    await manager.query(
      `UPDATE report_appendix a SET sort_order = o.position
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE a.id = o.id AND a.cycle_id = $1`,
      [cycleId, ids],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM report_appendix WHERE id = $1', [id]);
  }
}

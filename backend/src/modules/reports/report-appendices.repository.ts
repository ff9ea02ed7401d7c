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

/** A bilaga as a frozen version holds it (report_version_appendix): title and file of its freeze. */
export interface VersionAppendixRow extends AppendixRow {
  version: number;
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

/** The writer of report_appendix (the PDF bilagor of a cycle's report, in their order) and report_version_appendix. */
@Injectable()
export class ReportAppendicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The cycle's current list: what the next frozen version will hold (removed bilagor left out). */
  list(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<AppendixRow[]> {
    return manager.query(
      `SELECT id, sort_order, title, file_name, pages, sha256, octet_length(content)::int AS size, uploaded_at
         FROM report_appendix WHERE cycle_id = $1 AND removed_at IS NULL ORDER BY sort_order, uploaded_at`,
      [cycleId],
    );
  }

  /** The bilagor each frozen version of the cycle holds, as they were at its freeze, in their order. */
  versionAppendices(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<VersionAppendixRow[]> {
    return manager.query(
      `SELECT v.number AS version, va.position AS sort_order, va.appendix_id AS id, va.title, va.file_name, va.pages, va.sha256,
              octet_length(a.content)::int AS size, a.uploaded_at
         FROM report_version v
         JOIN report_version_appendix va ON va.version_id = v.id
         JOIN report_appendix a ON a.id = va.appendix_id
        WHERE v.cycle_id = $1
        ORDER BY v.number, va.position`,
      [cycleId],
    );
  }

  /** Records the bilagor of those ids, in that order, as the version holds them (inside the freezing transaction). */
  async recordVersion(manager: EntityManager, versionId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `INSERT INTO report_version_appendix (version_id, position, appendix_id, title, file_name, pages, sha256)
       SELECT $1, o.position, a.id, a.title, a.file_name, a.pages, a.sha256
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
         JOIN report_appendix a ON a.id = o.id`,
      [versionId, ids],
    );
  }

  /** The numbers of the frozen versions that hold this bilaga. */
  async heldBy(manager: EntityManager, id: string): Promise<number[]> {
    const rows: Array<{ number: number }> = await manager.query(
      `SELECT v.number FROM report_version_appendix va JOIN report_version v ON v.id = va.version_id
        WHERE va.appendix_id = $1 ORDER BY v.number`,
      [id],
    );
    return rows.map((row) => row.number);
  }

  /** Takes a bilaga off the current list and keeps its file for the versions that hold it. */
  async markRemoved(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE report_appendix SET removed_at = now() WHERE id = $1', [id]);
  }

  /** The bytes of the cycle's bilagor of those ids, by id (also of those taken off the list: a version may hold them). */
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
       VALUES ($1, (SELECT COALESCE(max(sort_order), 0) + 1 FROM report_appendix WHERE cycle_id = $1 AND removed_at IS NULL), $2, $3, $4, $5, $6, $7)
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentModel } from '@rapportflode/documents';
import type { EconomicFigures, ReportKind, SectionConfig, SectionKind, SectionPlacement, SickLeaveContent, TaskContent, TaskState } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

export interface ReportSectionRow {
  id: string;
  key: string;
  number: string;
  depth: number;
  title: string;
  kind: SectionKind;
  config: SectionConfig | null;
  heading_only: boolean;
  placement: SectionPlacement;
}

/** A task of the cycle, with who approved it last (approved tasks only). */
export interface ReportTaskRow {
  id: string;
  section_id: string;
  unit_id: string | null;
  state: TaskState;
  content: TaskContent;
  approved_by: string | null;
  approved_at: Date | null;
}

/** A unit's approved sick leave of the same section in an earlier cycle of the nämnd. */
export interface EarlierSickLeaveRow {
  unit_id: string;
  report_kind: ReportKind;
  period_end: string;
  year: number;
  content: SickLeaveContent;
}

export interface VersionRow {
  number: number;
  checksum: string;
  reason: string | null;
  frozen_at: Date;
  frozen_by: string | null;
  model: DocumentModel;
}

export interface NewVersion {
  cycleId: string;
  number: number;
  model: DocumentModel;
  checksum: string;
  reason: string | null;
  figures: EconomicFigures | null;
  frozenBy: string;
  frozenAt: Date;
}

/**
 * The only writer of report_version and report_version_file; reads the cycle's sections, tasks
 * and units for the assembly. Every method takes the transaction's manager, or reads outside one.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the cycle's row (one freeze at a time per cycle); false when there is no such cycle. */
  async lockCycle(cycleId: string, manager: EntityManager): Promise<boolean> {
    const locked: unknown[] = await manager.query('SELECT id FROM report_cycle WHERE id = $1 FOR UPDATE', [cycleId]);
    return locked.length > 0;
  }

  sections(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<ReportSectionRow[]> {
    return manager.query(
      'SELECT id, key, number, depth, title, kind, config, heading_only, placement FROM cycle_section WHERE cycle_id = $1 ORDER BY sort_order',
      [cycleId],
    );
  }

  /** The cycle's nämnd, for the audit of a change to its report. */
  async committeeOf(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row]: Array<{ committee_id: string }> = await manager.query('SELECT committee_id FROM report_cycle WHERE id = $1', [cycleId]);
    return row?.committee_id ?? null;
  }

  /** The print layout the cycle kept from its template (null: a cycle from before layouts). */
  async layout(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<unknown> {
    const [row]: Array<{ layout: unknown }> = await manager.query('SELECT layout FROM report_cycle WHERE id = $1', [cycleId]);
    return row?.layout ?? null;
  }

  /** The cycle's tasks; who approved each comes from the workflow's history (ReportAssembly). */
  tasks(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<Array<Omit<ReportTaskRow, 'approved_by' | 'approved_at'>>> {
    return manager.query('SELECT t.id, t.section_id, t.unit_id, t.state, t.content FROM task t WHERE t.cycle_id = $1', [cycleId]);
  }

  /** Each unit's approved sick leave of the same section in the nämnd's earlier cycles, oldest first. */
  earlierSickLeave(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<EarlierSickLeaveRow[]> {
    return manager.query(
      `SELECT me.unit_id, c.report_kind, to_char(c.period_end, 'YYYY-MM-DD') AS period_end, c.year, t.content
         FROM task me
         JOIN cycle_section ms ON ms.id = me.section_id AND ms.kind = 'sick_leave'
         JOIN report_cycle mc ON mc.id = me.cycle_id
         JOIN report_cycle c ON c.committee_id = mc.committee_id AND c.period_end < mc.period_end
         JOIN cycle_section s ON s.cycle_id = c.id AND s.key = ms.key AND s.kind = ms.kind
         JOIN task t ON t.section_id = s.id AND t.unit_id = me.unit_id AND t.state = 'approved'
        WHERE me.cycle_id = $1 AND me.unit_id IS NOT NULL
        ORDER BY c.period_end`,
      [cycleId],
    );
  }

  /** The cycle's frozen versions, newest first. */
  versions(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<VersionRow[]> {
    return manager.query(
      `SELECT v.number, v.checksum, v.reason, v.frozen_at, u.name AS frozen_by, v.model
         FROM report_version v LEFT JOIN app_user u ON u.id = v.frozen_by
        WHERE v.cycle_id = $1 ORDER BY v.number DESC`,
      [cycleId],
    );
  }

  async latestVersion(cycleId: string, manager: EntityManager): Promise<{ number: number; checksum: string } | null> {
    const [row]: Array<{ number: number; checksum: string }> = await manager.query(
      'SELECT number, checksum FROM report_version WHERE cycle_id = $1 ORDER BY number DESC LIMIT 1',
      [cycleId],
    );
    return row ?? null;
  }

  /** The latest version's number and the figures frozen with it (null for versions frozen before figures were kept). */
  async latestFigures(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<{ number: number; figures: EconomicFigures | null } | null> {
    const [row]: Array<{ number: number; figures: EconomicFigures | null }> = await manager.query(
      'SELECT number, figures FROM report_version WHERE cycle_id = $1 ORDER BY number DESC LIMIT 1',
      [cycleId],
    );
    return row ?? null;
  }

  async versionModel(cycleId: string, number: number, manager: EntityManager = this.dataSource.manager): Promise<DocumentModel | null> {
    const [row]: Array<{ model: DocumentModel }> = await manager.query('SELECT model FROM report_version WHERE cycle_id = $1 AND number = $2', [
      cycleId,
      number,
    ]);
    return row?.model ?? null;
  }

  async insertVersion(version: NewVersion, manager: EntityManager): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO report_version (cycle_id, number, model, checksum, reason, frozen_by, frozen_at, figures)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        version.cycleId,
        version.number,
        JSON.stringify(version.model),
        version.checksum,
        version.reason,
        version.frozenBy,
        version.frozenAt,
        version.figures === null ? null : JSON.stringify(version.figures),
      ],
    );
    return row.id;
  }

  /** A version's id and its stored file in the format (content null when not printed yet); null when there is no such version. */
  async versionFile(cycleId: string, number: number, format: 'pdf' | 'docx'): Promise<{ id: string; content: Buffer | null } | null> {
    const [row]: Array<{ id: string; content: Buffer | null }> = await this.dataSource.query(
      `SELECT v.id, f.content FROM report_version v LEFT JOIN report_version_file f ON f.version_id = v.id AND f.format = $3
        WHERE v.cycle_id = $1 AND v.number = $2`,
      [cycleId, number, format],
    );
    return row ?? null;
  }

  async insertVersionFile(versionId: string, format: 'pdf' | 'docx', content: Buffer): Promise<void> {
    await this.dataSource.query('INSERT INTO report_version_file (version_id, format, content) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      versionId,
      format,
      content,
    ]);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CycleSectionDto, ReportTemplateDto } from '@rapportflode/api-contract';
import type { ReminderConfig, ReportKind, RoleGrant, SectionConfig, SectionKind, TaskContent, TaskState, TemplateLayout } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { violatesConstraint } from '../../database/query';

/** The deadline a task answers to: its own, or its cycle's. */
const TASK_DEADLINE_SQL = 'COALESCE(t.deadline, c.submission_deadline)::text';

/**
 * The overview's reads: $1 cycle id (reviewers: $1 committee id, $2 cycle id); its units come
 * from UnitTree (organisation/units.repository.ts, COMMITTEE_UNITS_SQL). Exported so that the
 * task benchmark runs exactly this SQL (test/bench/tasks.bench.ts).
 */
export const OVERVIEW_SECTIONS_SQL = `SELECT id, key, number, depth, title, kind, reviewer_role AS "reviewerRole" FROM cycle_section WHERE cycle_id = $1 ORDER BY sort_order`;
export const OVERVIEW_TASKS_SQL = `SELECT t.id, t.section_id AS "sectionId", t.unit_id AS "unitId", t.state, ${TASK_DEADLINE_SQL} AS deadline
           FROM task t JOIN report_cycle c ON c.id = t.cycle_id WHERE t.cycle_id = $1`;
export const OVERVIEW_REVIEWERS_SQL = `SELECT r.role, r.committee_id AS "committeeId", r.unit_id AS "unitId", u.name
           FROM role_assignment r JOIN app_user u ON u.id = r.user_id
          WHERE u.active AND (r.committee_id IS NULL OR r.committee_id = $1)
            AND r.role IN (SELECT DISTINCT reviewer_role FROM cycle_section WHERE cycle_id = $2)`;

/** What every page about a cycle shows at its top (CycleHeaders). */
export interface CycleHeader {
  id: string;
  committeeId: string;
  /** The nämnd's name, e.g. Socialnämnden. */
  committee: string;
  municipality: string;
  title: string;
  reportKind: ReportKind;
  year: number;
  /** YYYY-MM-DD. */
  periodEnd: string;
  /** As stored: '' when the cycle has none. */
  diaryNumber: string;
  /** YYYY-MM-DD. */
  meetingDate: string;
}

/** A report_cycle with its committee's display name, as the cycle pages read it. */
export interface CycleRow {
  id: string;
  committee_id: string;
  committee_name: string;
  template_id: string | null;
  title: string;
  report_kind: ReportKind;
  year: number;
  period_end: string;
  diary_number: string;
  submission_deadline: string;
  review_deadline: string;
  assembly_deadline: string;
  meeting_date: string;
  version: number;
  created_at: Date;
  reminder_config: ReminderConfig | null;
  /** The latest report_version's number and time (null: none frozen). */
  frozen_version: number | null;
  frozen_at: Date | null;
}

export interface ProgressRow {
  cycle_id: string;
  state: TaskState;
  deadline: string;
  count: number;
}

/** The approved content of a section's task in the committee's latest earlier cycle. */
export interface PreviousContentRow {
  key: string;
  title: string;
  kind: SectionKind;
  unitId: string | null;
  content: TaskContent;
  config: SectionConfig | null;
  year: number;
  report_kind: ReportKind;
  periodEnd: string;
}

export type OverviewTaskRow = { id: string; sectionId: string; unitId: string | null; state: TaskState; deadline: string };
export type OverviewReviewerRow = RoleGrant & { name: string };

export interface NewCycle {
  committeeId: string;
  templateId: string;
  title: string;
  reportKind: ReportKind;
  year: number;
  periodEnd: string;
  diaryNumber: string;
  submissionDeadline: string;
  reviewDeadline: string;
  assemblyDeadline: string;
  meetingDate: string;
  createdBy: string;
  /** The template's print layout, kept by the cycle (libs/domain/src/lib/template-layout.ts). */
  layout: TemplateLayout;
}

export interface CycleChanges {
  periodEnd: string;
  submissionDeadline: string;
  reviewDeadline: string;
  assemblyDeadline: string;
  meetingDate: string;
  diaryNumber: string;
  title: string;
  /** undefined: keep the stored settings. */
  reminderConfig: ReminderConfig | null | undefined;
  /** Now: recorded as submission_deadline_set_at when the submission deadline changes. */
  at: Date;
}

/** report_version belongs to the reports module (reports.repository.ts); it is only read here, for the latest frozen version. */
const CYCLE_SQL = `
  SELECT c.id, c.committee_id, m.name || ', ' || m.municipality AS committee_name, c.template_id, c.title, c.report_kind,
         c.year, c.period_end::text, c.diary_number, c.submission_deadline::text, c.review_deadline::text,
         c.assembly_deadline::text, c.meeting_date::text, c.version, c.created_at, c.reminder_config,
         fv.number AS frozen_version, fv.frozen_at
    FROM report_cycle c JOIN committee m ON m.id = c.committee_id
    LEFT JOIN LATERAL (SELECT v.number, v.frozen_at FROM report_version v WHERE v.cycle_id = c.id ORDER BY v.number DESC LIMIT 1) fv ON true`;

/** The writer of report_cycle and cycle_section. */
@Injectable()
export class CyclesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async header(id: string, manager: EntityManager = this.dataSource.manager): Promise<CycleHeader | undefined> {
    const [row]: CycleHeader[] = await manager.query(
      `SELECT c.id, c.committee_id AS "committeeId", m.name AS committee, m.municipality, c.title, c.report_kind AS "reportKind",
              c.year, to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd", c.diary_number AS "diaryNumber",
              to_char(c.meeting_date, 'YYYY-MM-DD') AS "meetingDate"
         FROM report_cycle c JOIN committee m ON m.id = c.committee_id WHERE c.id = $1`,
      [id],
    );
    return row;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<CycleRow | undefined> {
    const [row]: CycleRow[] = await manager.query(`${CYCLE_SQL} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`, [id]);
    return row;
  }

  /** The newest 500 cycles of those committees (everywhere: all). */
  async list(everywhere: boolean, committeeIds: readonly string[]): Promise<CycleRow[]> {
    return this.dataSource.query(
      `${CYCLE_SQL} WHERE $1 OR c.committee_id = ANY($2::uuid[]) ORDER BY c.period_end DESC, m.municipality, c.title LIMIT 500`,
      [everywhere, committeeIds],
    );
  }

  /** Task counts per cycle, state and deadline. */
  async progress(ids: readonly string[]): Promise<ProgressRow[]> {
    return this.dataSource.query(
      `SELECT t.cycle_id, t.state, ${TASK_DEADLINE_SQL} AS deadline, count(*)::int AS count
         FROM task t JOIN report_cycle c ON c.id = t.cycle_id
        WHERE t.cycle_id = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
      [ids],
    );
  }

  /** The overview's reads (the SQL the task benchmark measures). */
  async overview(id: string, committeeId: string): Promise<[CycleSectionDto[], OverviewTaskRow[], OverviewReviewerRow[]]> {
    return Promise.all([
      this.dataSource.query(OVERVIEW_SECTIONS_SQL, [id]),
      this.dataSource.query(OVERVIEW_TASKS_SQL, [id]),
      this.dataSource.query(OVERVIEW_REVIEWERS_SQL, [committeeId, id]),
    ]);
  }

  /** Per section key, kind and unit: the approved content of the latest cycle before periodEnd. */
  /** Every approved task of the nämnd's earlier cycles of the given kinds, the latest period first (the caller picks per section). */
  async previousContent(manager: EntityManager, committeeId: string, periodEnd: string, kinds: readonly SectionKind[]): Promise<PreviousContentRow[]> {
    const rows: Array<Omit<PreviousContentRow, 'periodEnd' | 'unitId'> & { period_end: string; unit_id: string | null }> = await manager.query(
      `SELECT s.key, s.title, s.kind, t.unit_id, t.content, s.config, c.year, c.report_kind, to_char(c.period_end, 'YYYY-MM-DD') AS period_end
         FROM task t JOIN cycle_section s ON s.id = t.section_id JOIN report_cycle c ON c.id = t.cycle_id
        WHERE c.committee_id = $1 AND c.period_end < $2 AND s.kind = ANY($3::text[]) AND t.state = 'approved'
        ORDER BY c.period_end DESC`,
      [committeeId, periodEnd, kinds],
    );
    return rows.map(({ period_end, unit_id, ...row }) => ({ ...row, unitId: unit_id, periodEnd: period_end }));
  }

  /** The new cycle's id, or null when the committee has a cycle of that kind and period already. */
  async insert(manager: EntityManager, cycle: NewCycle): Promise<string | null> {
    try {
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO report_cycle (committee_id, template_id, title, report_kind, year, period_end, diary_number,
           submission_deadline, review_deadline, assembly_deadline, meeting_date, created_by, layout)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          cycle.committeeId,
          cycle.templateId,
          cycle.title,
          cycle.reportKind,
          cycle.year,
          cycle.periodEnd,
          cycle.diaryNumber,
          cycle.submissionDeadline,
          cycle.reviewDeadline,
          cycle.assemblyDeadline,
          cycle.meetingDate,
          cycle.createdBy,
          JSON.stringify(cycle.layout),
        ],
      );
      return row.id;
    } catch (error) {
      if (violatesConstraint(error, 'uq_report_cycle_period')) {
        return null;
      }
      throw error;
    }
  }

  /** Copies a template section into the cycle; gives the cycle section's id. */
  async insertSection(manager: EntityManager, cycleId: string, section: ReportTemplateDto['sections'][number], sortOrder: number): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO cycle_section (cycle_id, key, parent_key, number, depth, sort_order, title, kind, reviewer_role, config, guidance,
                                  heading_only, placement, writer_role)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        cycleId,
        section.key,
        section.parentKey,
        section.number,
        section.depth,
        sortOrder,
        section.title,
        section.kind,
        section.reviewerRole,
        section.config ? JSON.stringify(section.config) : null,
        section.guidance ?? null,
        section.headingOnly === true,
        section.placement ?? 'body',
        section.writerRole ?? null,
      ],
    );
    return row.id;
  }

  /** Writes the dates, diarienummer, title (and the reminder settings unless undefined); bumps the version. */
  async update(manager: EntityManager, id: string, changes: CycleChanges): Promise<void> {
    await manager.query(
      `UPDATE report_cycle SET period_end = $2, submission_deadline = $3, review_deadline = $4, assembly_deadline = $5,
              meeting_date = $6, diary_number = $7, title = $8, version = version + 1, updated_at = now(),
              reminder_config = CASE WHEN $9 THEN $10::jsonb ELSE reminder_config END,
              submission_deadline_set_at = CASE WHEN submission_deadline IS DISTINCT FROM $3::date THEN $11::timestamptz
                                                ELSE submission_deadline_set_at END
        WHERE id = $1`,
      [
        id,
        changes.periodEnd,
        changes.submissionDeadline,
        changes.reviewDeadline,
        changes.assemblyDeadline,
        changes.meetingDate,
        changes.diaryNumber,
        changes.title,
        changes.reminderConfig !== undefined,
        changes.reminderConfig ? JSON.stringify(changes.reminderConfig) : null,
        changes.at,
      ],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateCycleRequest,
  CycleListResponse,
  CycleOverviewDto,
  CycleSummaryDto,
  OverviewTaskDto,
  OverviewUnitDto,
  UpdateCycleRequest,
} from '@rapportflode/api-contract';
import {
  can,
  checkCycleDates,
  CycleDates,
  checkReminderConfig,
  carryContentForward,
  carryEconomyForward,
  daysLate,
  economyConfigOf,
  CARRIED_KINDS,
  SectionKind,
  TaskContent,
  emptyContent,
  isRole,
  matchesFilter,
  OverviewFilter,
  periodLabel,
  progressOf,
  ReportKind,
  ReminderConfig,
  responsibleUnits,
  reviewsTask,
  Role,
  RoleGrant,
  scopesFor,
  SectionConfig,
  swedishToday,
  TaskState,
} from '@rapportflode/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';
import { TemplatesService } from '../templates/templates.service';
import {
  OVERVIEW_REVIEWERS_SQL,
  OVERVIEW_SECTIONS_SQL,
  OVERVIEW_TASKS_SQL,
  OVERVIEW_UNITS_SQL,
  TASK_DEADLINE_SQL,
} from '../tasks/task.queries';

export interface CycleActor {
  userId: string;
  grants: readonly RoleGrant[];
  ip: string | null;
}

export const CycleErrors = {
  invalid: (errors: string[]) => new DomainError( 'cycle_invalid', 'Rapportcykelns uppgifter är inte giltiga.', errors),
  exists: () =>
    new DomainError(
      'cycle_exists',
      'Det finns redan en rapportcykel för den här nämnden, rapporttypen och perioden.',
    ),
  templateInactive: () => new DomainError( 'template_inactive', 'Mallen är inaktiverad och kan inte användas för nya rapportcykler.'),
  templateNotFound: () => new DomainError( 'template_not_found', 'Mallen finns inte.'),
  stale: () =>
    new DomainError(
      'version_conflict',
      'Någon annan har ändrat rapportcykeln under tiden. Ladda om sidan och gör ändringen igen.',
    ),
  nothingToChange: () => new DomainError( 'nothing_to_change', 'Ange något att ändra.'),
};

interface CycleRow {
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
}

const CYCLE_SQL = `
  SELECT c.id, c.committee_id, m.name || ', ' || m.municipality AS committee_name, c.template_id, c.title, c.report_kind,
         c.year, c.period_end::text, c.diary_number, c.submission_deadline::text, c.review_deadline::text,
         c.assembly_deadline::text, c.meeting_date::text, c.version, c.created_at, c.reminder_config
    FROM report_cycle c JOIN committee m ON m.id = c.committee_id`;


/** One collator for every sort (localeCompare with a locale builds a new one per call). */
const SWEDISH = new Intl.Collator('sv-SE');

const DATE_COLUMNS: Record<keyof CycleDates, string> = {
  periodEnd: 'period_end',
  submissionDeadline: 'submission_deadline',
  reviewDeadline: 'review_deadline',
  assemblyDeadline: 'assembly_deadline',
  meetingDate: 'meeting_date',
};

function datesOf(row: CycleRow): CycleDates {
  return {
    periodEnd: row.period_end,
    submissionDeadline: row.submission_deadline,
    reviewDeadline: row.review_deadline,
    assemblyDeadline: row.assembly_deadline,
    meetingDate: row.meeting_date,
  };
}

/** The settings in force: the stored ones (checked when stored), or the defaults. */
function reminderConfigOf(stored: unknown): ReminderConfig {
  const check = checkReminderConfig(stored);
  return check.ok ? check.config : (checkReminderConfig(null) as { config: ReminderConfig }).config;
}

function summaryOf(row: CycleRow, progress: CycleSummaryDto['progress']): CycleSummaryDto {
  return {
    id: row.id,
    committeeId: row.committee_id,
    committeeName: row.committee_name,
    templateId: row.template_id,
    title: row.title,
    reportKind: row.report_kind,
    year: row.year,
    period: periodLabel(row.report_kind, row.period_end),
    diaryNumber: row.diary_number,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    ...datesOf(row),
    progress,
    reminderConfig: reminderConfigOf(row.reminder_config),
  };
}

@Injectable()
export class CyclesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: TemplatesService,
    private readonly audit: AuditService,
    private readonly reminders: ReminderScheduler,
  ) {}

  /**
   * Opens a cycle from a template: copies the template's sections and creates every task
   * (section × responsible unit) in one transaction.
   */
  async create(body: CreateCycleRequest, actor: CycleActor): Promise<CycleSummaryDto> {
    const errors = checkCycleDates(body);
    if (body.periodEnd.slice(0, 4) !== String(body.year)) errors.push(`Periodens slut (${body.periodEnd}) ligger inte år ${body.year}.`);
    if (!body.diaryNumber.trim()) errors.push('Ange diarienummer.');
    if (errors.length) throw CycleErrors.invalid(errors);

    const template = await this.templates.get(body.templateId).catch(() => null);
    if (!template || template.committeeId === null) throw CycleErrors.templateNotFound();
    if (!template.active) throw CycleErrors.templateInactive();
    const committeeId = template.committeeId;

    const id = await this.dataSource.transaction(async (manager) => {
      const units: Array<{ id: string; parentId: string | null; active: boolean }> = await manager.query(
        'SELECT id, parent_id AS "parentId", active FROM organisation_unit WHERE committee_id = $1 ORDER BY sort_order, name',
        [committeeId],
      );
      // Last period's approved tables, so a new cycle's structured sections start from them (nothing retyped):
      // economy rows and earlier figures, the action plan's unfinished rows, the control plan, goals, table rows.
      const previous: Array<{ key: string; kind: SectionKind; unit_id: string | null; content: TaskContent; config: SectionConfig | null; year: number }> =
        await manager.query(
          `SELECT DISTINCT ON (s.key, s.kind, t.unit_id) s.key, s.kind, t.unit_id, t.content, s.config, c.year
             FROM task t JOIN cycle_section s ON s.id = t.section_id JOIN report_cycle c ON c.id = t.cycle_id
            WHERE c.committee_id = $1 AND c.period_end < $2 AND s.kind = ANY($3::text[]) AND t.state = 'approved'
            ORDER BY s.key, s.kind, t.unit_id, c.period_end DESC`,
          [committeeId, body.periodEnd, CARRIED_KINDS],
        );
      const previousOf = (key: string, kind: SectionKind, unitId: string | null) =>
        previous.find((p) => p.key === key && p.kind === kind && p.unit_id === unitId);
      const taskSections: string[] = [];
      const taskUnits: Array<string | null> = [];
      const taskContents: string[] = [];
      const undelivered: string[] = [];
      let cycle: { id: string };
      try {
        [cycle] = await manager.query(
          `INSERT INTO report_cycle (committee_id, template_id, title, report_kind, year, period_end, diary_number,
             submission_deadline, review_deadline, assembly_deadline, meeting_date, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            committeeId,
            template.id,
            body.title?.trim() || `${template.name} ${body.year}`,
            template.reportKind,
            body.year,
            body.periodEnd,
            body.diaryNumber.trim(),
            body.submissionDeadline,
            body.reviewDeadline,
            body.assemblyDeadline,
            body.meetingDate,
            actor.userId,
          ],
        );
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_report_cycle_period') {
          throw CycleErrors.exists();
        }
        throw error;
      }
      for (const [index, section] of template.sections.entries()) {
        const [row] = await manager.query(
          `INSERT INTO cycle_section (cycle_id, key, parent_key, number, depth, sort_order, title, kind, reviewer_role, config)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            cycle.id,
            section.key,
            section.parentKey,
            section.number,
            section.depth,
            index + 1,
            section.title,
            section.kind,
            section.reviewerRole,
            section.config ? JSON.stringify(section.config) : null,
          ],
        );
        const unitIds = responsibleUnits(section.responsibility, section.unitIds, units);
        if (unitIds.length === 0) undelivered.push(`${section.number} ${section.title}`);
        for (const unitId of unitIds) {
          taskSections.push(row.id);
          taskUnits.push(unitId);
          const earlier = previousOf(section.key, section.kind, unitId);
          const content = !earlier
            ? emptyContent(section.kind)
            : earlier.content.type === 'economy'
              ? carryEconomyForward(economyConfigOf(section.config), economyConfigOf(earlier.config), earlier.content, earlier.year === body.year)
              : carryContentForward(section.kind, earlier.content, earlier.year === body.year);
          taskContents.push(JSON.stringify(content));
        }
      }
      if (undelivered.length) {
        throw CycleErrors.invalid(undelivered.map((name) => `Avsnittet ${name} har inga aktiva enheter som ska leverera det. Ändra mallen.`));
      }
      await manager.query(
        `INSERT INTO task (cycle_id, section_id, unit_id, content)
         SELECT $1, s, u, c FROM unnest($2::uuid[], $3::uuid[], $4::jsonb[]) AS x(s, u, c)`,
        [cycle.id, taskSections, taskUnits, taskContents],
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'cycle.create',
        entityType: 'cycle',
        entityId: cycle.id,
        committeeId,
        after: { ...body, templateName: template.name, sections: template.sections.length, tasks: taskSections.length },
        ip: actor.ip,
      });
      return cycle.id;
    });
    await this.reminders.scheduleAfterCommit({ cycleId: id });
    return this.summary(id);
  }

  async list(grants: readonly RoleGrant[]): Promise<CycleListResponse> {
    const scopes = scopesFor(grants, 'task.read').filter((g) => g.unitId === null);
    if (scopes.length === 0) return { cycles: [] };
    const everywhere = scopes.some((g) => g.committeeId === null);
    const committees = scopes.map((g) => g.committeeId).filter((id): id is string => id !== null);
    const rows: CycleRow[] = await this.dataSource.query(
      `${CYCLE_SQL} WHERE $1 OR c.committee_id = ANY($2::uuid[]) ORDER BY c.period_end DESC, m.municipality, c.title LIMIT 500`,
      [everywhere, committees],
    );
    const progress = await this.progressByCycle(rows.map((row) => row.id));
    return { cycles: rows.map((row) => summaryOf(row, progress.get(row.id) ?? progressOf([], swedishToday()))) };
  }

  async summary(id: string): Promise<CycleSummaryDto> {
    const [row]: CycleRow[] = await this.dataSource.query(`${CYCLE_SQL} WHERE c.id = $1`, [id]);
    const progress = await this.progressByCycle([id]);
    return summaryOf(row, progress.get(id) ?? progressOf([], swedishToday()));
  }

  private async progressByCycle(ids: string[]): Promise<Map<string, CycleSummaryDto['progress']>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ cycle_id: string; state: TaskState; deadline: string; count: number }> = await this.dataSource.query(
      `SELECT t.cycle_id, t.state, ${TASK_DEADLINE_SQL} AS deadline, count(*)::int AS count
         FROM task t JOIN report_cycle c ON c.id = t.cycle_id
        WHERE t.cycle_id = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
      [ids],
    );
    const today = swedishToday();
    const grouped = new Map<string, typeof rows>();
    for (const row of rows) {
      const group = grouped.get(row.cycle_id) ?? [];
      group.push(row);
      grouped.set(row.cycle_id, group);
    }
    return new Map([...grouped].map(([id, group]) => [id, progressOf(group, today)]));
  }

  /** The matrix: units × sections, each task's state, deadline, days late and reviewers. */
  async overview(id: string, filter: OverviewFilter, grants: readonly RoleGrant[]): Promise<CycleOverviewDto> {
    const [row]: CycleRow[] = await this.dataSource.query(`${CYCLE_SQL} WHERE c.id = $1`, [id]);
    const today = swedishToday();
    const [sections, tasks, units, reviewerGrants] = await Promise.all([
      this.dataSource.query(
        OVERVIEW_SECTIONS_SQL,
        [id],
      ) as Promise<CycleOverviewDto['sections']>,
      this.dataSource.query(
        OVERVIEW_TASKS_SQL,
        [id],
      ) as Promise<Array<{ id: string; sectionId: string; unitId: string | null; state: TaskState; deadline: string }>>,
      this.dataSource.query(
        OVERVIEW_UNITS_SQL,
        [row.committee_id],
      ) as Promise<Array<{ id: string; parent_id: string | null; name: string; sort_order: number }>>,
      this.dataSource.query(
        OVERVIEW_REVIEWERS_SQL,
        [row.committee_id, id],
      ) as Promise<Array<RoleGrant & { name: string }>>,
    ]);

    const byId = new Map(units.map((u) => [u.id, u]));
    const paths = new Map<string, string[]>();
    const pathIds = (unitId: string): string[] => {
      const known = paths.get(unitId);
      if (known) return known;
      const path: string[] = [];
      for (let current = byId.get(unitId); current; current = current.parent_id ? byId.get(current.parent_id) : undefined) {
        path.unshift(current.id);
      }
      paths.set(unitId, path);
      return path;
    };
    const reviewerRoleOf = new Map(sections.map((s) => [s.id, s.reviewerRole as Role]));
    const matrix: OverviewTaskDto[] = [];
    const perUnit = new Map<string | null, Array<{ state: TaskState; deadline: string }>>();
    for (const task of tasks) {
      const unitTasks = perUnit.get(task.unitId) ?? [];
      unitTasks.push(task);
      perUnit.set(task.unitId, unitTasks);
      if (!matchesFilter(task, filter, today)) continue;
      const scope = { committeeId: row.committee_id, unitPath: task.unitId ? pathIds(task.unitId) : [] };
      const role = reviewerRoleOf.get(task.sectionId);
      const reviewers = reviewerGrants
        .filter((g) => isRole(g.role) && role && reviewsTask(g, scope, role))
        .map((g) => g.name);
      matrix.push({ ...task, daysLate: daysLate(task, today), reviewers: [...new Set(reviewers)].sort(SWEDISH.compare) });
    }
    const unitRows: Array<OverviewUnitDto & { order: string }> = [...perUnit.entries()].map(([unitId, unitTasks]) => {
      if (unitId === null) return { id: null, name: 'Nämndnivå', path: '', progress: progressOf(unitTasks, today), order: '' };
      const path = pathIds(unitId).map((pid) => byId.get(pid));
      return {
        id: unitId,
        name: byId.get(unitId)?.name ?? '',
        path: path.slice(0, -1).map((u) => u?.name).join(' / '),
        progress: progressOf(unitTasks, today),
        order: path.map((u) => `${String(u?.sort_order ?? 0).padStart(6, '0')}${u?.name}`).join('/'),
      };
    });
    unitRows.sort((a, b) => SWEDISH.compare(a.order, b.order));
    return {
      cycle: summaryOf(row, progressOf(tasks, today)),
      filter,
      sections,
      units: unitRows.map(({ order: _order, ...unit }) => unit),
      tasks: matrix,
      canManage: can(grants, 'cycle.manage', { committeeId: row.committee_id, unitPath: [] }),
    };
  }

  /** Dates, diarienummer, title or reminder settings; refused when someone changed the cycle since it was read. */
  async update(id: string, body: UpdateCycleRequest, actor: CycleActor): Promise<CycleSummaryDto> {
    let reminderConfig: ReminderConfig | null | undefined;
    if (body.reminderConfig !== undefined) {
      const check = checkReminderConfig(body.reminderConfig);
      if (!check.ok) throw CycleErrors.invalid(check.errors);
      reminderConfig = body.reminderConfig === null ? null : check.config;
    }
    const moved = await this.dataSource.transaction(async (manager) => {
      const [row]: CycleRow[] = await manager.query(`${CYCLE_SQL} WHERE c.id = $1 FOR UPDATE OF c`, [id]);
      if (row.version !== body.version) throw CycleErrors.stale();
      const before = datesOf(row);
      const after: CycleDates = { ...before };
      for (const key of Object.keys(DATE_COLUMNS) as Array<keyof CycleDates>) {
        const value = body[key];
        if (value !== undefined) after[key] = value;
      }
      const changed = (Object.keys(DATE_COLUMNS) as Array<keyof CycleDates>).filter((key) => after[key] !== before[key]);
      const diaryNumber = body.diaryNumber?.trim() ?? row.diary_number;
      const title = body.title?.trim() ?? row.title;
      const configChanged =
        reminderConfig !== undefined && JSON.stringify(reminderConfig) !== JSON.stringify(row.reminder_config);
      if (changed.length === 0 && diaryNumber === row.diary_number && title === row.title && !configChanged) {
        throw CycleErrors.nothingToChange();
      }
      const errors = checkCycleDates(after);
      if (after.periodEnd.slice(0, 4) !== String(row.year)) errors.push(`Periodens slut (${after.periodEnd}) ligger inte år ${row.year}.`);
      if (!diaryNumber) errors.push('Ange diarienummer.');
      if (errors.length) throw CycleErrors.invalid(errors);
      await manager.query(
        `UPDATE report_cycle SET period_end = $2, submission_deadline = $3, review_deadline = $4, assembly_deadline = $5,
                meeting_date = $6, diary_number = $7, title = $8, version = version + 1, updated_at = now(),
                reminder_config = CASE WHEN $9 THEN $10::jsonb ELSE reminder_config END WHERE id = $1`,
        [
          id,
          after.periodEnd,
          after.submissionDeadline,
          after.reviewDeadline,
          after.assemblyDeadline,
          after.meetingDate,
          diaryNumber,
          title,
          configChanged,
          reminderConfig ? JSON.stringify(reminderConfig) : null,
        ],
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'cycle.update',
        entityType: 'cycle',
        entityId: id,
        committeeId: row.committee_id,
        before: { ...before, diaryNumber: row.diary_number, title: row.title, ...(configChanged ? { reminderConfig: row.reminder_config } : {}) },
        after: { ...after, diaryNumber, title, ...(configChanged ? { reminderConfig } : {}) },
        ip: actor.ip,
      });
      return configChanged || changed.includes('submissionDeadline');
    });
    // Reminders follow the cycle's deadline and settings (tasks with their own deadline keep theirs).
    if (moved) await this.reminders.scheduleAfterCommit({ cycleId: id });
    return this.summary(id);
  }
}

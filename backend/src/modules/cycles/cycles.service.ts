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
  blockConfigOf,
  carryBlocksForward,
  carryContentForward,
  carryEconomyForward,
  daysLate,
  earlierContentFor,
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
  ReminderConfig,
  ReportKind,
  responsibleUnits,
  reviewsTask,
  Role,
  RoleGrant,
  scopesFor,
  SectionConfig,
  swedishToday,
  TaskState,
} from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { UnitTree } from '../organisation/unit-tree';
import { TaskChanges } from '../tasks/task-events';
import { TasksService } from '../tasks/tasks.service';
import { TemplatesService } from '../templates/templates.service';
import { CycleRow, CyclesRepository, PreviousContentRow } from './cycles.repository';
import { Clock } from '../../common/clock';

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

/** One collator for every sort (localeCompare with a locale builds a new one per call). */
const SWEDISH = new Intl.Collator('sv-SE');

const DATE_KEYS: ReadonlyArray<keyof CycleDates> = ['periodEnd', 'submissionDeadline', 'reviewDeadline', 'assemblyDeadline', 'meetingDate'];

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
    frozenVersion: row.frozen_version === null || row.frozen_at === null ? null : { number: row.frozen_version, frozenAt: row.frozen_at.toISOString() },
  };
}

/** The content a new task starts from: the earlier approved content carried forward, or empty. */
function startingContent(
  section: { kind: SectionKind; config: SectionConfig | null },
  earlier: PreviousContentRow | undefined,
  cycle: { year: number; reportKind: ReportKind; periodEnd: string },
): TaskContent {
  if (!earlier) return emptyContent(section.kind);
  if (earlier.content.type === 'economy') {
    return carryEconomyForward(
      economyConfigOf(section.config),
      economyConfigOf(earlier.config),
      earlier.content,
      { kind: cycle.reportKind, periodEnd: cycle.periodEnd },
      { kind: earlier.report_kind, periodEnd: earlier.periodEnd },
    );
  }
  if (earlier.content.type === 'blocks' && section.kind === 'blocks') {
    // A section of blocks: its economy blocks carried as economy sections are, the other blocks by their kind.
    const previous = earlier;
    return carryBlocksForward(section.config, earlier.content, earlier.year === cycle.year, (key, content) =>
      carryEconomyForward(
        economyConfigOf(blockConfigOf(section.config, key)),
        economyConfigOf(blockConfigOf(previous.config, key)),
        content,
        { kind: cycle.reportKind, periodEnd: cycle.periodEnd },
        { kind: previous.report_kind, periodEnd: previous.periodEnd },
      ),
    );
  }
  return carryContentForward(section.kind, earlier.content, earlier.year === cycle.year, section.config);
}

@Injectable()
export class CyclesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cycles: CyclesRepository,
    private readonly unitTree: UnitTree,
    private readonly templates: TemplatesService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly taskChanges: TaskChanges,
    private readonly clock: Clock,
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
      const { units } = await this.unitTree.of(committeeId, manager);
      // Last period's approved tables, so a new cycle's structured sections start from them (nothing retyped):
      // economy rows and earlier figures, the action plan's unfinished rows, the control plan, goals, table rows.
      const previous = await this.cycles.previousContent(manager, committeeId, body.periodEnd, CARRIED_KINDS);
      const cycleId = await this.cycles.insert(manager, {
        committeeId,
        templateId: template.id,
        title: body.title?.trim() || `${template.name} ${body.year}`,
        reportKind: template.reportKind,
        year: body.year,
        periodEnd: body.periodEnd,
        diaryNumber: body.diaryNumber.trim(),
        submissionDeadline: body.submissionDeadline,
        reviewDeadline: body.reviewDeadline,
        assemblyDeadline: body.assemblyDeadline,
        meetingDate: body.meetingDate,
        createdBy: actor.userId,
        layout: template.layout,
      });
      if (cycleId === null) throw CycleErrors.exists();
      const tasks: Array<{ sectionId: string; unitId: string | null; content: TaskContent }> = [];
      const undelivered: string[] = [];
      for (const [index, section] of template.sections.entries()) {
        const sectionId = await this.cycles.insertSection(manager, cycleId, section, index + 1);
        // A heading without content of its own ("Endast rubrik") has nothing to deliver: no task.
        if (section.headingOnly) continue;
        const unitIds = responsibleUnits(section.responsibility, section.unitIds, units);
        if (unitIds.length === 0) undelivered.push(`${section.number} ${section.title}`);
        const onlyOneOfKind = template.sections.filter((other) => other.kind === section.kind).length === 1;
        for (const unitId of unitIds) {
          const earlier = earlierContentFor(section, unitId, previous, onlyOneOfKind);
          tasks.push({ sectionId, unitId, content: startingContent(section, earlier, { year: body.year, reportKind: template.reportKind, periodEnd: body.periodEnd }) });
        }
      }
      if (undelivered.length) {
        throw CycleErrors.invalid(undelivered.map((name) => `Avsnittet ${name} har inga aktiva enheter som ska leverera det. Ändra mallen.`));
      }
      await this.tasks.createForCycle(manager, cycleId, tasks);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'cycle.create',
        entityType: 'cycle',
        entityId: cycleId,
        committeeId,
        after: { ...body, templateName: template.name, sections: template.sections.length, tasks: tasks.length },
        ip: actor.ip,
      });
      return cycleId;
    });
    await this.taskChanges.afterCommit({ cycleId: id });
    return this.summary(id);
  }

  async list(grants: readonly RoleGrant[]): Promise<CycleListResponse> {
    const scopes = scopesFor(grants, 'task.read').filter((g) => g.unitId === null);
    if (scopes.length === 0) return { cycles: [] };
    const everywhere = scopes.some((g) => g.committeeId === null);
    const committees = scopes.map((g) => g.committeeId).filter((id): id is string => id !== null);
    const rows = await this.cycles.list(everywhere, committees);
    const progress = await this.progressByCycle(rows.map((row) => row.id));
    return { cycles: rows.map((row) => summaryOf(row, progress.get(row.id) ?? progressOf([], swedishToday()))) };
  }

  async summary(id: string): Promise<CycleSummaryDto> {
    const row = (await this.cycles.find(id)) as CycleRow;
    const progress = await this.progressByCycle([id]);
    return summaryOf(row, progress.get(id) ?? progressOf([], swedishToday()));
  }

  private async progressByCycle(ids: string[]): Promise<Map<string, CycleSummaryDto['progress']>> {
    if (ids.length === 0) return new Map();
    const rows = await this.cycles.progress(ids);
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
    const row = (await this.cycles.find(id)) as CycleRow;
    const today = swedishToday();
    const [[sections, tasks, reviewerGrants], tree] = await Promise.all([
      this.cycles.overview(id, row.committee_id),
      this.unitTree.of(row.committee_id),
    ]);
    const reviewerRoleOf = new Map(sections.map((s) => [s.id, s.reviewerRole as Role]));
    const matrix: OverviewTaskDto[] = [];
    const perUnit = new Map<string | null, Array<{ state: TaskState; deadline: string }>>();
    for (const task of tasks) {
      const unitTasks = perUnit.get(task.unitId) ?? [];
      unitTasks.push(task);
      perUnit.set(task.unitId, unitTasks);
      if (!matchesFilter(task, filter, today)) continue;
      const scope = { committeeId: row.committee_id, unitPath: task.unitId ? tree.pathIds(task.unitId) : [] };
      const role = reviewerRoleOf.get(task.sectionId);
      const reviewers = reviewerGrants
        .filter((g) => isRole(g.role) && role && reviewsTask(g, scope, role))
        .map((g) => g.name);
      matrix.push({ ...task, daysLate: daysLate(task, today), reviewers: [...new Set(reviewers)].sort(SWEDISH.compare) });
    }
    const unitRows: Array<OverviewUnitDto & { order: string }> = [...perUnit.entries()].map(([unitId, unitTasks]) => {
      if (unitId === null) return { id: null, name: 'Nämndnivå', path: '', progress: progressOf(unitTasks, today), order: '' };
      return {
        id: unitId,
        name: tree.get(unitId)?.name ?? '',
        path: tree.pathNames(unitId).slice(0, -1).join(' / '),
        progress: progressOf(unitTasks, today),
        order: tree.orderKey(unitId),
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
      const row = (await this.cycles.find(id, manager, true)) as CycleRow;
      if (row.version !== body.version) throw CycleErrors.stale();
      const before = datesOf(row);
      const after: CycleDates = { ...before };
      for (const key of DATE_KEYS) {
        const value = body[key];
        if (value !== undefined) after[key] = value;
      }
      const changed = DATE_KEYS.filter((key) => after[key] !== before[key]);
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
      await this.cycles.update(manager, id, {
        ...after,
        diaryNumber,
        title,
        reminderConfig: configChanged ? reminderConfig : undefined,
        at: this.clock.now(),
      });
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
    if (moved) await this.taskChanges.afterCommit({ cycleId: id });
    return this.summary(id);
  }
}

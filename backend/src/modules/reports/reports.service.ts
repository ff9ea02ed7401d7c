import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportStatusDto, ReportTaskStatusDto, ReportVersionDto } from '@rapportflode/api-contract';
import { assembleReport, AssemblyInput, checksumText, DocumentModel, tableList } from '@rapportflode/documents';
import { can, periodLabel, ReportKind, RoleGrant, SectionConfig, SectionKind, SickLeaveContent, TaskContent, TaskState } from '@rapportflode/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';

export interface ReportActor {
  userId: string;
  grants: readonly RoleGrant[];
  ip: string | null;
}

export const ReportErrors = {
  notFound: () => new DomainError( 'not_found', 'Det som efterfrågades finns inte.'),
  versionNotFound: (n: number) => new DomainError( 'report_version_not_found', `Version ${n} av rapporten finns inte.`),
  notReady: (missing: ReadonlyArray<{ section: string; unit: string | null; state: string }>) =>
    new DomainError(
      'report_not_ready',
      'Rapporten kan inte fastställas förrän alla avsnitt är godkända.',
      missing.map((m) => `${m.section}${m.unit ? ` (${m.unit})` : ''}: ${m.state}`),
      { missing },
    ),
  alreadyFrozen: (n: number) =>
    new DomainError(
      'report_already_frozen',
      `Rapporten är redan fastställd som version ${n} och inget har ändrats sedan dess.`,
    ),
  reasonRequired: (n: number) =>
    new DomainError(
      'reason_required',
      `Rapporten är redan fastställd som version ${n}. Ange varför en ny version fastställs.`,
    ),
};

interface CycleRow {
  id: string;
  committee_id: string;
  committee: string;
  municipality: string;
  title: string;
  report_kind: ReportKind;
  year: number;
  period_end: string;
  diary_number: string;
  meeting_date: string;
}

interface TaskRow {
  id: string;
  section_id: string;
  unit_id: string | null;
  state: TaskState;
  content: TaskContent;
  approved_by: string | null;
  approved_at: Date | null;
}

interface VersionRow {
  number: number;
  checksum: string;
  reason: string | null;
  frozen_at: Date;
  frozen_by: string | null;
  model: DocumentModel;
}

interface Loaded {
  cycle: CycleRow;
  input: AssemblyInput;
  sections: Array<{ id: string; number: string; depth: number; title: string; kind: SectionKind }>;
  tasks: TaskRow[];
  unitNames: Map<string, string>;
}

/** SHA-256 (hex) of the model's canonical JSON without its status. */
export function reportChecksum(model: DocumentModel): string {
  return createHash('sha256').update(checksumText(model), 'utf8').digest('hex');
}

const SWEDISH = new Intl.Collator('sv-SE');

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Everything assembly needs, read in one go (inside the freezing transaction when given one). */
  private async load(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<Loaded> {
    const [cycle]: CycleRow[] = await manager.query(
      `SELECT c.id, c.committee_id, m.name AS committee, m.municipality, c.title, c.report_kind, c.year, c.period_end::text,
              c.diary_number, c.meeting_date::text
         FROM report_cycle c JOIN committee m ON m.id = c.committee_id WHERE c.id = $1`,
      [cycleId],
    );
    if (!cycle) throw ReportErrors.notFound();
    const [sections, tasks, units]: [
      Array<{ id: string; number: string; depth: number; title: string; kind: SectionKind; config: SectionConfig | null }>,
      TaskRow[],
      Array<{ id: string; parent_id: string | null; name: string; sort_order: number }>,
    ] = await Promise.all([
      manager.query('SELECT id, number, depth, title, kind, config FROM cycle_section WHERE cycle_id = $1 ORDER BY sort_order', [cycleId]),
      manager.query(
        `SELECT t.id, t.section_id, t.unit_id, t.state, t.content, a.name AS approved_by, a.occurred_at AS approved_at
           FROM task t
           LEFT JOIN LATERAL (
             SELECT u.name, tt.occurred_at FROM task_transition tt LEFT JOIN app_user u ON u.id = tt.actor_id
              WHERE tt.task_id = t.id AND tt.transition = 'approve' ORDER BY tt.id DESC LIMIT 1
           ) a ON t.state = 'approved'
          WHERE t.cycle_id = $1`,
        [cycleId],
      ),
      manager.query('SELECT id, parent_id, name, sort_order FROM organisation_unit WHERE committee_id = $1', [cycle.committee_id]),
    ]);
    // Each unit's approved sick leave of the same section in the nämnd's earlier cycles (oldest
    // first, the last 8), drawn beside this period as a trend chart.
    const earlier: Array<{ unit_id: string; report_kind: ReportKind; period_end: string; year: number; content: SickLeaveContent }> =
      await manager.query(
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
    const sickLeaveHistory: Record<string, Array<{ period: string; values: SickLeaveContent['values'] }>> = {};
    for (const row of earlier) {
      const list = (sickLeaveHistory[row.unit_id] ??= []);
      list.push({ period: `${periodLabel(row.report_kind, row.period_end)} ${row.year}`, values: row.content.values });
      if (list.length > 8) list.shift();
    }
    // Organisation order: by the path of sort orders and names from the root, as the overview sorts.
    const byId = new Map(units.map((u) => [u.id, u]));
    const orderKey = (id: string): string => {
      const parts: string[] = [];
      for (let u = byId.get(id); u; u = u.parent_id ? byId.get(u.parent_id) : undefined) {
        parts.unshift(`${String(u.sort_order).padStart(6, '0')}${u.name}`);
      }
      return parts.join('/');
    };
    const ordered = [...units].sort((a, b) => SWEDISH.compare(orderKey(a.id), orderKey(b.id)));
    const period = `${periodLabel(cycle.report_kind, cycle.period_end)} ${cycle.year}`;
    const input: AssemblyInput = {
      cycle: {
        committee: cycle.committee,
        municipality: cycle.municipality,
        title: cycle.title,
        year: cycle.year,
        periodEnd: cycle.period_end,
        periodLabel: period,
        diaryNumber: cycle.diary_number || null,
        dates: [{ label: 'Sammanträde', date: cycle.meeting_date }],
      },
      sections: sections.map((s) => ({ id: s.id, number: s.number, depth: s.depth, title: s.title, kind: s.kind, config: s.config })),
      units: ordered.map((u) => ({ id: u.id, name: u.name })),
      tasks: tasks.map((t) => ({ sectionId: t.section_id, unitId: t.unit_id, state: t.state, content: t.state === 'approved' ? t.content : null })),
      sickLeaveHistory,
    };
    return { cycle, input, sections, tasks, unitNames: new Map(units.map((u) => [u.id, u.name])) };
  }

  private async versions(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<VersionRow[]> {
    return manager.query(
      `SELECT v.number, v.checksum, v.reason, v.frozen_at, u.name AS frozen_by, v.model
         FROM report_version v LEFT JOIN app_user u ON u.id = v.frozen_by
        WHERE v.cycle_id = $1 ORDER BY v.number DESC`,
      [cycleId],
    );
  }

  async status(cycleId: string, grants: readonly RoleGrant[]): Promise<ReportStatusDto> {
    const loaded = await this.load(cycleId);
    const { cycle, input } = loaded;
    const { model, missing, warnings } = assembleReport(input);
    const versions = await this.versions(cycleId);
    const latest = versions[0];
    const changedSinceVersion = latest !== undefined && (missing.length > 0 || reportChecksum(model) !== latest.checksum);
    const allWarnings = [...warnings];
    if (changedSinceVersion && latest) {
      allWarnings.unshift(
        `Rapporten har ändrats sedan version ${latest.number} fastställdes. Version ${latest.number} är oförändrad; fastställ en ny version med en motivering.`,
      );
    }
    const taskStatus = (t: TaskRow): ReportTaskStatusDto => ({
      taskId: t.id,
      unitId: t.unit_id,
      unitName: t.unit_id ? (loaded.unitNames.get(t.unit_id) ?? null) : null,
      state: t.state,
      approved: t.state === 'approved',
      approvedBy: t.state === 'approved' ? t.approved_by : null,
      approvedAt: t.state === 'approved' && t.approved_at ? new Date(t.approved_at).toISOString() : null,
    });
    const unitIndex = new Map(input.units.map((u, i) => [u.id, i]));
    const position = (t: TaskRow) => (t.unit_id === null ? -1 : (unitIndex.get(t.unit_id) ?? 1e9));
    return {
      cycle: {
        id: cycle.id,
        title: cycle.title,
        committeeName: `${cycle.committee}, ${cycle.municipality}`,
        year: cycle.year,
        period: input.cycle.periodLabel,
        diaryNumber: cycle.diary_number,
      },
      sections: loaded.sections.map((s) => ({
        sectionId: s.id,
        number: s.number,
        depth: s.depth,
        title: s.title,
        kind: s.kind,
        tasks: loaded.tasks
          .filter((t) => t.section_id === s.id)
          .sort((a, b) => position(a) - position(b))
          .map(taskStatus),
      })),
      missing,
      warnings: allWarnings,
      ready: missing.length === 0,
      canFreeze: can(grants, 'report.freeze', { committeeId: cycle.committee_id, unitPath: [] }),
      versions: versions.map(versionDto),
      changedSinceVersion,
      tables: tableList(model),
    };
  }

  /** The draft as it stands (no version) or a frozen version's stored model, unchanged. */
  async document(cycleId: string, version: number | undefined): Promise<{ model: DocumentModel; cycle: CycleRow }> {
    if (version === undefined) {
      const loaded = await this.load(cycleId);
      return { model: assembleReport(loaded.input).model, cycle: loaded.cycle };
    }
    const [cycle]: CycleRow[] = await this.dataSource.query(
      `SELECT c.id, c.committee_id, m.name AS committee, m.municipality, c.title, c.year FROM report_cycle c JOIN committee m ON m.id = c.committee_id WHERE c.id = $1`,
      [cycleId],
    );
    if (!cycle) throw ReportErrors.notFound();
    const [row]: Array<{ model: DocumentModel }> = await this.dataSource.query('SELECT model FROM report_version WHERE cycle_id = $1 AND number = $2', [
      cycleId,
      version,
    ]);
    if (!row) throw ReportErrors.versionNotFound(version);
    return { model: row.model, cycle };
  }

  /**
   * A frozen version's PDF or Word file: printed once, kept in report_version_file, then served
   * as stored (the version cannot change, so neither can its file).
   */
  async versionFile(cycleId: string, version: number, format: 'pdf' | 'docx', render: () => Promise<Buffer>): Promise<Buffer> {
    const [row]: Array<{ id: string; content: Buffer | null }> = await this.dataSource.query(
      `SELECT v.id, f.content FROM report_version v LEFT JOIN report_version_file f ON f.version_id = v.id AND f.format = $3
        WHERE v.cycle_id = $1 AND v.number = $2`,
      [cycleId, version, format],
    );
    if (!row) throw ReportErrors.versionNotFound(version);
    if (row.content) return row.content;
    const content = await render();
    await this.dataSource.query(
      'INSERT INTO report_version_file (version_id, format, content) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [row.id, format, content],
    );
    return content;
  }

  /**
   * Fastställ: a new immutable version of the report, only when every section is approved; a
   * second version only when something changed since the latest, and with a reason. Audited.
   */
  async freeze(cycleId: string, reason: string | undefined, actor: ReportActor): Promise<ReportVersionDto> {
    const number = await this.dataSource.transaction(async (manager) => {
      // One freeze at a time per cycle: the next number and the comparison with the latest stay consistent.
      const locked: unknown[] = await manager.query('SELECT id FROM report_cycle WHERE id = $1 FOR UPDATE', [cycleId]);
      if (locked.length === 0) throw ReportErrors.notFound();
      const loaded = await this.load(cycleId, manager);
      const draft = assembleReport(loaded.input);
      if (draft.missing.length > 0) throw ReportErrors.notReady(draft.missing);
      const checksum = reportChecksum(draft.model);
      const [latest]: Array<{ number: number; checksum: string }> = await manager.query(
        'SELECT number, checksum FROM report_version WHERE cycle_id = $1 ORDER BY number DESC LIMIT 1',
        [cycleId],
      );
      const why = reason?.trim() || null;
      if (latest && latest.checksum === checksum) throw ReportErrors.alreadyFrozen(latest.number);
      if (latest && !why) throw ReportErrors.reasonRequired(latest.number);
      const next = (latest?.number ?? 0) + 1;
      const frozenAt = new Date();
      const final = assembleReport({ ...loaded.input, final: { version: next, frozenAt: frozenAt.toISOString(), checksum } }).model;
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO report_version (cycle_id, number, model, checksum, reason, frozen_by, frozen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [cycleId, next, JSON.stringify(final), checksum, why, actor.userId, frozenAt],
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'report.freeze',
        entityType: 'report_version',
        entityId: row.id,
        committeeId: loaded.cycle.committee_id,
        after: { cycleId, number: next, checksum, reason: why },
        ip: actor.ip,
      });
      return next;
    });
    const versions = await this.versions(cycleId);
    const created = versions.find((v) => v.number === number);
    if (!created) throw ReportErrors.versionNotFound(number);
    return versionDto(created);
  }
}

function versionDto(v: VersionRow): ReportVersionDto {
  return {
    number: v.number,
    checksum: v.checksum,
    reason: v.reason,
    frozenAt: new Date(v.frozen_at).toISOString(),
    frozenBy: v.frozen_by,
    tables: tableList(v.model),
  };
}

import { Injectable } from '@nestjs/common';
import type { AssemblyInput } from '@rapportflode/documents';
import { periodLabel, type SickLeaveContent, templateLayoutOf } from '@rapportflode/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type CycleHeader, CycleHeaders } from '../cycles/cycle-headers';
import { UnitTree } from '../organisation/unit-tree';
import { WorkflowService } from '../workflow/workflow.service';
import { ReportAppendicesRepository } from './report-appendices.repository';
import { type EarlierSickLeaveRow, type ReportSectionRow, type ReportTaskRow, ReportsRepository } from './reports.repository';

/** Everything assembly needs, and what the status page shows beside it. */
export interface LoadedReport {
  cycle: CycleHeader;
  input: AssemblyInput;
  sections: ReportSectionRow[];
  tasks: ReportTaskRow[];
  unitNames: Map<string, string>;
}

/** Each unit's earlier periods (oldest first, the last 8), drawn beside this period as a trend chart. */
function sickLeaveHistory(earlier: readonly EarlierSickLeaveRow[]): Record<string, Array<{ period: string; values: SickLeaveContent['values'] }>> {
  const history: Record<string, Array<{ period: string; values: SickLeaveContent['values'] }>> = {};
  for (const row of earlier) {
    const list = (history[row.unit_id] ??= []);
    list.push({ period: `${periodLabel(row.report_kind, row.period_end)} ${row.year}`, values: row.content.values });
    if (list.length > 8) list.shift();
  }
  return history;
}

/** Reads a cycle's approved content into the assembly's input (libs/documents/src/lib/assembly/). */
@Injectable()
export class ReportAssembly {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly cycles: CycleHeaders,
    private readonly workflow: WorkflowService,
    private readonly unitTree: UnitTree,
    private readonly appendices: ReportAppendicesRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Everything assembly needs, read in one go (inside the freezing transaction when given one). */
  async load(cycleId: string, manager?: EntityManager): Promise<LoadedReport> {
    const cycle = await this.cycles.get(manager, cycleId);
    const [sections, taskRows, units, earlier, layout, attachments] = await Promise.all([
      this.repository.sections(cycleId, manager),
      this.repository.tasks(cycleId, manager),
      this.unitTree.of(cycle.committeeId, manager),
      this.repository.earlierSickLeave(cycleId, manager),
      this.repository.layout(cycleId, manager),
      this.appendices.list(cycleId, manager),
    ]);
    const approvals = await this.workflow.latestSteps(
      manager ?? this.dataSource.manager,
      'task',
      taskRows.filter((t) => t.state === 'approved').map((t) => t.id),
      'approve',
    );
    const tasks: ReportTaskRow[] = taskRows.map((t) => ({
      ...t,
      approved_by: approvals.get(t.id)?.actorName ?? null,
      approved_at: approvals.get(t.id)?.at ?? null,
    }));
    const input: AssemblyInput = {
      cycle: {
        committee: cycle.committee,
        municipality: cycle.municipality,
        title: cycle.title,
        year: cycle.year,
        periodEnd: cycle.periodEnd,
        periodLabel: `${periodLabel(cycle.reportKind, cycle.periodEnd)} ${cycle.year}`,
        diaryNumber: cycle.diaryNumber || null,
        dates: [{ label: 'Sammanträde', date: cycle.meetingDate }],
      },
      sections: sections.map((s) => ({
        id: s.id,
        key: s.key,
        number: s.number,
        depth: s.depth,
        title: s.title,
        kind: s.kind,
        config: s.config,
        headingOnly: s.heading_only,
        placement: s.placement,
      })),
      layout: templateLayoutOf(layout),
      attachments: attachments.map((a) => ({ id: a.id, title: a.title, fileName: a.file_name, pages: a.pages, sha256: a.sha256 })),
      units: units.ordered().map((u) => ({ id: u.id, name: u.name })),
      tasks: tasks.map((t) => ({ sectionId: t.section_id, unitId: t.unit_id, state: t.state, content: t.state === 'approved' ? t.content : null })),
      sickLeaveHistory: sickLeaveHistory(earlier),
    };
    return { cycle, input, sections, tasks, unitNames: new Map(units.units.map((u) => [u.id, u.name])) };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportStatusDto, ReportTaskStatusDto, ReportVersionDto } from '@rapportflode/api-contract';
import { assembleReport, checksumText, DocumentModel, tableList } from '@rapportflode/documents';
import { can, type EconomicFigures, RoleGrant } from '@rapportflode/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { EconomyInputs } from '../tasks/economy-inputs';
import { ReportAppendicesRepository } from './report-appendices.repository';
import { ReportAssembly } from './report-assembly';
import { ReportErrors } from './report-errors';
import { type CycleHeader, CycleHeaders } from '../cycles/cycle-headers';
import { type ReportTaskRow, ReportsRepository, type VersionRow } from './reports.repository';

export { ReportErrors } from './report-errors';

export interface ReportActor {
  userId: string;
  grants: readonly RoleGrant[];
  ip: string | null;
}

/** SHA-256 (hex) of the model's canonical JSON without its status. */
export function reportChecksum(model: DocumentModel): string {
  return createHash('sha256').update(checksumText(model), 'utf8').digest('hex');
}

/** The ids of the uploaded bilagor a model names, in their order. */
function uploadedAppendixIds(model: DocumentModel): string[] {
  return model.appendices.flatMap((a) => (a.attachment ? [a.attachment.fileId] : []));
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReportsRepository,
    private readonly assembly: ReportAssembly,
    private readonly economy: EconomyInputs,
    private readonly cycles: CycleHeaders,
    private readonly audit: AuditService,
    private readonly appendices: ReportAppendicesRepository,
  ) {}

  /**
   * The PDFs of the uploaded bilagor a model names, by file id: what renderPdf appends after the
   * report. A frozen version's model names the bilagor it holds (report_version_appendix), whose
   * files are kept even when they leave the current list.
   */
  pdfAttachments(cycleId: string, model: DocumentModel): Promise<Map<string, Uint8Array>> {
    return this.appendices.contents(cycleId, uploadedAppendixIds(model));
  }

  /**
   * The latest frozen version's nämnd economy figures, as the freeze kept them; null when the
   * cycle has no version, or its latest holds none (no nämnd economy, or frozen before figures were kept).
   */
  /** The number of the cycle's latest frozen report version, null while none is frozen. */
  async frozenVersion(cycleId: string, manager?: EntityManager): Promise<number | null> {
    return (await this.repository.latestFigures(cycleId, manager))?.number ?? null;
  }

  async frozenFigures(cycleId: string, manager?: EntityManager): Promise<{ version: number; figures: EconomicFigures } | null> {
    const latest = await this.repository.latestFigures(cycleId, manager);
    return latest?.figures ? { version: latest.number, figures: latest.figures } : null;
  }

  async status(cycleId: string, grants: readonly RoleGrant[]): Promise<ReportStatusDto> {
    const loaded = await this.assembly.load(cycleId);
    const { cycle, input } = loaded;
    const { model, missing, warnings } = assembleReport(input);
    const versions = await this.repository.versions(cycleId);
    const latest = versions[0];
    const changedSinceVersion = latest !== undefined && (missing.length > 0 || reportChecksum(model) !== latest.checksum);
    const allWarnings = [...warnings];
    if (changedSinceVersion && latest) {
      allWarnings.unshift(
        `Rapporten har ändrats sedan version ${latest.number} fastställdes. Version ${latest.number} är oförändrad; fastställ en ny version med en motivering.`,
      );
    }
    const taskStatus = (t: ReportTaskRow): ReportTaskStatusDto => ({
      taskId: t.id,
      unitId: t.unit_id,
      unitName: t.unit_id ? (loaded.unitNames.get(t.unit_id) ?? null) : null,
      state: t.state,
      approved: t.state === 'approved',
      approvedBy: t.state === 'approved' ? t.approved_by : null,
      approvedAt: t.state === 'approved' && t.approved_at ? new Date(t.approved_at).toISOString() : null,
    });
    const unitIndex = new Map(input.units.map((u, i) => [u.id, i]));
    const position = (t: ReportTaskRow) => (t.unit_id === null ? -1 : (unitIndex.get(t.unit_id) ?? 1e9));
    return {
      cycle: {
        id: cycle.id,
        title: cycle.title,
        committeeName: `${cycle.committee}, ${cycle.municipality}`,
        year: cycle.year,
        period: input.cycle.periodLabel,
        diaryNumber: cycle.diaryNumber,
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
      canFreeze: can(grants, 'report.freeze', { committeeId: cycle.committeeId, unitPath: [] }),
      versions: versions.map(versionDto),
      changedSinceVersion,
      tables: tableList(model),
    };
  }

  /** The draft as it stands (no version) or a frozen version's stored model, unchanged. */
  async document(cycleId: string, version: number | undefined): Promise<{ model: DocumentModel; cycle: CycleHeader }> {
    if (version === undefined) {
      const loaded = await this.assembly.load(cycleId);
      return { model: assembleReport(loaded.input).model, cycle: loaded.cycle };
    }
    const cycle = await this.cycles.get(undefined, cycleId);
    const model = await this.repository.versionModel(cycleId, version);
    if (!model) throw ReportErrors.versionNotFound(version);
    return { model, cycle };
  }

  /**
   * A frozen version's PDF or Word file: printed once, kept in report_version_file, then served
   * as stored (the version cannot change, so neither can its file).
   */
  async versionFile(cycleId: string, version: number, format: 'pdf' | 'docx', render: () => Promise<Buffer>): Promise<Buffer> {
    const row = await this.repository.versionFile(cycleId, version, format);
    if (!row) throw ReportErrors.versionNotFound(version);
    if (row.content) return row.content;
    const content = await render();
    await this.repository.insertVersionFile(row.id, format, content);
    return content;
  }

  /**
   * Fastställ: a new immutable version of the report, only when every section is approved; a
   * second version only when something changed since the latest, and with a reason. The nämnd's
   * economy figures are kept beside the model (what the tjänsteskrivelse is checked against). Audited.
   */
  async freeze(cycleId: string, reason: string | undefined, actor: ReportActor): Promise<ReportVersionDto> {
    const number = await this.dataSource.transaction(async (manager) => {
      // One freeze at a time per cycle: the next number and the comparison with the latest stay consistent.
      if (!(await this.repository.lockCycle(cycleId, manager))) throw ReportErrors.notFound();
      const loaded = await this.assembly.load(cycleId, manager);
      const draft = assembleReport(loaded.input);
      if (draft.missing.length > 0) throw ReportErrors.notReady(draft.missing);
      const checksum = reportChecksum(draft.model);
      const latest = await this.repository.latestVersion(cycleId, manager);
      const why = reason?.trim() || null;
      if (latest && latest.checksum === checksum) throw ReportErrors.alreadyFrozen(latest.number);
      if (latest && !why) throw ReportErrors.reasonRequired(latest.number);
      const next = (latest?.number ?? 0) + 1;
      const frozenAt = new Date();
      const final = assembleReport({ ...loaded.input, final: { version: next, frozenAt: frozenAt.toISOString(), checksum } }).model;
      const figures = await this.economy.approvedFigures(cycleId, manager);
      const id = await this.repository.insertVersion(
        { cycleId, number: next, model: final, checksum, reason: why, figures, frozenBy: actor.userId, frozenAt },
        manager,
      );
      // The version holds exactly the uploaded bilagor its model names, as they are now.
      await this.appendices.recordVersion(manager, id, uploadedAppendixIds(final));
      const appendices = final.appendices.flatMap((a) => (a.attachment ? [a.title] : []));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'report.freeze',
        entityType: 'report_version',
        entityId: id,
        committeeId: loaded.cycle.committeeId,
        after: { cycleId, number: next, checksum, reason: why, appendices },
        ip: actor.ip,
      });
      return next;
    });
    const versions = await this.repository.versions(cycleId);
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

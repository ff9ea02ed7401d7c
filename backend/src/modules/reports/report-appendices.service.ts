import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportAppendixDto, ReportAppendixListResponse, ReportVersionAppendicesDto, UpdateReportAppendixRequest } from '@rapportflode/api-contract';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { type AppendixRow, ReportAppendicesRepository, type VersionAppendixRow } from './report-appendices.repository';
import { ReportErrors } from './report-errors';
import { ReportsRepository } from './reports.repository';

export interface AppendixActor {
  userId: string;
  ip: string | null;
}

/** A bilaga already checked as a PDF (meetings/attachment-check.ts) and named. */
export interface UploadedAppendix {
  title: string;
  fileName: string;
  content: Buffer;
  pages: number;
  sha256: string;
}

export const APPENDIX_TITLE_MAX = 300;

const AppendixErrors = {
  notFound: () => new DomainError('appendix_not_found', 'Bilagan finns inte i rapporten.'),
  title: () => new DomainError('appendix_title_invalid', `Ge bilagan en rubrik på högst ${APPENDIX_TITLE_MAX} tecken.`),
  position: (count: number) =>
    new DomainError('appendix_position_invalid', `Ange bilagans plats som ett heltal från 1 till ${count}.`),
};

function dto(row: AppendixRow, index: number): ReportAppendixDto {
  return {
    id: row.id,
    position: index + 1,
    title: row.title,
    fileName: row.file_name,
    pages: row.pages,
    size: row.size,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  };
}

/** The frozen versions' bilagor, oldest version first, each in its order at the freeze. */
function versionsDto(rows: readonly VersionAppendixRow[]): ReportVersionAppendicesDto[] {
  const byVersion = new Map<number, VersionAppendixRow[]>();
  for (const row of rows) byVersion.set(row.version, [...(byVersion.get(row.version) ?? []), row]);
  return [...byVersion.entries()].map(([version, list]) => ({ version, appendices: list.map(dto) }));
}

/**
 * The PDF bilagor of a cycle's report: uploaded, renamed, ordered and removed by whoever may
 * freeze the report. The current list goes into the next frozen version; each version keeps the
 * bilagor it was frozen with (report_version_appendix, recorded in reports.service.ts freeze), so a
 * bilaga a version holds is only taken off the list, its file kept. Every change audited.
 */
@Injectable()
export class ReportAppendicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appendices: ReportAppendicesRepository,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(cycleId: string): Promise<ReportAppendixListResponse> {
    const [rows, latest, held] = await Promise.all([
      this.appendices.list(cycleId),
      this.reports.latestVersion(cycleId, this.dataSource.manager),
      this.appendices.versionAppendices(cycleId),
    ]);
    const versions = versionsDto(held);
    const numbers = new Set(versions.map((v) => v.version));
    // Every frozen version is listed, also one that holds no uploaded bilaga.
    for (let number = 1; number <= (latest?.number ?? 0); number++) if (!numbers.has(number)) versions.push({ version: number, appendices: [] });
    versions.sort((a, b) => a.version - b.version);
    return { appendices: rows.map(dto), nextVersion: (latest?.number ?? 0) + 1, versions };
  }

  async upload(cycleId: string, file: UploadedAppendix, actor: AppendixActor): Promise<ReportAppendixListResponse> {
    const title = file.title.trim().slice(0, APPENDIX_TITLE_MAX);
    await this.change(cycleId, actor, 'report.appendix_add', async (manager) => {
      const id = await this.appendices.insert(manager, { cycleId, title, fileName: file.fileName, content: file.content, pages: file.pages, sha256: file.sha256, uploadedBy: actor.userId });
      return { id, after: { cycleId, title, fileName: file.fileName, pages: file.pages, sha256: file.sha256 } };
    });
    return this.list(cycleId);
  }

  async update(cycleId: string, appendixId: string, body: UpdateReportAppendixRequest, actor: AppendixActor): Promise<ReportAppendixListResponse> {
    await this.change(cycleId, actor, 'report.appendix_update', async (manager) => {
      const rows = await this.appendices.list(cycleId, manager);
      const index = rows.findIndex((row) => row.id === appendixId);
      if (index < 0) throw AppendixErrors.notFound();
      const row = rows[index];
      const after: Record<string, unknown> = { cycleId };
      if (body.title !== undefined) {
        const title = body.title.trim();
        if (!title || title.length > APPENDIX_TITLE_MAX) throw AppendixErrors.title();
        await this.appendices.rename(manager, appendixId, title);
        after['title'] = title;
      }
      if (body.position !== undefined) {
        if (!Number.isInteger(body.position) || body.position < 1 || body.position > rows.length) throw AppendixErrors.position(rows.length);
        const order = rows.map((r) => r.id).filter((id) => id !== appendixId);
        order.splice(body.position - 1, 0, appendixId);
        await this.appendices.reorder(manager, cycleId, order);
        after['position'] = body.position;
      }
      return { id: appendixId, before: { title: row.title, position: index + 1 }, after };
    });
    return this.list(cycleId);
  }

  async remove(cycleId: string, appendixId: string, actor: AppendixActor): Promise<ReportAppendixListResponse> {
    await this.change(cycleId, actor, 'report.appendix_remove', async (manager) => {
      const rows = await this.appendices.list(cycleId, manager);
      const row = rows.find((r) => r.id === appendixId);
      if (!row) throw AppendixErrors.notFound();
      // A file a frozen version holds stays for that version: it only leaves the current list.
      const keptFor = await this.appendices.heldBy(manager, appendixId);
      if (keptFor.length > 0) await this.appendices.markRemoved(manager, appendixId);
      else await this.appendices.delete(manager, appendixId);
      await this.appendices.reorder(manager, cycleId, rows.filter((r) => r.id !== appendixId).map((r) => r.id));
      return {
        id: appendixId,
        before: { cycleId, title: row.title, fileName: row.file_name },
        after: { cycleId, ...(keptFor.length > 0 ? { keptForVersions: keptFor } : {}) },
      };
    });
    return this.list(cycleId);
  }

  /** A bilaga as uploaded: of the current list or held by a frozen version. */
  async file(cycleId: string, appendixId: string): Promise<{ fileName: string; content: Buffer }> {
    const row = await this.appendices.file(cycleId, appendixId);
    if (!row) throw AppendixErrors.notFound();
    return { fileName: row.file_name, content: row.content };
  }

  /** One change in one transaction with its audit event, the cycle locked (a freeze waits for it, and it for a freeze). */
  private async change(
    cycleId: string,
    actor: AppendixActor,
    action: string,
    work: (manager: EntityManager) => Promise<{ id: string; before?: Record<string, unknown>; after: Record<string, unknown> }>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.reports.lockCycle(cycleId, manager))) throw ReportErrors.notFound();
      const done = await work(manager);
      const committeeId = await this.reports.committeeOf(cycleId, manager);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action,
        entityType: 'cycle',
        entityId: cycleId,
        committeeId,
        ...(done.before ? { before: done.before } : {}),
        after: { ...done.after, appendixId: done.id },
        ip: actor.ip,
      });
    });
  }
}

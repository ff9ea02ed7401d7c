import { Injectable } from '@nestjs/common';
import type { EconomyImportListResponse, EconomyImportPreviewDto, EconomyImportRecordDto, EconomyImportResultDto } from '@rapportflode/api-contract';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { TaskWorkflowService } from '../tasks/task-workflow.service';
import { EconomyImportErrors } from './economy-import.errors';
import { UnitTree } from '../organisation/unit-tree';
import { EconomyImportRepository, SectionRow } from './economy-import.repository';
import { readImportFile, ReadFile, UploadedImportFile } from './import-file';
import { ImportRequest, Plan, planImport, TargetTask } from './import-plan';
import { ParseGate } from './parse-gate';

export { EconomyImportErrors } from './economy-import.errors';
export { ImportBusyException, type UploadedImportFile } from './import-file';
export type { ImportRequest } from './import-plan';

export interface ImportActor {
  userId: string;
  ip: string | null;
}

const COMMITTEE_LEVEL = 'Nämndnivå';

/**
 * Imports an economy section's figures from a finance-system export: a preview that stores
 * nothing (import-plan.ts works it out), then all or nothing in one transaction: every unit's
 * table saved as an editor's save is (TaskWorkflowService.saveMany: the workflow's start or
 * resume where a task had not started or was returned or reopened), the import record, the
 * audit trail and the column mapping for the template section. The rules about figures are
 * libs/domain's.
 */
@Injectable()
export class EconomyImportService {
  /** Bounds how many files this process unpacks and parses at once (see IMPORT_PARSE_LIMITS). */
  readonly parseGate = new ParseGate();

  constructor(
    private readonly repository: EconomyImportRepository,
    private readonly tasks: TaskWorkflowService,
    private readonly audit: AuditService,
    private readonly unitTree: UnitTree,
  ) {}

  async preview(cycleId: string, sectionId: string, file: UploadedImportFile, request: ImportRequest): Promise<EconomyImportPreviewDto> {
    const read = await readImportFile(file, this.parseGate);
    const plan = await this.plan(this.repository.manager, cycleId, sectionId, file, read, request, false, null);
    return plan.preview;
  }

  async commit(cycleId: string, sectionId: string, file: UploadedImportFile, request: ImportRequest, actor: ImportActor): Promise<EconomyImportResultDto> {
    const importId = randomUUID();
    // Read before the transaction, so a file waiting for the gate holds no connection or locks.
    const read = await readImportFile(file, this.parseGate);
    return this.repository.manager.transaction(async (manager) => {
      const plan = await this.plan(manager, cycleId, sectionId, file, read, request, true, importId);
      // Problems in the file first (all of them, locked units included); a clean file for a locked unit is a conflict.
      if (!plan.result || plan.preview.issues.length > plan.locked.length) throw EconomyImportErrors.invalid(plan.preview.issues);
      if (plan.locked.length > 0) throw EconomyImportErrors.locked(plan.locked);
      const { section, preview, result } = plan;

      // Every unit's table as a save of it: a task that had not started (or was returned or reopened) becomes a draft.
      const targets = result.units.map((unit) => ({ task: plan.tasks.get(unit.unitId) as TargetTask, content: unit.content }));
      const saved = await this.tasks.saveMany(
        manager,
        targets.map(({ task, content }) => ({ id: task.id, state: task.state, version: task.version, committeeId: section.committee_id, content })),
        actor,
        `Import från ekonomisystemet: ${file.name}`,
      );
      const versions = new Map(saved.map((row) => [row.id, row.version]));
      const units = targets.map(({ task }) => ({ unitId: task.unit_id, unitName: task.name, taskId: task.id, version: versions.get(task.id) ?? task.version + 1 }));
      await this.repository.insert(manager, {
        id: importId,
        cycleId: section.cycle_id,
        sectionId: section.id,
        fileName: file.name.slice(0, 255),
        sha256: preview.sha256,
        byteSize: file.bytes.length,
        format: preview.format,
        importedBy: actor.userId,
        mapping: preview.mapping,
        rowCount: result.rowCount,
        unitCount: result.units.length,
        units,
        disagreements: result.disagreements,
      });
      if (section.template_id) await this.repository.saveMapping(manager, section.template_id, section.key, preview.mapping, actor.userId);
      const entry: AuditEntry = {
        actorUserId: actor.userId,
        action: 'economy.import',
        entityType: 'economy_import',
        entityId: importId,
        committeeId: section.committee_id,
        after: {
          cycleId: section.cycle_id,
          sectionId: section.id,
          fileName: file.name,
          sha256: preview.sha256,
          byteSize: file.bytes.length,
          rows: result.rowCount,
          units: units.map((u) => ({ taskId: u.taskId, unitName: u.unitName, version: u.version })),
          disagreements: result.disagreements.length,
        },
        ip: actor.ip,
      };
      await this.audit.record(manager, entry);

      const [record] = await this.records(manager, section.id, importId);
      const states = new Map(saved.map((row) => [row.id, row.state]));
      return {
        import: record,
        units: preview.units.map((unit) => ({ ...unit, state: states.get(unit.taskId) ?? unit.state, editable: true })),
      };
    });
  }

  async list(cycleId: string, sectionId: string): Promise<EconomyImportListResponse> {
    const section = await this.section(this.repository.manager, cycleId, sectionId);
    return {
      section: { id: section.id, number: section.number, title: section.title, cycleId: section.cycle_id, cycleTitle: section.cycle_title, committeeId: section.committee_id },
      imports: await this.records(this.repository.manager, section.id, null),
    };
  }

  private async records(manager: EntityManager, sectionId: string, importId: string | null): Promise<EconomyImportRecordDto[]> {
    const rows = await this.repository.records(manager, sectionId, importId);
    return rows.map((row) => ({
      id: row.id,
      cycleId: row.cycle_id,
      sectionId: row.section_id,
      fileName: row.file_name,
      sha256: row.sha256,
      byteSize: row.byte_size,
      format: row.format,
      importedBy: row.imported_by ? { id: row.imported_by, name: row.imported_by_name ?? 'Okänd' } : null,
      importedAt: row.imported_at.toISOString(),
      rowCount: row.row_count,
      unitCount: row.unit_count,
      units: row.units,
      mapping: row.mapping,
      disagreements: row.disagreements,
    }));
  }

  private async section(manager: EntityManager, cycleId: string, sectionId: string): Promise<SectionRow> {
    const section = await this.repository.section(manager, cycleId, sectionId);
    if (!section) throw EconomyImportErrors.sectionNotFound();
    if (section.kind !== 'economy') throw EconomyImportErrors.notEconomy();
    return section;
  }

  /** The tasks of the section with their unit's name, path from the top and code (locked FOR UPDATE when committing). */
  private async targets(manager: EntityManager, section: SectionRow, lock: boolean): Promise<TargetTask[]> {
    const tasks = await this.repository.tasks(manager, section.id, lock);
    const units = await this.unitTree.of(section.committee_id, manager);
    return tasks
      .map((task) => {
        const unit = task.unit_id ? units.get(task.unit_id) : undefined;
        return {
          ...task,
          name: unit?.name ?? COMMITTEE_LEVEL,
          path: task.unit_id ? units.pathNames(task.unit_id) : [COMMITTEE_LEVEL],
          code: unit?.code ?? null,
        };
      })
      .sort((a, b) => a.path.join(' / ').localeCompare(b.path.join(' / '), 'sv-SE'));
  }

  private async plan(
    manager: EntityManager,
    cycleId: string,
    sectionId: string,
    file: UploadedImportFile,
    read: ReadFile,
    request: ImportRequest,
    lock: boolean,
    importId: string | null,
  ): Promise<Plan> {
    const section = await this.section(manager, cycleId, sectionId);
    const tasks = await this.targets(manager, section, lock);
    const asksMapping = request.mapping !== undefined && request.mapping !== '';
    const saved = !asksMapping && section.template_id ? await this.repository.savedMapping(manager, section.template_id, section.key) : null;
    return planImport({ section, tasks, saved, file, read, request, importId });
  }
}

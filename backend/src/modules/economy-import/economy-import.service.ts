import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  EconomyImportListResponse,
  EconomyImportPreviewDto,
  EconomyImportRecordDto,
  EconomyImportResultDto,
  EconomyImportUnitDto,
} from '@rapportflode/api-contract';
import {
  checkTransition,
  columnLabel,
  economyConfigOf,
  economyGridFromCsv,
  CsvEncoding,
  EconomyContent,
  EconomyImportIssue,
  EconomyImportMapping,
  EconomyImportResult,
  EconomyTableConfig,
  ImportGrid,
  importEconomy,
  importIssueText,
  ImportUnit,
  inputColumns,
  isEditable,
  readEconomyImportMapping,
  SectionConfig,
  suggestEconomyMapping,
  TASK_STATE_LABELS,
  TaskContent,
  TaskState,
  Transition,
} from '@rapportflode/domain';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { changedRows } from '../../database/query';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { IMPORT_PARSE_LIMITS, ParseGate, ParseGateBusy } from './parse-gate';
import { readXlsxGrid } from './xlsx-grid';

export interface ImportActor {
  userId: string;
  ip: string | null;
}

export interface UploadedImportFile {
  name: string;
  bytes: Buffer;
}

export interface ImportRequest {
  /** JSON of an EconomyImportMapping, as the mapping step sends it. */
  mapping?: string;
  /** The unit a file without a unit column belongs to. */
  unitId?: string;
}

interface SectionRow {
  id: string;
  cycle_id: string;
  key: string;
  number: string;
  title: string;
  kind: string;
  config: SectionConfig | null;
  template_id: string | null;
  committee_id: string;
  cycle_title: string;
}

interface TargetTask {
  id: string;
  unit_id: string | null;
  state: TaskState;
  version: number;
  content: TaskContent;
  name: string;
  path: string[];
  code: string | null;
}

/** The file as read: its format, the CSV's encoding, and the grid or the reason it has none. */
interface ReadFile {
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  read: { ok: true; grid: ImportGrid } | { ok: false; issue: EconomyImportIssue };
}

const ENCODING_LABELS: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** 503 while the process already reads as many files as it may; the controller adds Retry-After. */
export class ImportBusyException extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'import_busy',
      `Just nu läses många importfiler samtidigt. Försök igen om ${retryAfterSeconds} sekunder. Inget har sparats.`,
    );
  }
}

/** Everything an import would do, worked out without storing anything. */
interface Plan {
  section: SectionRow;
  config: EconomyTableConfig;
  preview: EconomyImportPreviewDto;
  result: EconomyImportResult | null;
  grid: ImportGrid | null;
  tasks: Map<string, TargetTask>;
  /** Units with rows in the file whose section is submitted or approved. */
  locked: TargetTask[];
}

const COMMITTEE_LEVEL = 'Nämndnivå';

export const EconomyImportErrors = {
  sectionNotFound: () => new DomainError( 'section_not_found', 'Avsnittet finns inte i den här rapportcykeln.'),
  notEconomy: () => new DomainError( 'section_not_economy', 'Bara ekonomiavsnitt kan importeras från ekonomisystemet.'),
  fileMissing: () => new DomainError( 'import_file_missing', 'Välj en fil att importera (CSV eller Excel .xlsx).'),
  fileEmpty: () => new DomainError( 'import_empty', 'Filen är tom.'),
  oldExcel: () =>
    new DomainError( 'import_format', 'Filen är i det gamla Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller CSV och försök igen.'),
  mapping: (message: string) => new DomainError( 'import_mapping_invalid', message),
  unitInvalid: () => new DomainError( 'import_unit_invalid', 'Den valda enheten lämnar inte det här avsnittet.'),
  invalid: (issues: EconomyImportIssue[]) =>
    new DomainError(
      'economy_import_invalid',
      `Filen kan inte importeras: ${issues.length === 1 ? 'ett fel' : `${issues.length} fel`}. Inget har sparats.`,
      issues.map(importIssueText),
      { issues },
    ),
  locked: (tasks: TargetTask[]) =>
    new DomainError(
      'economy_import_locked',
      `Avsnittet är inlämnat eller godkänt för ${tasks.map((t) => t.name).join(', ')} och kan inte ändras av en import. Be granskaren öppna det igen eller ta bort enhetens rader ur filen. Inget har importerats.`,
      tasks.map((t) => `${t.name}: ${TASK_STATE_LABELS[t.state]}`),
      { units: tasks.map((t) => ({ unitId: t.unit_id, unitName: t.name, state: t.state })) },
    ),
};

/**
 * Imports an economy section's figures from a finance-system export: a preview that stores
 * nothing, then all or nothing in one transaction (every unit's table, the workflow's first
 * transition where a task had not started, the import record, the audit trail and the column
 * mapping for the template section). The rules about figures are libs/domain's.
 */
@Injectable()
export class EconomyImportService {
  /** Bounds how many files this process unpacks and parses at once (see IMPORT_PARSE_LIMITS). */
  readonly parseGate = new ParseGate();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async preview(cycleId: string, sectionId: string, file: UploadedImportFile, request: ImportRequest): Promise<EconomyImportPreviewDto> {
    const read = await this.readFile(file);
    const plan = await this.plan(this.dataSource.manager, cycleId, sectionId, file, read, request, false, null);
    return plan.preview;
  }

  async commit(cycleId: string, sectionId: string, file: UploadedImportFile, request: ImportRequest, actor: ImportActor): Promise<EconomyImportResultDto> {
    const importId = randomUUID();
    // Read before the transaction, so a file waiting for the gate holds no connection or locks.
    const read = await this.readFile(file);
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plan(manager, cycleId, sectionId, file, read, request, true, importId);
      // Problems in the file first (all of them, locked units included); a clean file for a locked unit is a conflict.
      if (!plan.result || plan.preview.issues.length > plan.locked.length) throw EconomyImportErrors.invalid(plan.preview.issues);
      if (plan.locked.length > 0) throw EconomyImportErrors.locked(plan.locked);
      const { section, preview, result } = plan;

      // Every unit's table in one statement; a task that had not started (or was returned or reopened) becomes a draft.
      const writes = result.units.map((unit) => ({ id: (plan.tasks.get(unit.unitId) as TargetTask).id, content: unit.content }));
      const updated = await changedRows<{ id: string; version: number; state: TaskState }>(
        manager,
        `UPDATE task t
            SET content = v.content, version = t.version + 1, updated_by = $2, updated_at = now(),
                state = CASE WHEN t.state IN ('not_started', 'returned', 'reopened') THEN 'draft' ELSE t.state END,
                state_changed_at = CASE WHEN t.state IN ('not_started', 'returned', 'reopened') THEN now() ELSE t.state_changed_at END
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, content jsonb)
          WHERE t.id = v.id
        RETURNING t.id, t.version, t.state`,
        [JSON.stringify(writes), actor.userId],
      );
      const versions = new Map(updated.map((row) => [row.id, row.version]));

      // The workflow history, as the editor's first save records it.
      const transitions: Array<{ task: TargetTask; transition: Transition; to: TaskState }> = [];
      for (const unit of result.units) {
        const task = plan.tasks.get(unit.unitId) as TargetTask;
        const transition: Transition | null = task.state === 'not_started' ? 'start' : task.state === 'returned' || task.state === 'reopened' ? 'resume' : null;
        if (!transition) continue;
        const check = checkTransition(task.state, transition, { allowed: true });
        if (check.ok) transitions.push({ task, transition, to: check.to });
      }
      const text = `Import från ekonomisystemet: ${file.name}`;
      if (transitions.length) {
        await manager.query(
          `INSERT INTO task_transition (task_id, transition, from_state, to_state, actor_id, text)
           SELECT task_id, transition, from_state, to_state, $2, $3 FROM jsonb_to_recordset($1::jsonb)
             AS v(task_id uuid, transition varchar, from_state varchar, to_state varchar)`,
          [JSON.stringify(transitions.map((t) => ({ task_id: t.task.id, transition: t.transition, from_state: t.task.state, to_state: t.to }))), actor.userId, text],
        );
      }
      const sha256 = preview.sha256;
      const units = result.units.map((unit) => {
        const task = plan.tasks.get(unit.unitId) as TargetTask;
        return { unitId: task.unit_id, unitName: task.name, taskId: task.id, version: versions.get(task.id) ?? task.version + 1 };
      });
      await manager.query(
        `INSERT INTO economy_import (id, cycle_id, section_id, file_name, sha256, byte_size, format, imported_by, mapping, row_count, unit_count, units, disagreements)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          importId,
          section.cycle_id,
          section.id,
          file.name.slice(0, 255),
          sha256,
          file.bytes.length,
          preview.format,
          actor.userId,
          JSON.stringify(preview.mapping),
          result.rowCount,
          result.units.length,
          JSON.stringify(units),
          JSON.stringify(result.disagreements),
        ],
      );
      if (section.template_id) {
        await manager.query(
          `INSERT INTO economy_import_mapping (template_id, section_key, mapping, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (template_id, section_key) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [section.template_id, section.key, JSON.stringify(preview.mapping), actor.userId],
        );
      }
      const audits: AuditEntry[] = transitions.map((t) => ({
        actorUserId: actor.userId,
        action: `task.${t.transition}`,
        entityType: 'task',
        entityId: t.task.id,
        committeeId: section.committee_id,
        before: { state: t.task.state, version: t.task.version },
        after: { state: t.to, text },
        ip: actor.ip,
      }));
      audits.push({
        actorUserId: actor.userId,
        action: 'economy.import',
        entityType: 'economy_import',
        entityId: importId,
        committeeId: section.committee_id,
        after: {
          cycleId: section.cycle_id,
          sectionId: section.id,
          fileName: file.name,
          sha256,
          byteSize: file.bytes.length,
          rows: result.rowCount,
          units: units.map((u) => ({ taskId: u.taskId, unitName: u.unitName, version: u.version })),
          disagreements: result.disagreements.length,
        },
        ip: actor.ip,
      });
      await this.audit.recordMany(manager, audits);

      const [record] = await this.records(manager, section.id, importId);
      const states = new Map(updated.map((row) => [row.id, row.state]));
      return {
        import: record,
        units: preview.units.map((unit) => ({ ...unit, state: states.get(unit.taskId) ?? unit.state, editable: true })),
      };
    });
  }

  async list(cycleId: string, sectionId: string): Promise<EconomyImportListResponse> {
    const section = await this.section(this.dataSource.manager, cycleId, sectionId);
    return {
      section: { id: section.id, number: section.number, title: section.title, cycleId: section.cycle_id, cycleTitle: section.cycle_title, committeeId: section.committee_id },
      imports: await this.records(this.dataSource.manager, section.id, null),
    };
  }

  private async records(manager: EntityManager, sectionId: string, importId: string | null): Promise<EconomyImportRecordDto[]> {
    const rows: Array<{
      id: string;
      cycle_id: string;
      section_id: string;
      file_name: string;
      sha256: string;
      byte_size: number;
      format: 'csv' | 'xlsx';
      imported_by: string | null;
      imported_by_name: string | null;
      imported_at: Date;
      row_count: number;
      unit_count: number;
      units: EconomyImportRecordDto['units'];
      mapping: EconomyImportMapping;
      disagreements: EconomyImportRecordDto['disagreements'];
    }> = await manager.query(
      `SELECT i.id, i.cycle_id, i.section_id, i.file_name, i.sha256, i.byte_size, i.format, i.imported_by, u.name AS imported_by_name,
              i.imported_at, i.row_count, i.unit_count, i.units, i.mapping, i.disagreements
         FROM economy_import i LEFT JOIN app_user u ON u.id = i.imported_by
        WHERE i.section_id = $1 AND ($2::uuid IS NULL OR i.id = $2)
        ORDER BY i.imported_at DESC, i.id
        LIMIT 200`,
      [sectionId, importId],
    );
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
    const [section]: SectionRow[] = await manager.query(
      `SELECT s.id, s.cycle_id, s.key, s.number, s.title, s.kind, s.config, c.template_id, c.committee_id, c.title AS cycle_title
         FROM cycle_section s JOIN report_cycle c ON c.id = s.cycle_id
        WHERE s.id = $1 AND s.cycle_id = $2`,
      [sectionId, cycleId],
    );
    if (!section) throw EconomyImportErrors.sectionNotFound();
    if (section.kind !== 'economy') throw EconomyImportErrors.notEconomy();
    return section;
  }

  /** The tasks of the section with their unit's name, path from the top and code (locked FOR UPDATE when committing). */
  private async targets(manager: EntityManager, section: SectionRow, lock: boolean): Promise<TargetTask[]> {
    const tasks: Array<Omit<TargetTask, 'name' | 'path' | 'code'>> = await manager.query(
      `SELECT id, unit_id, state, version, content FROM task WHERE section_id = $1 ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
      [section.id],
    );
    const units: Array<{ id: string; parent_id: string | null; name: string; code: string | null }> = await manager.query(
      'SELECT id, parent_id, name, code FROM organisation_unit WHERE committee_id = $1',
      [section.committee_id],
    );
    const byId = new Map(units.map((u) => [u.id, u]));
    const pathOf = (id: string): string[] => {
      const path: string[] = [];
      for (let at = byId.get(id); at && path.length < 50; at = at.parent_id ? byId.get(at.parent_id) : undefined) path.unshift(at.name);
      return path;
    };
    return tasks
      .map((task) => {
        const unit = task.unit_id ? byId.get(task.unit_id) : undefined;
        return {
          ...task,
          name: unit?.name ?? COMMITTEE_LEVEL,
          path: task.unit_id ? pathOf(task.unit_id) : [COMMITTEE_LEVEL],
          code: unit?.code ?? null,
        };
      })
      .sort((a, b) => a.path.join(' / ').localeCompare(b.path.join(' / '), 'sv-SE'));
  }

  /**
   * Sniffs and parses the upload, at most IMPORT_PARSE_LIMITS.concurrency at once: an XLSX only
   * after its zip has passed XLSX_LIMITS (413/400 otherwise), a CSV in UTF-8, UTF-16 (by its
   * BOM) or Windows-1252.
   */
  private async readFile(file: UploadedImportFile): Promise<ReadFile> {
    if (file.bytes.length === 0) throw EconomyImportErrors.fileEmpty();
    const isZip = file.bytes.length >= 4 && file.bytes[0] === 0x50 && file.bytes[1] === 0x4b && file.bytes[2] === 0x03 && file.bytes[3] === 0x04;
    const isOldExcel = file.bytes.length >= 8 && file.bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    if (isOldExcel) throw EconomyImportErrors.oldExcel();
    const format: 'csv' | 'xlsx' = isZip || /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv';
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    try {
      return await this.parseGate.run(async () => {
        if (format === 'xlsx') return { sha256, format, encoding: null, read: await readXlsxGrid(file.bytes) };
        const csv = economyGridFromCsv(new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length));
        return { sha256, format, encoding: csv.ok ? ENCODING_LABELS[csv.encoding] : null, read: csv };
      });
    } catch (error) {
      if (error instanceof ParseGateBusy) throw new ImportBusyException(IMPORT_PARSE_LIMITS.retryAfterSeconds);
      throw error;
    }
  }

  private async plan(
    manager: EntityManager,
    cycleId: string,
    sectionId: string,
    file: UploadedImportFile,
    { sha256, format, encoding, read }: ReadFile,
    request: ImportRequest,
    lock: boolean,
    importId: string | null,
  ): Promise<Plan> {
    const section = await this.section(manager, cycleId, sectionId);
    const config = economyConfigOf(section.config);
    const taskList = await this.targets(manager, section, lock);
    const unitKey = (task: TargetTask) => task.unit_id ?? `committee:${task.id}`;
    const tasks = new Map(taskList.map((task) => [unitKey(task), task]));
    let defaultUnitId: string | null = null;
    if (request.unitId) {
      const chosen = taskList.find((t) => t.unit_id === request.unitId || t.id === request.unitId);
      if (!chosen) throw EconomyImportErrors.unitInvalid();
      defaultUnitId = unitKey(chosen);
    }

    const grid = read.ok ? read.grid : null;

    let mapping: EconomyImportMapping;
    let mappingSource: EconomyImportPreviewDto['mappingSource'];
    if (request.mapping !== undefined && request.mapping !== '') {
      let raw: unknown;
      try {
        raw = JSON.parse(request.mapping);
      } catch {
        throw EconomyImportErrors.mapping('Kolumnkopplingen är inte giltig JSON.');
      }
      const checked = readEconomyImportMapping(raw, config);
      if (!checked.ok) throw EconomyImportErrors.mapping(checked.message);
      mapping = checked.mapping;
      mappingSource = 'request';
    } else {
      const saved = await this.savedMapping(manager, section);
      const headers = grid?.headers ?? [];
      mapping = suggestEconomyMapping(headers, config, saved);
      const savedHeaders = saved
        ? [saved.labelColumn, saved.unitColumn, saved.parentColumn, saved.keyColumn, saved.commentColumn, ...Object.values(saved.columns ?? {})].filter(
            (h): h is string => typeof h === 'string' && h !== '',
          )
        : [];
      mappingSource = saved && savedHeaders.every((h) => headers.includes(h)) ? 'saved' : 'suggested';
    }

    const importUnits: ImportUnit[] = taskList.map((task) => ({ id: unitKey(task), name: task.name, path: task.path, code: task.code }));
    const result = grid
      ? importEconomy(grid, mapping, {
          config,
          units: importUnits,
          defaultUnitId,
          ...(importId ? { importId } : {}),
          previous: (id) => {
            const content = tasks.get(id)?.content;
            return content && content.type === 'economy' ? (content as EconomyContent) : null;
          },
        })
      : null;
    const issues = read.ok ? [...(result?.issues ?? [])] : [read.issue];
    if (grid && result && issues.length === 0 && result.units.length === 0) {
      issues.push({ line: grid.headerLine, column: null, message: 'Filen har inga rader att importera under rubrikraden.' });
    }
    const units: EconomyImportUnitDto[] = (result?.units ?? []).map((unit) => {
      const task = tasks.get(unit.unitId) as TargetTask;
      return { unitId: task.unit_id, unitName: task.name, taskId: task.id, state: task.state, editable: isEditable(task.state), rows: unit.rows, total: unit.total };
    });
    const locked = (result?.units ?? []).map((unit) => tasks.get(unit.unitId) as TargetTask).filter((task) => !isEditable(task.state));
    for (const task of locked) {
      const unit = result?.units.find((u) => u.unitId === unitKey(task));
      issues.push({
        line: unit?.firstLine ?? 1,
        column: mapping.unitColumn,
        message: `Avsnittet för ${task.name} har status ${TASK_STATE_LABELS[task.state]} och kan inte ändras av en import. Be granskaren öppna det igen, eller ta bort enhetens rader ur filen.`,
      });
    }
    issues.sort((a, b) => a.line - b.line);
    const written = new Set(units.map((u) => u.taskId));
    const entered = inputColumns(config);
    return {
      section,
      config,
      grid,
      tasks,
      locked,
      result,
      preview: {
        fileName: file.name,
        sha256,
        byteSize: file.bytes.length,
        format,
        encoding,
        headers: grid?.headers ?? [],
        headerLine: grid?.headerLine ?? 1,
        mapping,
        mappingSource,
        columns: config.columns.map((column) => ({ column, label: columnLabel(config, column), computed: !entered.includes(column) })),
        moneyUnit: config.unit,
        sectionUnits: taskList.map((task) => ({ unitId: task.unit_id, unitName: task.name })),
        units,
        untouchedUnits: taskList.filter((task) => !written.has(task.id)).map((task) => task.name),
        issues,
        disagreements: result?.disagreements ?? [],
        rowCount: result?.rowCount ?? 0,
        canImport: issues.length === 0 && units.length > 0,
      },
    };
  }

  private async savedMapping(manager: EntityManager, section: SectionRow): Promise<Partial<EconomyImportMapping> | null> {
    if (!section.template_id) return null;
    const [row]: Array<{ mapping: Partial<EconomyImportMapping> }> = await manager.query(
      'SELECT mapping FROM economy_import_mapping WHERE template_id = $1 AND section_key = $2',
      [section.template_id, section.key],
    );
    return row?.mapping ?? null;
  }
}

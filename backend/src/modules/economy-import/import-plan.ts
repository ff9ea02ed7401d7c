import type { EconomyImportPreviewDto, EconomyImportUnitDto } from '@rapportflode/api-contract';
import {
  columnLabel,
  economyConfigOf,
  EconomyContent,
  EconomyImportMapping,
  EconomyImportResult,
  EconomyTableConfig,
  ImportGrid,
  importEconomy,
  ImportUnit,
  inputColumns,
  isEditable,
  moneyDecimals,
  importOutline,
  readEconomyImportMapping,
  suggestEconomyMapping,
  TASK_STATE_LABELS,
} from '@rapportflode/domain';
import { EconomyImportErrors } from './economy-import.errors';
import type { SectionRow, SectionTaskRow } from './economy-import.repository';
import type { ReadFile, UploadedImportFile } from './import-file';

export interface ImportRequest {
  /** JSON of an EconomyImportMapping, as the mapping step sends it. */
  mapping?: string;
  /** The unit a file without a unit column belongs to. */
  unitId?: string;
}

/** A task of the section with its unit's name, path from the top and code. */
export interface TargetTask extends SectionTaskRow {
  name: string;
  path: string[];
  code: string | null;
}

/** Everything an import would do, worked out without storing anything. */
export interface Plan {
  section: SectionRow;
  config: EconomyTableConfig;
  preview: EconomyImportPreviewDto;
  result: EconomyImportResult | null;
  grid: ImportGrid | null;
  /** The section's tasks by the import's unit key (unitKey). */
  tasks: Map<string, TargetTask>;
  /** Units with rows in the file whose section is submitted or approved. */
  locked: TargetTask[];
}

export interface PlanInput {
  section: SectionRow;
  /** The section's tasks, in the order the preview lists them. */
  tasks: TargetTask[];
  /** The mapping remembered for the template's section (read only when the request sends none). */
  saved: Partial<EconomyImportMapping> | null;
  file: UploadedImportFile;
  read: ReadFile;
  request: ImportRequest;
  /** Stamped on every imported row's source when committing. */
  importId: string | null;
}

/** The import's key of a task's unit: the unit, or the nämnd-level task itself. */
export function unitKey(task: SectionTaskRow): string {
  return task.unit_id ?? `committee:${task.id}`;
}

function chooseMapping(
  request: ImportRequest,
  config: EconomyTableConfig,
  saved: Partial<EconomyImportMapping> | null,
  headers: string[],
): { mapping: EconomyImportMapping; mappingSource: EconomyImportPreviewDto['mappingSource'] } {
  if (request.mapping !== undefined && request.mapping !== '') {
    let raw: unknown;
    try {
      raw = JSON.parse(request.mapping);
    } catch {
      throw EconomyImportErrors.mapping('Kolumnkopplingen är inte giltig JSON.');
    }
    const checked = readEconomyImportMapping(raw, config);
    if (!checked.ok) throw EconomyImportErrors.mapping(checked.message);
    return { mapping: checked.mapping, mappingSource: 'request' };
  }
  const mapping = suggestEconomyMapping(headers, config, saved);
  const savedHeaders = saved
    ? [saved.labelColumn, saved.unitColumn, saved.parentColumn, saved.keyColumn, saved.commentColumn, ...Object.values(saved.columns ?? {})].filter(
        (h): h is string => typeof h === 'string' && h !== '',
      )
    : [];
  return { mapping, mappingSource: saved && savedHeaders.every((h) => headers.includes(h)) ? 'saved' : 'suggested' };
}

/**
 * What an import of this file would do (the rules are libs/domain's importEconomy): the
 * mapping, each unit's table, every problem by line, the units whose task is locked.
 */
export function planImport({ section, tasks: taskList, saved, file, read: { sha256, format, encoding, read }, request, importId }: PlanInput): Plan {
  const config = economyConfigOf(section.config);
  const tasks = new Map(taskList.map((task) => [unitKey(task), task]));
  let defaultUnitId: string | null = null;
  if (request.unitId) {
    const chosen = taskList.find((t) => t.unit_id === request.unitId || t.id === request.unitId);
    if (!chosen) throw EconomyImportErrors.unitInvalid();
    defaultUnitId = unitKey(chosen);
  }

  const grid = read.ok ? read.grid : null;
  const { mapping, mappingSource } = chooseMapping(request, config, saved, grid?.headers ?? []);

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
    return { unitId: task.unit_id, unitName: task.name, taskId: task.id, state: task.state, editable: isEditable(task.state), rows: unit.rows, total: unit.total, outline: importOutline(unit.content) };
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
  const inFile = new Set(result?.unitsInFile ?? []);
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
      // Units the file has no rows for (none are named while its rows cannot be read).
      untouchedUnits: result?.unitsInFile ? taskList.filter((task) => !inFile.has(unitKey(task))).map((task) => task.name) : [],
      issues,
      disagreements: result?.disagreements ?? [],
      rowCount: result?.rowCount ?? 0,
      canImport: issues.length === 0 && units.length > 0,
      signWarning: result?.signWarning ?? null,
      moneyDecimals: moneyDecimals(config),
    },
  };
}

import type {
  EconomyColumn,
  EconomyImportDisagreement,
  EconomyImportIssue,
  EconomyImportMapping,
  Figures,
  ImportOutlineRow,
  TaskState,
} from '@rapportflode/domain';

/**
 * Import of economy figures from the finance system (CSV or XLSX) into an economy section of a
 * cycle. Both calls take multipart/form-data: `file`, and optionally `mapping` (JSON of
 * EconomyImportMapping) and `unitId` (the unit a file without a unit column belongs to).
 */
export type { EconomyImportMapping, EconomyImportIssue, EconomyImportDisagreement };

/** A column of the section's table that the mapping can point at a header. */
export interface EconomyImportColumnDto {
  column: EconomyColumn;
  label: string;
  /** Computed columns are only compared with what the file printed, never stored. */
  computed: boolean;
}

/** A unit the file writes to (preview and result). */
export interface EconomyImportUnitDto {
  unitId: string | null;
  unitName: string;
  taskId: string;
  state: TaskState;
  /** False when the unit's section is submitted or approved: the import cannot change it. */
  editable: boolean;
  rows: number;
  total: Figures;
  /** The unit's rows with their levels, top to bottom (libs/domain importOutline). */
  outline: ImportOutlineRow[];
}

/** POST /api/cycles/:cycleId/sections/:sectionId/economy-imports/preview: nothing is stored. */
export interface EconomyImportPreviewDto {
  fileName: string;
  sha256: string;
  byteSize: number;
  format: 'csv' | 'xlsx';
  /** CSV only: how the bytes were read. */
  encoding: string | null;
  headers: string[];
  headerLine: number;
  mapping: EconomyImportMapping;
  /** Where the mapping came from: the request, the one saved for the template section, or suggested from the headers. */
  mappingSource: 'request' | 'saved' | 'suggested';
  columns: EconomyImportColumnDto[];
  /** The table's unit: figures are whole tkr or mnkr with one decimal. */
  moneyUnit: 'tkr' | 'mnkr';
  /** The units that deliver the section, for choosing one when the file has no unit column. */
  sectionUnits: Array<{ unitId: string | null; unitName: string }>;
  units: EconomyImportUnitDto[];
  /** Units that deliver the section but have no rows in the file: left as they are. */
  untouchedUnits: string[];
  issues: EconomyImportIssue[];
  disagreements: EconomyImportDisagreement[];
  rowCount: number;
  /** No issues: committing the same file and mapping will import it. */
  canImport: boolean;
  /** In Swedish when the file's signs look reversed for the section's layout (shown before confirming; nothing is turned); null otherwise. */
  signWarning: string | null;
  /** Decimals of the table's figures (whole tkr, mnkr with one or two). */
  moneyDecimals: number;
}

/** One import, as kept for tracing figures to their file. */
export interface EconomyImportRecordDto {
  id: string;
  cycleId: string;
  sectionId: string;
  fileName: string;
  sha256: string;
  byteSize: number;
  format: 'csv' | 'xlsx';
  importedBy: { id: string; name: string } | null;
  importedAt: string;
  rowCount: number;
  unitCount: number;
  units: Array<{ unitId: string | null; unitName: string; taskId: string; version: number }>;
  mapping: EconomyImportMapping;
  disagreements: EconomyImportDisagreement[];
}

/** POST /api/cycles/:cycleId/sections/:sectionId/economy-imports (all or nothing). */
export interface EconomyImportResultDto {
  import: EconomyImportRecordDto;
  units: EconomyImportUnitDto[];
}

/** GET /api/cycles/:cycleId/sections/:sectionId/economy-imports */
export interface EconomyImportListResponse {
  section: { id: string; number: string; title: string; cycleId: string; cycleTitle: string; committeeId: string };
  imports: EconomyImportRecordDto[];
}

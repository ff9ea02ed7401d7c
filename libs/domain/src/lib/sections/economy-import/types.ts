/**
 * The shapes an economy import reads and returns, and the small text rules every step shares.
 * The steps: grid.ts (a file to a grid), mapping.ts (which header holds what), units.ts (which
 * unit a row belongs to), rows.ts (the grid's rows checked and grouped per unit), tables.ts (one
 * economy table per unit), totals.ts (printed figures against computed ones), import.ts (all of it).
 */
import type { EconomyColumn, EconomyContent, EconomyTableConfig, Figures } from '../economy';

export type ImportCell = string | number | null;

/** A file as rows of cells: what the CSV parser or the XLSX reader hands over. */
export interface ImportGrid {
  /** 1-based line of the header row, as Excel numbers rows. */
  headerLine: number;
  headers: string[];
  rows: Array<{ line: number; cells: ImportCell[] }>;
  /** How numbers written as text separate decimals: Swedish Excel's comma (`;` files, XLSX) or a dot. */
  decimal: 'comma' | 'dot';
}

/** Which header of the file holds what; saved per template section and suggested from the headers. */
export interface EconomyImportMapping {
  /** The unit each row belongs to (name, path `A / B`, or code); null: the whole file is one unit. */
  unitColumn: string | null;
  /** The row's name (`Heldygnsvård`). */
  labelColumn: string;
  /** The name of the row a sub-row belongs to (empty for a top-level row). */
  parentColumn: string | null;
  /** A stable row key, when the finance system has one (an account or activity code). */
  keyColumn: string | null;
  commentColumn: string | null;
  /**
   * Economy column → header. Every entered column of the layout must be mapped; a computed
   * column may be mapped too, and is then only compared with what the domain computes.
   */
  columns: Partial<Record<EconomyColumn, string>>;
  /** A row whose name starts with one of these words is a printed total, checked and not stored. */
  totalLabels: string[];
  /** Overrides the file's decimal separator for numbers written as text (null: from the file). */
  decimal: 'comma' | 'dot' | null;
}

export const DEFAULT_TOTAL_LABELS: readonly string[] = ['Summa', 'Totalt', 'Total'];

/** A unit that delivers the section: the import recognises it by name, path from the top, or code. */
export interface ImportUnit {
  id: string;
  name: string;
  /** Names from the top of the tree down to the unit itself. */
  path: readonly string[];
  code?: string | null;
}

export interface EconomyImportIssue {
  /** 1-based line in the file (the header is `headerLine`). */
  line: number;
  /** The file's header of the column, or null for the whole row or file. */
  column: string | null;
  message: string;
}

/** A figure the file printed (a total, a sub-total or a computed column) that the domain computes otherwise. */
export interface EconomyImportDisagreement {
  line: number;
  unitName: string;
  /** The row as people name it (`Summa barn och unga`, `Barn och unga › Heldygnsvård`), `Totalt` for a file total. */
  row: string;
  column: EconomyColumn;
  header: string;
  printed: number;
  computed: number | null;
}

export interface EconomyImportUnitResult {
  unitId: string;
  unitName: string;
  content: EconomyContent;
  /** Data rows of the file that went into this table (printed totals not counted). */
  rows: number;
  firstLine: number;
  total: Figures;
}

export interface EconomyImportResult {
  units: EconomyImportUnitResult[];
  issues: EconomyImportIssue[];
  disagreements: EconomyImportDisagreement[];
  /** Data rows of the file (printed totals and sub-totals not counted; every row while the columns cannot be read). */
  rowCount: number;
  /** Ids of the units the file has rows for (also when it has problems); null when its rows could not be read. */
  unitsInFile: string[] | null;
  /** Set when the file's signs look reversed for the layout (most cost figures the other way round): shown before confirming, nothing is turned. */
  signWarning?: string;
}

export interface EconomyImportOptions {
  config: EconomyTableConfig;
  units: readonly ImportUnit[];
  /** The unit a file without a unit column belongs to (the section's only unit, or the one chosen). */
  defaultUnitId?: string | null;
  /** Marks every imported row with `source: { importId, line }`. */
  importId?: string;
  /** A unit's current table: rows with the same name keep their key (and their comment when the file has none). */
  previous?: (unitId: string) => EconomyContent | null | undefined;
}

/** What a row key may look like (an account or activity code, or one made from the row's name). */
export const KEY = /^[A-Za-z0-9_-]{1,60}$/;
/** No more issues than this are listed for the rows of one file. */
export const MAX_ISSUES = 500;

/** Text as compared: lower case, single spaces. */
export const lower = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');

/** A cell as text, spaces of every kind made single and trimmed. */
export function cellText(cell: ImportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Records an issue of a row (up to MAX_ISSUES). */
export type AddIssue = (line: number, column: string | null, message: string) => void;

/**
 * Importing economy tables from the finance system's exports (CSV or XLSX, read elsewhere into
 * a grid of cells): a column mapping from the file's headers to the section's layout, then every
 * row checked and turned into one economy table per unit. Nothing here knows about files or the
 * database; the rules about figures stay in ../economy/ (checkEconomy, computeEconomy,
 * checkPrintedTotals) and are only pointed back at the file's lines and headers.
 */
import { checkEconomy, computeEconomy } from '../economy';
import { locateColumns, mappedHeader } from './mapping';
import { type PendingRow, readRows } from './rows';
import { importSignWarning } from './signs';
import { buildUnitTable } from './tables';
import { fileTotalDisagreements, type HeaderOf, unitDisagreements } from './totals';
import {
  type EconomyImportDisagreement,
  type EconomyImportIssue,
  type EconomyImportMapping,
  type EconomyImportOptions,
  type EconomyImportResult,
  type EconomyImportUnitResult,
  type ImportGrid,
  MAX_ISSUES,
} from './types';
import { defaultImportUnit } from './units';

/**
 * Reads a grid with a mapping into one economy table per unit. Every row is checked: numbers
 * (text, a decimal point where the file writes decimal comma, the unit's decimals, signs), the
 * unit, rows twice, sub-rows; every problem names the file's line and header. Printed totals,
 * sub-totals and computed columns are compared with what the domain computes, with both numbers.
 * When there are issues, `units` must not be stored.
 */
export function importEconomy(grid: ImportGrid, mapping: EconomyImportMapping, options: EconomyImportOptions): EconomyImportResult {
  const { config } = options;
  const disagreements: EconomyImportDisagreement[] = [];

  // The mapping against the file's headers, and the unit of a file without a unit column.
  const located = locateColumns(grid, mapping, config);
  const defaultUnit = defaultImportUnit(mapping, options, grid.headerLine);
  const issues: EconomyImportIssue[] = [...located.issues, ...(defaultUnit.issue ? [defaultUnit.issue] : [])];
  let rowCount = grid.rows.length;
  let unitsInFile: string[] | null = null;
  const fail = (): EconomyImportResult => ({ units: [], issues: issues.sort((a, b) => a.line - b.line), disagreements, rowCount, unitsInFile });
  if (issues.length || !located.columns) return fail();

  const add = (line: number, column: string | null, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ line, column, message });
  };
  const read = readRows(grid, mapping, located.columns, defaultUnit.unit, options.units, add);
  rowCount = read.dataRows;
  unitsInFile = [...read.units.keys()];
  // Signs the other way round than the layout: a warning before confirming (a refused cost figure is also an issue below).
  const figures: PendingRow['values'][] = [];
  const collect = (rows: readonly PendingRow[]) => rows.forEach((row) => (row.children.length ? collect(row.children) : figures.push(row.values)));
  for (const bucket of read.units.values()) collect(bucket.rows);
  const signWarning = importSignWarning(config, figures);
  const withWarning = <T extends EconomyImportResult>(result: T): T => (signWarning ? { ...result, signWarning } : result);

  // Build each unit's table (also when rows above had problems: every problem is reported at once) and let the one checker judge it; its issues are pointed back at the file.
  const units: EconomyImportUnitResult[] = [];
  const headerOf: HeaderOf = (column) => mappedHeader(mapping, config, column) ?? column;
  for (const bucket of read.units.values()) {
    const table = buildUnitTable(bucket, options.previous?.(bucket.unit.id) ?? null, options.importId);
    const checked = checkEconomy(config, table.content);
    if (!checked.ok) {
      for (const issue of checked.issues) {
        const line = (issue.row !== null ? table.lineOf.get(issue.row) : undefined) ?? bucket.firstLine;
        add(line, mappedHeader(mapping, config, issue.column), `${bucket.unit.name}, ${issue.row ?? 'tabellen'}: ${issue.message}`);
      }
      continue;
    }
    const computed = computeEconomy(config, checked.content);
    disagreements.push(...unitDisagreements(config, bucket, table, computed, headerOf, mapping.parentColumn, add));
    units.push({ unitId: bucket.unit.id, unitName: bucket.unit.name, content: checked.content, rows: bucket.dataRows, firstLine: bucket.firstLine, total: computed.total });
  }
  if (issues.length) return withWarning(fail());

  disagreements.push(...fileTotalDisagreements(config, units, read.fileTotals, headerOf));
  disagreements.sort((a, b) => a.line - b.line);
  units.sort((a, b) => a.firstLine - b.firstLine);
  return withWarning({ units, issues, disagreements, rowCount, unitsInFile });
}

/** `Rad 5, kolumn "Prognos": "3.8" har decimalpunkt; …`: an issue as one line of text. */
export function importIssueText(issue: EconomyImportIssue): string {
  return `Rad ${issue.line}${issue.column ? `, kolumn "${issue.column}"` : ''}: ${issue.message}`;
}

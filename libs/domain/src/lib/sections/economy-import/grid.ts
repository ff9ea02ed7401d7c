/** A finance system's export as a grid of cells: the first non-empty row holds the headers. */
import { CsvError, type CsvDelimiter, type CsvEncoding, decodeCsvBytes, parseCsv } from '../../csv';
import { type EconomyImportIssue, type ImportCell, type ImportGrid, lower } from './types';

/** A CSV export as a grid: UTF-8, UTF-16 or Windows-1252, `;` or tab (decimal comma, as Swedish Excel writes them) or `,` (decimal dot). */
export function economyGridFromCsv(
  bytes: Uint8Array,
): { ok: true; grid: ImportGrid; encoding: CsvEncoding; delimiter: CsvDelimiter } | { ok: false; issue: EconomyImportIssue } {
  const { text, encoding } = decodeCsvBytes(bytes);
  let parsed: { delimiter: CsvDelimiter; rows: string[][] };
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, issue: { line: error.line, column: null, message: error.message } };
    throw error;
  }
  // Swedish Excel writes `;` or tab with a decimal comma; `,` as delimiter means a decimal dot.
  const grid = gridFromRows(parsed.rows.map((cells, i) => ({ line: i + 1, cells })), parsed.delimiter === ',' ? 'dot' : 'comma');
  return grid.ok ? { ok: true, grid: grid.grid, encoding, delimiter: parsed.delimiter } : grid;
}

/** Rows as read (line numbers included) to a grid: the first non-empty row holds the headers. */
export function gridFromRows(
  rows: ReadonlyArray<{ line: number; cells: ImportCell[] }>,
  decimal: 'comma' | 'dot',
): { ok: true; grid: ImportGrid } | { ok: false; issue: EconomyImportIssue } {
  const isEmpty = (cells: readonly ImportCell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
  const at = rows.findIndex((row) => !isEmpty(row.cells));
  if (at < 0) return { ok: false, issue: { line: 1, column: null, message: 'Filen är tom. Första raden ska innehålla kolumnrubrikerna.' } };
  const headerRow = rows[at];
  const headers = headerRow.cells.map((c) => (c === null ? '' : String(c).replace(/[\s\u00a0\u202f]+/g, ' ').trim()));
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const seen = new Map<string, number>();
  for (let i = 0; i < headers.length; i += 1) {
    const key = lower(headers[i]);
    if (!key) continue;
    if (seen.has(key)) {
      return {
        ok: false,
        issue: { line: headerRow.line, column: headers[i], message: `Rubriken "${headers[i]}" står två gånger (kolumn ${(seen.get(key) ?? 0) + 1} och ${i + 1}). Varje kolumn behöver en egen rubrik.` },
      };
    }
    seen.set(key, i);
  }
  return { ok: true, grid: { headerLine: headerRow.line, headers, rows: rows.slice(at + 1).filter((row) => !isEmpty(row.cells)), decimal } };
}


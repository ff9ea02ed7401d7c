import { gridFromRows, type EconomyImportIssue, type ImportCell, type ImportGrid } from '@rapportflode/domain';
import { type CellValue, Workbook } from 'exceljs';

/** What a cell shows, as the import reads it: numbers stay numbers, formulas give their last result. */
export function cellOf(value: CellValue | undefined): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && 'error' in (result as object)) return String((result as { error: string }).error);
    return cellOf(result as CellValue);
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellOf(value.text as CellValue);
  if ('error' in value) return String(value.error);
  return null;
}

/** The first worksheet of an XLSX file as a grid (text cells are read the Swedish way: decimal comma). */
export async function readXlsxGrid(bytes: Buffer): Promise<{ ok: true; grid: ImportGrid } | { ok: false; issue: EconomyImportIssue }> {
  const workbook = new Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, issue: { line: 1, column: null, message: 'Filen kan inte läsas som en Excel-fil (.xlsx). Spara den som Excel-arbetsbok eller CSV och försök igen.' } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, issue: { line: 1, column: null, message: 'Excel-filen har inget kalkylblad.' } };
  const rows: Array<{ line: number; cells: ImportCell[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as CellValue[];
    const cells: ImportCell[] = [];
    for (let i = 1; i < values.length; i += 1) cells.push(cellOf(values[i]));
    rows.push({ line, cells });
  });
  return gridFromRows(rows, 'comma');
}

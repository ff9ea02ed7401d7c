import { gridFromRows, type EconomyImportIssue, type ImportCell, type ImportGrid } from '@rapportflode/domain';
import { type CellValue, Workbook } from 'exceljs';
import { DomainError } from '../../common/domain-error';
import { checkXlsxZip, type ZipRefusal } from './xlsx-zip-check';

const UNREADABLE: EconomyImportIssue = {
  line: 1,
  column: null,
  message: 'Filen kan inte läsas som en Excel-fil (.xlsx). Spara den som Excel-arbetsbok eller CSV och försök igen.',
};

/** Why a zip is refused before it is unpacked, in Swedish, naming the limit. Nothing has been stored. */
export function xlsxRefused(refusal: ZipRefusal): DomainError {
  switch (refusal.kind) {
    case 'inflated_too_large':
      return new DomainError(
        'import_file_inflated_too_large',
        `Filen är för stor uppackad (över ${refusal.limitBytes / 1024 / 1024} MB). Spara bladet som CSV eller dela upp filen.`,
      );
    case 'too_many_entries':
      return new DomainError(
        'import_file_too_many_parts',
        `Excel-filen består av fler än ${refusal.limit} delar. Spara bladet som CSV eller dela upp filen.`,
      );
    case 'ratio':
      return new DomainError(
        'import_file_compression_ratio',
        `Excel-filen packas upp till mer än ${refusal.limit} gånger sin storlek, vilket ingen vanlig arbetsbok gör. Spara bladet som CSV eller dela upp filen.`,
      );
    case 'malformed':
      return new DomainError(
        'import_file_malformed',
        'Excel-filen är skadad: innehållsförteckningen i filen stämmer inte med innehållet. Spara om den i Excel som Excel-arbetsbok (.xlsx) eller som CSV och försök igen.',
      );
  }
}

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

/**
 * The first worksheet of an XLSX file as a grid (text cells are read the Swedish way: decimal
 * comma). The zip is checked first (see XLSX_LIMITS), so exceljs only ever unpacks what has
 * been proven to fit; a zip past a limit throws (413 or 400).
 */
export async function readXlsxGrid(bytes: Buffer): Promise<{ ok: true; grid: ImportGrid } | { ok: false; issue: EconomyImportIssue }> {
  const check = await checkXlsxZip(bytes);
  if (!check.ok) {
    const looksLikeZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
    // Something named .xlsx that is no zip at all (a renamed CSV, a PDF): the file's own problem, shown in the preview.
    if (check.refusal.kind === 'malformed' && !looksLikeZip) return { ok: false, issue: UNREADABLE };
    throw xlsxRefused(check.refusal);
  }
  const workbook = new Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, issue: UNREADABLE };
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

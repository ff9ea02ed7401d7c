import { CsvEncoding, economyGridFromCsv, EconomyImportIssue, ImportGrid } from '@rapportflode/domain';
import { createHash } from 'node:crypto';
import { DomainError } from '../../common/domain-error';
import { EconomyImportErrors } from './economy-import.errors';
import { IMPORT_PARSE_LIMITS, ParseGate, ParseGateBusy } from './parse-gate';
import { readXlsxGrid } from './xlsx-grid';

export interface UploadedImportFile {
  name: string;
  bytes: Buffer;
}

/** The file as read: its format, the CSV's encoding, and the grid or the reason it has none. */
export interface ReadFile {
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

/**
 * Sniffs and parses the upload, at most IMPORT_PARSE_LIMITS.concurrency at once (the gate): an
 * XLSX only after its zip has passed XLSX_LIMITS (413/400 otherwise), a CSV in UTF-8, UTF-16
 * (by its BOM) or Windows-1252.
 */
export async function readImportFile(file: UploadedImportFile, gate: ParseGate): Promise<ReadFile> {
  if (file.bytes.length === 0) throw EconomyImportErrors.fileEmpty();
  const isZip = file.bytes.length >= 4 && file.bytes[0] === 0x50 && file.bytes[1] === 0x4b && file.bytes[2] === 0x03 && file.bytes[3] === 0x04;
  const isOldExcel = file.bytes.length >= 8 && file.bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  if (isOldExcel) throw EconomyImportErrors.oldExcel();
  const format: 'csv' | 'xlsx' = isZip || /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv';
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  try {
    return await gate.run(async () => {
      if (format === 'xlsx') return { sha256, format, encoding: null, read: await readXlsxGrid(file.bytes) };
      const csv = economyGridFromCsv(new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length));
      return { sha256, format, encoding: csv.ok ? ENCODING_LABELS[csv.encoding] : null, read: csv };
    });
  } catch (error) {
    if (error instanceof ParseGateBusy) throw new ImportBusyException(IMPORT_PARSE_LIMITS.retryAfterSeconds);
    throw error;
  }
}

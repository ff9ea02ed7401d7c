import type { EconomyImportMapping, EconomyImportPreviewDto, EconomyImportRecordDto } from '@rapportflode/api-contract';
import { EconomyColumn, formatDateTime, formatNumber, MONEY_DECIMALS, MoneyUnit } from '@rapportflode/domain';

/** What the page says about a preview, for the live region and the heading of the result. */
export function previewSummaryText(preview: EconomyImportPreviewDto): string {
  const units = preview.units.length;
  const rows = `${formatNumber(preview.rowCount)} ${preview.rowCount === 1 ? 'rad' : 'rader'}`;
  if (preview.issues.length > 0) {
    const n = preview.issues.length;
    return `Filen har ${n === 1 ? 'ett fel' : `${formatNumber(n)} fel`}. Inget importeras förrän ${n === 1 ? 'det är rättat' : 'de är rättade'}.`;
  }
  const checks =
    preview.disagreements.length === 0
      ? 'Filens egna summor stämmer.'
      : `${preview.disagreements.length === 1 ? 'En summa' : `${preview.disagreements.length} summor`} i filen stämmer inte med raderna; se kontrollen nedan.`;
  return `Filen kan importeras: ${rows} till ${units} ${units === 1 ? 'enhet' : 'enheter'}. ${checks}`;
}

export function importDoneText(record: EconomyImportRecordDto): string {
  return `Importen är klar: ${formatNumber(record.rowCount)} rader från ${record.fileName} till ${record.unitCount} ${record.unitCount === 1 ? 'enhet' : 'enheter'}. Varje siffra kan spåras till filen (SHA-256 ${record.sha256.slice(0, 12)}…).`;
}

/** A figure of the table, as the report prints it (`−9 504`, `3,8`). */
export function figureText(value: number | null | undefined, unit: MoneyUnit, column: EconomyColumn, decimals: number = MONEY_DECIMALS[unit]): string {
  if (value === null || value === undefined) return '–';
  return formatNumber(value, column === 'percent_of_budget' ? 1 : decimals);
}

export function importedText(record: EconomyImportRecordDto): string {
  return `${formatDateTime(record.importedAt)} av ${record.importedBy?.name ?? 'okänd'}`;
}

/** The mapping's header fields: the unit, the row's name and its parent row. */
export type HeaderField = 'unitColumn' | 'labelColumn' | 'parentColumn';

/** The mapping with a header field pointed at `header` ('' is none; the row's name always keeps one). */
export function withHeader(mapping: EconomyImportMapping, field: HeaderField, header: string): EconomyImportMapping {
  return { ...mapping, [field]: header === '' ? (field === 'labelColumn' ? mapping.labelColumn : null) : header };
}

/** How many total labels a mapping keeps, and how long each may be (readEconomyImportMapping in libs/domain). */
export const TOTAL_LABEL_LIMITS = { count: 10, length: 60 };

/** The total labels as the economist types them: separated by commas, semicolons or lines. */
export function totalLabelsText(mapping: EconomyImportMapping | null): string {
  return (mapping?.totalLabels ?? []).join(', ');
}

/**
 * The mapping with the row labels that are totals (`Summa, Totalsumma`): trimmed, each once
 * (whatever its case), at most 10 of at most 60 characters; what does not fit is named in `dropped`.
 */
export function withTotalLabels(mapping: EconomyImportMapping, text: string): { mapping: EconomyImportMapping; dropped: string[] } {
  const labels: string[] = [];
  const dropped: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const label = part.replace(/\s+/g, ' ').trim();
    if (!label || labels.some((l) => l.toLocaleLowerCase('sv-SE') === label.toLocaleLowerCase('sv-SE'))) continue;
    if (label.length > TOTAL_LABEL_LIMITS.length || labels.length >= TOTAL_LABEL_LIMITS.count) dropped.push(label);
    else labels.push(label);
  }
  return { mapping: { ...mapping, totalLabels: labels }, dropped };
}

/** The mapping with a column of the table read from `header` ('' takes the column out). */
export function withColumn(mapping: EconomyImportMapping, column: EconomyColumn, header: string): EconomyImportMapping {
  const columns = { ...mapping.columns };
  if (header === '') delete columns[column];
  else columns[column] = header;
  return { ...mapping, columns };
}

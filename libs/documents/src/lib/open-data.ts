import type { DocumentModel, TableBlock } from './model';

/** One table as CSV for Swedish Excel: UTF-8 with BOM, `;` separator, decimal comma. To be implemented. */
export function tableCsv(_table: TableBlock): string {
  throw new Error('tableCsv is not implemented yet');
}

/** Every table of the document as one JSON value, with units, periods and columns. To be implemented. */
export function tablesJson(_model: DocumentModel): unknown {
  throw new Error('tablesJson is not implemented yet');
}

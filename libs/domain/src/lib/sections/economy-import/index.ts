// Economy import: the public surface (the steps' helpers stay inside this folder; see types.ts for the layout).
export type {
  EconomyImportDisagreement,
  EconomyImportIssue,
  EconomyImportMapping,
  EconomyImportOptions,
  EconomyImportResult,
  EconomyImportUnitResult,
  ImportCell,
  ImportGrid,
  ImportUnit,
} from './types';
export { DEFAULT_TOTAL_LABELS } from './types';
export { normaliseHeader, readEconomyImportMapping, suggestEconomyMapping } from './mapping';
export { economyGridFromCsv, gridFromRows } from './grid';
export { rowKeyFromLabel } from './tables';
export { importEconomy, importIssueText } from './import';
export { importSignWarning } from './signs';
export type { ImportOutlineRow } from './outline';
export { importOutline } from './outline';

/**
 * The economy table editor's pure logic: the editable rows (the text of every entered cell as
 * typed), reading them into an EconomyContent, the cells to show (entered, computed, errors),
 * where Enter moves focus, and pasting a block copied from Excel. No Angular, no DOM.
 */
import {
  checkEconomy,
  columnLabel,
  computeEconomy,
  type ComputedRow,
  type EconomyColumn,
  type EconomyContent,
  type EconomyIssue,
  type EconomyRow,
  type EconomyRowSource,
  type EconomyTableConfig,
  type Figures,
  formatNumber,
  formatSignedNumber,
  inputColumns,
  isComputed,
  issueText,
  moneyDecimals,
  parseSwedishNumber,
  subtotalLabelOf,
} from '@rapportflode/domain';
import { isBlock, newRowKey, parsePastedBlock } from './section-grid';

// Shared with the other section editors; exported here too for the economy editor and its tests.
export { isBlock, newRowKey, parsePastedBlock };

/** A row as the editor holds it: entered cells as the text in the input. */
export interface EditRow {
  key: string;
  label: string;
  cells: Partial<Record<EconomyColumn, string>>;
  comment: string;
  children: EditRow[];
  /** The import the row came from (kept while the row exists, so its figures can be traced). */
  source?: EconomyRowSource;
}

export function newRow(random?: () => number): EditRow {
  return { key: newRowKey(random), label: '', cells: {}, comment: '', children: [] };
}

/** Whether a figure has no more decimals than the unit allows (else it is shown as typed, and marked). */
export function fitsUnit(config: EconomyTableConfig, value: number): boolean {
  const factor = 10 ** moneyDecimals(config);
  return Math.round(value * factor) / factor === value;
}

/** An entered figure as it is shown in its input: `-7 015` (tkr), `3,8` (mnkr). */
export function cellText(config: EconomyTableConfig, value: number | null | undefined): string {
  return typeof value === 'number' ? formatNumber(value, moneyDecimals(config)) : '';
}

/** A computed figure as it is shown: deviations with their sign, per cent with one decimal. */
export function computedText(config: EconomyTableConfig, column: EconomyColumn, value: number | null | undefined): string {
  if (typeof value !== 'number') return '–';
  if (column === 'percent_of_budget') return `${formatNumber(value, 1)} %`;
  const decimals = moneyDecimals(config);
  return column === 'budget_deviation' || column === 'forecast_deviation'
    ? formatSignedNumber(value, decimals)
    : formatNumber(value, decimals);
}

export function toEditRows(config: EconomyTableConfig, content: EconomyContent): EditRow[] {
  const entered = inputColumns(config);
  const visit = (row: EconomyRow): EditRow => {
    const cells: EditRow['cells'] = {};
    for (const column of entered) cells[column] = cellText(config, row.values[column]);
    return {
      key: row.key,
      label: row.label,
      cells,
      comment: row.comment ?? '',
      children: (row.children ?? []).map(visit),
      ...(row.source ? { source: row.source } : {}),
    };
  };
  return content.rows.map(visit);
}

/** The id of a cell's place in `parseErrors`: `<row key>:<column>`. */
export function cellRef(key: string, column: EconomyColumn): string {
  return `${key}:${column}`;
}

export interface ReadRows {
  /** The figures that could be read (a cell that cannot be read is left out). */
  content: EconomyContent;
  /** Cells whose text is not a number, with the Swedish message. */
  parseErrors: Map<string, string>;
}

/** The rows as content: every entered cell parsed as a Swedish number. */
export function readEditRows(config: EconomyTableConfig, rows: readonly EditRow[]): ReadRows {
  const entered = inputColumns(config);
  const parseErrors = new Map<string, string>();
  const visit = (row: EditRow): EconomyRow => {
    const values: Figures = {};
    if (row.children.length === 0) {
      for (const column of entered) {
        const parsed = parseSwedishNumber(row.cells[column] ?? '');
        if (!parsed.ok) parseErrors.set(cellRef(row.key, column), parsed.message);
        else if (parsed.value !== null) values[column] = parsed.value;
      }
    }
    const comment = row.comment.trim();
    return {
      key: row.key,
      label: row.label.trim(),
      values,
      ...(comment ? { comment } : {}),
      ...(row.children.length ? { children: row.children.map(visit) } : {}),
      ...(row.source ? { source: row.source } : {}),
    };
  };
  return { content: { type: 'economy', rows: rows.map(visit) }, parseErrors };
}

/* ---------- Cells to show ---------- */

export interface ViewCell {
  column: EconomyColumn;
  /** The input's id (also for a read-only cell, to refer to it). */
  id: string;
  editable: boolean;
  text: string;
  error: string | null;
  errorId: string | null;
}

/**
 * What a row of the grid is: an ordinary row (its own figures, or with the default layout the
 * sum of its sub-rows), a row with sub-rows shown as a label only (a 'below' layout), or the
 * read-only `Summa <row>` row after its sub-rows (a 'below' layout), as the table prints.
 */
export type ViewRowKind = 'row' | 'heading' | 'sum';

export interface ViewRow {
  /** The row's key; a sum row has its row's key with `:summa` (it is not a row of the content). */
  key: string;
  kind: ViewRowKind;
  /** For a sum row: the key of the row it sums; otherwise null. */
  sumOf: string | null;
  label: string;
  /** For buttons and labels: the row's name, or `rad N` while it has none. */
  name: string;
  depth: number;
  parentKey: string | null;
  subtotal: boolean;
  comment: string;
  labelId: string;
  labelError: string | null;
  labelErrorId: string | null;
  cells: ViewCell[];
}

export interface TableView {
  rows: ViewRow[];
  total: Array<{ column: EconomyColumn; text: string }>;
  /** Every problem, for the list next to the table: `<row>: <message>`. */
  messages: string[];
}

/** DOM-safe id part of a row key. */
function idPart(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function cellId(key: string, column: EconomyColumn | 'label'): string {
  return `ec-${idPart(key)}-${column}`;
}

/** Which row (by key) an issue's label path names; null when none or the whole table. */
function keyOfPath(rows: readonly EditRow[], path: string | null): string | null {
  if (path === null) return null;
  const walk = (list: readonly EditRow[], prefix: string[]): string | null => {
    for (const row of list) {
      const here = [...prefix, row.label.trim() || '(utan namn)'];
      if (here.join(' › ') === path) return row.key;
      const found = walk(row.children, [...prefix, row.label.trim()]);
      if (found) return found;
    }
    return null;
  };
  return walk(rows, []);
}

/**
 * Everything the table shows: entered and computed cells, errors at their cells, the total;
 * `quiet` rows (new, no field of them left yet) show none of their problems yet.
 */
export function buildTableView(config: EconomyTableConfig, rows: readonly EditRow[], quiet: ReadonlySet<string> = new Set()): TableView {
  const { content, parseErrors } = readEditRows(config, rows);
  const computed = computeEconomy(config, content);
  const check = checkEconomy(config, content);
  const issues: EconomyIssue[] = check.ok ? [] : check.issues;
  const cellIssues = new Map<string, string>();
  const rowIssues = new Map<string, string[]>();
  const messages: string[] = [];
  const names = new Map<string, string>();
  let counter = 0;
  const nameRows = (list: readonly EditRow[]) => {
    for (const row of list) {
      counter += 1;
      names.set(row.key, row.label.trim() || `rad ${counter}`);
      nameRows(row.children);
    }
  };
  nameRows(rows);
  for (const [ref, message] of parseErrors) {
    const [key, column] = ref.split(':') as [string, EconomyColumn];
    if (quiet.has(key)) continue;
    messages.push(`${names.get(key) ?? ''}, ${columnLabel(config, column)}: ${message}`);
  }
  for (const issue of issues) {
    const key = keyOfPath(rows, issue.row);
    if (key && quiet.has(key)) continue;
    if (key && issue.column) {
      const ref = cellRef(key, issue.column);
      if (!parseErrors.has(ref)) cellIssues.set(ref, issue.message);
    } else if (key) {
      rowIssues.set(key, [...(rowIssues.get(key) ?? []), issue.message]);
    }
    messages.push(issueText(issue));
  }
  const computedByKey = new Map<string, ComputedRow>();
  const index = (list: readonly ComputedRow[]) => {
    for (const row of list) {
      computedByKey.set(row.key, row);
      index(row.children);
    }
  };
  index(computed.rows);
  const entered = inputColumns(config);
  const below = config.subtotalPosition === 'below';
  const out: ViewRow[] = [];
  const visit = (row: EditRow, depth: number, parentKey: string | null) => {
    const values = computedByKey.get(row.key)?.values ?? {};
    const subtotal = row.children.length > 0;
    const heading = below && subtotal;
    const cells: ViewCell[] = config.columns.map((column) => {
      const editable = !subtotal && entered.includes(column);
      const ref = cellRef(row.key, column);
      const error = quiet.has(row.key) ? null : (parseErrors.get(ref) ?? cellIssues.get(ref) ?? null);
      const id = cellId(row.key, column);
      return {
        column,
        id,
        editable,
        text: editable ? (row.cells[column] ?? '') : heading ? '' : computedText(config, column, values[column]),
        error,
        errorId: error ? `${id}-error` : null,
      };
    });
    const labelIssues = rowIssues.get(row.key);
    const labelId = cellId(row.key, 'label');
    out.push({
      key: row.key,
      kind: heading ? 'heading' : 'row',
      sumOf: null,
      label: row.label,
      name: names.get(row.key) ?? row.label,
      depth,
      parentKey,
      subtotal,
      comment: row.comment,
      labelId,
      labelError: labelIssues ? labelIssues.join(' ') : null,
      labelErrorId: labelIssues ? `${labelId}-error` : null,
      cells,
    });
    for (const child of row.children) visit(child, depth + 1, row.key);
    if (heading) out.push(sumRow(config, row, names.get(row.key) ?? row.label, depth, parentKey, values));
  };
  for (const row of rows) visit(row, 0, null);
  return {
    rows: out,
    total: config.columns.map((column) => ({ column, text: computedText(config, column, computed.total[column]) })),
    messages,
  };
}

/** The read-only `Summa <row>` row a 'below' layout shows after a row's sub-rows: their sum, as it prints. */
function sumRow(config: EconomyTableConfig, row: EditRow, name: string, depth: number, parentKey: string | null, values: Figures): ViewRow {
  const key = `${row.key}:summa`;
  const label = subtotalLabelOf(row.label.trim() || name);
  return {
    key,
    kind: 'sum',
    sumOf: row.key,
    label,
    name: label,
    depth,
    parentKey,
    subtotal: true,
    comment: '',
    labelId: `${cellId(row.key, 'label')}-summa`,
    labelError: null,
    labelErrorId: null,
    cells: config.columns.map((column) => ({
      column,
      id: `${cellId(row.key, column)}-summa`,
      editable: false,
      text: computedText(config, column, values[column]),
      error: null,
      errorId: null,
    })),
  };
}

/* ---------- Editing ---------- */

/** The rows with one row changed (found by key at any depth). */
export function updateRow(rows: readonly EditRow[], key: string, change: (row: EditRow) => EditRow): EditRow[] {
  return rows.map((row) =>
    row.key === key ? change(row) : row.children.length ? { ...row, children: updateRow(row.children, key, change) } : row,
  );
}

export function removeRow(rows: readonly EditRow[], key: string): EditRow[] {
  return rows.filter((row) => row.key !== key).map((row) => (row.children.length ? { ...row, children: removeRow(row.children, key) } : row));
}

/** A sub-row under a row; the row's own figures give way to the sum of its sub-rows. */
export function addChild(rows: readonly EditRow[], parentKey: string, child: EditRow): EditRow[] {
  return updateRow(rows, parentKey, (row) => ({ ...row, cells: {}, children: [...row.children, child] }));
}

/* ---------- Focus ---------- */

/**
 * Where Enter in a cell goes: the same column in the next row that has an input there (rows
 * with sub-rows are skipped in figure columns, sum rows in every column). Null when it is the last such row.
 */
export function nextRowTarget(view: TableView, key: string, column: EconomyColumn | 'label'): string | null {
  const at = view.rows.findIndex((row) => row.key === key);
  if (at < 0) return null;
  for (const row of view.rows.slice(at + 1)) {
    if (row.kind === 'sum') continue;
    if (column === 'label') return row.labelId;
    const cell = row.cells.find((c) => c.column === column);
    if (cell?.editable) return cell.id;
  }
  return null;
}

/** Whether a column is an entered one (for the template). */
export function isEntered(config: EconomyTableConfig, column: EconomyColumn): boolean {
  return config.columns.includes(column) && !isComputed(config, column);
}

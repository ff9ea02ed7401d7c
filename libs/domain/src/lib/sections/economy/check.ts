/** The check every save of an economy table passes, and printed totals compared with computed ones. */
import { formatNumber } from '../../format';
import { isRecord, roundTo } from '../section-check';
import {
  type ComputedEconomy,
  type ComputedRow,
  type EconomyColumn,
  type EconomyContent,
  type EconomyRow,
  type EconomyTableConfig,
  type Figures,
  inputColumns,
  moneyDecimals,
  readSource,
  signsOf,
} from './model';
import { columnLabel } from './meaning';

export interface EconomyIssue {
  /** The row's labels from the top (`Barn och unga 0-20 år › Heldygnsvård`), null for the whole table. */
  row: string | null;
  column: EconomyColumn | null;
  message: string;
}

export type EconomyCheck = { ok: true; content: EconomyContent } | { ok: false; issues: EconomyIssue[] };

export const ECONOMY_LIMITS = { maxRows: 2_000, maxDepth: 3, maxLabel: 200, maxComment: 5_000, maxAbs: 1e12 };

const KEY = /^[A-Za-z0-9_-]{1,60}$/;

/** Why one figure of a row is refused (in Swedish), or null when it is accepted. */
function refusal(config: EconomyTableConfig, col: EconomyColumn, value: unknown, hasChildren: boolean): string | null {
  const name = columnLabel(config, col);
  if (!inputColumns(config).includes(col) || hasChildren) {
    return hasChildren ? `${name} summeras från underraderna och skrivs inte in.` : `${name} räknas ut och skrivs inte in.`;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${name}: "${String(value)}" är inte ett tal.`;
  if (Math.abs(value) > ECONOMY_LIMITS.maxAbs) return `${name}: ${formatNumber(value)} är orimligt stort.`;
  const decimals = moneyDecimals(config);
  if (roundTo(value, decimals) !== value) {
    return `${name}: anges i ${config.unit} med ${decimals === 0 ? 'heltal' : decimals === 1 ? '1 decimal' : `${decimals} decimaler`}.`;
  }
  if (col === 'costs' || col === 'budget_costs') {
    if (signsOf(config) === 'costs_positive') {
      if (value < 0) return `${name}: kostnader anges som positiva tal (${formatNumber(-value, decimals)}).`;
    } else if (value > 0) return `${name}: kostnader anges som negativa tal (${formatNumber(-value)}).`;
  }
  if ((col === 'income' || col === 'budget_income') && value < 0) return `${name}: intäkter anges som positiva tal.`;
  return null;
}

/**
 * The table with only the figures the check accepts (a refused figure left out, rows kept):
 * what a chart or a summary drawn while a table is being typed may show.
 */
export function acceptedEconomy(config: EconomyTableConfig, content: EconomyContent): EconomyContent {
  const columns = config.columns as readonly string[];
  const visit = (row: EconomyRow): EconomyRow => {
    const children = row.children ?? [];
    const values: Figures = {};
    for (const [column, value] of Object.entries(row.values ?? {})) {
      if (value === null || value === undefined || !columns.includes(column)) continue;
      if (refusal(config, column as EconomyColumn, value, children.length > 0) === null) values[column as EconomyColumn] = value;
    }
    return { ...row, values, ...(children.length ? { children: children.map(visit) } : {}) };
  };
  return { type: 'economy', rows: content.rows.map(visit) };
}

/**
 * Checks an economy table against its template's layout and returns it in clean form: rows
 * with a name, no row twice among its siblings, figures only in entered columns, finite
 * numbers with the unit's decimals, costs signed as the layout says (not positive, or with
 * 'costs_positive' not negative) and income not negative, sub-rows at most two levels down. Every problem is reported with its row and column, in Swedish.
 */
export function checkEconomy(config: EconomyTableConfig, input: unknown): EconomyCheck {
  const issues: EconomyIssue[] = [];
  if (!isRecord(input) || input['type'] !== 'economy' || !Array.isArray(input['rows'])) {
    return { ok: false, issues: [{ row: null, column: null, message: 'Innehållet är inte en ekonomitabell.' }] };
  }
  let count = 0;
  const clean = (raw: unknown, path: string[], depth: number, siblings: Set<string>, keys: Set<string>): EconomyRow | null => {
    count += 1;
    if (!isRecord(raw)) {
      issues.push({ row: path.join(' › ') || null, column: null, message: 'En rad har fel format.' });
      return null;
    }
    const label = typeof raw['label'] === 'string' ? raw['label'].trim() : '';
    const where = [...path, label || '(utan namn)'].join(' › ');
    if (!label) issues.push({ row: where, column: null, message: 'Raden saknar namn.' });
    if (label.length > ECONOMY_LIMITS.maxLabel) issues.push({ row: where, column: null, message: `Namnet får vara högst ${ECONOMY_LIMITS.maxLabel} tecken.` });
    const lower = label.toLocaleLowerCase('sv-SE');
    if (label && siblings.has(lower)) issues.push({ row: where, column: null, message: `Raden "${label}" förekommer två gånger.` });
    siblings.add(lower);
    const key = typeof raw['key'] === 'string' && KEY.test(raw['key']) ? raw['key'] : null;
    if (!key) issues.push({ row: where, column: null, message: 'Raden saknar en giltig nyckel.' });
    else if (keys.has(key)) issues.push({ row: where, column: null, message: `Nyckeln "${key}" förekommer två gånger.` });
    else keys.add(key);

    const childrenRaw = Array.isArray(raw['children']) ? raw['children'] : [];
    if (childrenRaw.length && depth + 1 >= ECONOMY_LIMITS.maxDepth) {
      issues.push({ row: where, column: null, message: `Underrader kan ligga högst ${ECONOMY_LIMITS.maxDepth - 1} nivåer ned.` });
    }
    const values: Figures = {};
    const rawValues = isRecord(raw['values']) ? raw['values'] : {};
    for (const [column, value] of Object.entries(rawValues)) {
      if (value === null || value === undefined) continue;
      if (!(config.columns as readonly string[]).includes(column)) {
        issues.push({ row: where, column: null, message: `Kolumnen "${column}" finns inte i tabellen.` });
        continue;
      }
      const col = column as EconomyColumn;
      const refused = refusal(config, col, value, childrenRaw.length > 0);
      if (refused !== null) {
        issues.push({ row: where, column: col, message: refused });
        continue;
      }
      values[col] = value as number;
    }
    const comment = typeof raw['comment'] === 'string' ? raw['comment'].trim() : '';
    if (comment.length > ECONOMY_LIMITS.maxComment) {
      issues.push({ row: where, column: null, message: `Kommentaren får vara högst ${ECONOMY_LIMITS.maxComment} tecken.` });
    }
    const childSiblings = new Set<string>();
    const children = childrenRaw
      .map((child) => clean(child, [...path, label], depth + 1, childSiblings, keys))
      .filter((c): c is EconomyRow => c !== null);
    const source = readSource(raw['source']);
    return {
      key: key ?? '',
      label,
      values,
      ...(comment ? { comment } : {}),
      ...(children.length ? { children } : {}),
      ...(source ? { source } : {}),
    };
  };
  const siblings = new Set<string>();
  const keys = new Set<string>();
  const rows = (input['rows'] as unknown[]).map((row) => clean(row, [], 0, siblings, keys)).filter((r): r is EconomyRow => r !== null);
  if (count > ECONOMY_LIMITS.maxRows) {
    issues.push({ row: null, column: null, message: `Tabellen får ha högst ${ECONOMY_LIMITS.maxRows} rader.` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, content: { type: 'economy', rows } };
}

export interface TotalDisagreement {
  row: string;
  column: EconomyColumn;
  printed: number;
  computed: number | null;
}

/**
 * Compares totals a file or a report printed with what its rows add up to: one entry per
 * disagreeing cell, with both numbers. `printed` maps a row (by label path, `null` for the
 * table's total) to its printed figures.
 */
export function checkPrintedTotals(
  config: EconomyTableConfig,
  computed: ComputedEconomy,
  printed: ReadonlyArray<{ row: string | null; values: Figures }>,
): TotalDisagreement[] {
  const byPath = new Map<string, Figures>();
  const walk = (rows: readonly ComputedRow[], path: string[]) => {
    for (const row of rows) {
      const here = [...path, row.label];
      if (row.subtotal) byPath.set(here.join(' › '), row.values);
      walk(row.children, here);
    }
  };
  walk(computed.rows, []);
  const tolerance = 10 ** -moneyDecimals(config) / 2;
  const out: TotalDisagreement[] = [];
  for (const { row, values } of printed) {
    const actual = row === null ? computed.total : byPath.get(row);
    for (const column of config.columns) {
      const printedValue = values[column];
      if (typeof printedValue !== 'number') continue;
      const value = actual?.[column] ?? null;
      if (value === null || Math.abs(value - printedValue) > tolerance) {
        out.push({ row: row ?? 'Totalt', column, printed: printedValue, computed: value });
      }
    }
  }
  return out;
}

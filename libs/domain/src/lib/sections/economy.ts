/**
 * The economy section (domain.md, "Sections and their content"): a table per verksamhet or
 * enhet, with sub-rows that sum to their row and rows that sum to the table's total. Every
 * derived figure — netto, deviations, per cent of budget, sub-totals, the total — is computed
 * here and only here; the backend validates with it, the frontend shows its results live.
 *
 * Signs follow the references: income positive, costs negative, net results negative; a
 * positive deviation is better than budget (deviation = actual − budget, both signed).
 */
import { formatNumber } from '../format';

export const ECONOMY_COLUMNS = [
  'income',
  'costs',
  'net',
  'budget_income',
  'budget_costs',
  'budget_net',
  'budget_deviation',
  'annual_budget',
  'forecast',
  'forecast_deviation',
  'percent_of_budget',
  'previous_year',
  'earlier_result',
  'earlier_forecast',
] as const;
export type EconomyColumn = (typeof ECONOMY_COLUMNS)[number];

export const ECONOMY_COLUMN_LABELS: Readonly<Record<EconomyColumn, string>> = {
  income: 'Utfall intäkter',
  costs: 'Utfall kostnader',
  net: 'Utfall netto',
  budget_income: 'Budget intäkter',
  budget_costs: 'Budget kostnader',
  budget_net: 'Budget netto',
  budget_deviation: 'Budgetavvikelse',
  annual_budget: 'Helårsbudget',
  forecast: 'Prognos',
  forecast_deviation: 'Prognosavvikelse',
  percent_of_budget: 'Utfall i % av helårsbudget',
  previous_year: 'Bokslut föregående år',
  earlier_result: 'Resultat tidigare period',
  earlier_forecast: 'Prognos tidigare period',
};

interface Formula {
  inputs: readonly EconomyColumn[];
  compute: (v: Readonly<Partial<Record<EconomyColumn, number>>>) => number | null;
}

/**
 * How each derived column follows from others. A column is computed when every input of its
 * formula is a column of the table; otherwise it is entered (Gnesta prints its deviation
 * against budget as "Resultat" without the figures behind it).
 */
export const ECONOMY_FORMULAS: Readonly<Partial<Record<EconomyColumn, Formula>>> = {
  net: { inputs: ['income', 'costs'], compute: (v) => sum(v.income, v.costs) },
  budget_net: { inputs: ['budget_income', 'budget_costs'], compute: (v) => sum(v.budget_income, v.budget_costs) },
  budget_deviation: { inputs: ['net', 'budget_net'], compute: (v) => difference(v.net, v.budget_net) },
  forecast_deviation: { inputs: ['forecast', 'annual_budget'], compute: (v) => difference(v.forecast, v.annual_budget) },
  percent_of_budget: {
    inputs: ['net', 'annual_budget'],
    compute: (v) => (v.net === undefined || !v.annual_budget ? null : round((v.net / v.annual_budget) * 100, 1)),
  },
};

/** Columns that are not sums: a sub-total row gets them from its own figures, not by adding. */
const RATIO_COLUMNS: readonly EconomyColumn[] = ['percent_of_budget'];

export type MoneyUnit = 'tkr' | 'mnkr';

/** Decimals shown and stored per unit: whole tkr, mnkr with one decimal. */
export const MONEY_DECIMALS: Readonly<Record<MoneyUnit, number>> = { tkr: 0, mnkr: 1 };

/** How a template lays out an economy table. */
export interface EconomyTableConfig {
  unit: MoneyUnit;
  columns: readonly EconomyColumn[];
  /** The column headings as the municipality prints them (`Budget 2021`, `Resultat per April`). */
  labels?: Partial<Record<EconomyColumn, string>>;
}

export interface EconomyRow {
  /** Stable within the table (the import and the figure diff follow rows by it). */
  key: string;
  label: string;
  /** Entered figures only; computed ones are never stored. */
  values: Partial<Record<EconomyColumn, number | null>>;
  comment?: string;
  /** Sub-rows (e.g. Heldygnsvård under Barn och unga 0-20 år): the row's figures are their sum. */
  children?: EconomyRow[];
  /** Where the row's figures came from when they were imported: the import's record and the file's line. */
  source?: EconomyRowSource;
}

export interface EconomyRowSource {
  importId: string;
  line: number;
}

const SOURCE_ID = /^[0-9a-f-]{36}$/i;

/** A row's import trace as stored, or null when it is missing or not one (it is then dropped, never an error). */
function readSource(value: unknown): EconomyRowSource | null {
  if (!isRecord(value)) return null;
  const { importId, line } = value;
  return typeof importId === 'string' && SOURCE_ID.test(importId) && typeof line === 'number' && Number.isInteger(line) && line > 0
    ? { importId, line }
    : null;
}

export interface EconomyContent {
  type: 'economy';
  rows: EconomyRow[];
}

export function isComputed(config: EconomyTableConfig, column: EconomyColumn): boolean {
  const formula = ECONOMY_FORMULAS[column];
  return formula !== undefined && formula.inputs.every((input) => config.columns.includes(input));
}

/** The columns a person (or an import) fills in. */
export function inputColumns(config: EconomyTableConfig): EconomyColumn[] {
  return config.columns.filter((column) => !isComputed(config, column));
}

export function columnLabel(config: EconomyTableConfig, column: EconomyColumn): string {
  return config.labels?.[column] ?? ECONOMY_COLUMN_LABELS[column];
}

export type Figures = Partial<Record<EconomyColumn, number | null>>;

export interface ComputedRow {
  key: string;
  label: string;
  depth: number;
  values: Figures;
  comment?: string;
  /** Whether the row's figures are the sum of its sub-rows. */
  subtotal: boolean;
  children: ComputedRow[];
}

export interface ComputedEconomy {
  rows: ComputedRow[];
  /** The table's total (the nämnd total in the nämnd table). */
  total: Figures;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function sum(...values: Array<number | undefined>): number | null {
  if (values.every((v) => v === undefined)) return null;
  return round(values.reduce<number>((acc, v) => acc + (v ?? 0), 0), 6);
}

function difference(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined) return null;
  return round(a - b, 6);
}

/** Fills in every computed column of a set of figures, in formula order. */
function derive(config: EconomyTableConfig, entered: Figures): Figures {
  const known: Partial<Record<EconomyColumn, number>> = {};
  for (const column of config.columns) {
    const value = entered[column];
    if (typeof value === 'number' && !isComputed(config, column)) known[column] = value;
  }
  const result: Figures = {};
  for (const column of ECONOMY_COLUMNS) {
    if (!config.columns.includes(column)) continue;
    if (isComputed(config, column)) {
      const value = (ECONOMY_FORMULAS[column] as Formula).compute(known);
      if (value !== null) known[column] = value;
    }
  }
  for (const column of config.columns) result[column] = known[column] ?? null;
  return result;
}

/** Adds rows' figures column by column (ratio columns are derived again from the sums). */
function addUp(config: EconomyTableConfig, rows: readonly Figures[]): Figures {
  const entered: Figures = {};
  for (const column of inputColumns(config)) {
    if (RATIO_COLUMNS.includes(column)) continue;
    const present = rows.map((r) => r[column]).filter((v): v is number => typeof v === 'number');
    entered[column] = present.length ? round(present.reduce((a, b) => a + b, 0), 6) : null;
  }
  return derive(config, entered);
}

/** Every figure of the table: entered ones, computed columns, sub-totals from sub-rows, and the total. */
export function computeEconomy(config: EconomyTableConfig, content: EconomyContent): ComputedEconomy {
  const visit = (row: EconomyRow, depth: number): ComputedRow => {
    const children = (row.children ?? []).map((child) => visit(child, depth + 1));
    const values = children.length ? addUp(config, children.map((c) => c.values)) : derive(config, row.values);
    return { key: row.key, label: row.label, depth, values, comment: row.comment, subtotal: children.length > 0, children };
  };
  const rows = content.rows.map((row) => visit(row, 0));
  return { rows, total: addUp(config, rows.map((r) => r.values)) };
}

export interface EconomyIssue {
  /** The row's labels from the top (`Barn och unga 0-20 år › Heldygnsvård`), null for the whole table. */
  row: string | null;
  column: EconomyColumn | null;
  message: string;
}

export type EconomyCheck = { ok: true; content: EconomyContent } | { ok: false; issues: EconomyIssue[] };

export const ECONOMY_LIMITS = { maxRows: 2_000, maxDepth: 2, maxLabel: 200, maxComment: 5_000, maxAbs: 1e12 };

const KEY = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * Checks an economy table against its template's layout and returns it in clean form: rows
 * with a name, no row twice among its siblings, figures only in entered columns, finite
 * numbers with the unit's decimals, costs not positive and income not negative, sub-rows at
 * most one level down. Every problem is reported with its row and column, in Swedish.
 */
export function checkEconomy(config: EconomyTableConfig, input: unknown): EconomyCheck {
  const issues: EconomyIssue[] = [];
  if (!isRecord(input) || input['type'] !== 'economy' || !Array.isArray(input['rows'])) {
    return { ok: false, issues: [{ row: null, column: null, message: 'Innehållet är inte en ekonomitabell.' }] };
  }
  const decimals = MONEY_DECIMALS[config.unit];
  const entered = inputColumns(config);
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
      issues.push({ row: where, column: null, message: 'Underrader kan bara ligga en nivå ned.' });
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
      const name = columnLabel(config, col);
      if (!entered.includes(col) || childrenRaw.length) {
        issues.push({
          row: where,
          column: col,
          message: childrenRaw.length
            ? `${name} summeras från underraderna och skrivs inte in.`
            : `${name} räknas ut och skrivs inte in.`,
        });
        continue;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push({ row: where, column: col, message: `${name}: "${String(value)}" är inte ett tal.` });
        continue;
      }
      if (Math.abs(value) > ECONOMY_LIMITS.maxAbs) {
        issues.push({ row: where, column: col, message: `${name}: ${formatNumber(value)} är orimligt stort.` });
        continue;
      }
      if (round(value, decimals) !== value) {
        issues.push({
          row: where,
          column: col,
          message: `${name}: anges i ${config.unit} med ${decimals === 0 ? 'heltal' : `${decimals} decimal`}.`,
        });
        continue;
      }
      if ((col === 'costs' || col === 'budget_costs') && value > 0) {
        issues.push({ row: where, column: col, message: `${name}: kostnader anges som negativa tal (${formatNumber(-value)}).` });
        continue;
      }
      if ((col === 'income' || col === 'budget_income') && value < 0) {
        issues.push({ row: where, column: col, message: `${name}: intäkter anges som positiva tal.` });
        continue;
      }
      values[col] = value;
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
  const tolerance = 10 ** -MONEY_DECIMALS[config.unit] / 2;
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

/** One changed cell between two versions of a table: what the reviewer sees. */
export interface CellChange {
  row: string;
  column: string;
  before: number | string | null;
  after: number | string | null;
}

/** The cells that differ between two economy tables, computed ones included (rows followed by key). */
export function diffEconomy(config: EconomyTableConfig, before: EconomyContent, after: EconomyContent): CellChange[] {
  const flatten = (content: EconomyContent) => {
    const cells = new Map<string, { row: string; column: string; value: number | string | null }>();
    const walk = (rows: readonly ComputedRow[], path: string[]) => {
      for (const row of rows) {
        const here = [...path, row.label].join(' › ');
        for (const column of config.columns) {
          cells.set(`${row.key}:${column}`, { row: here, column: columnLabel(config, column), value: row.values[column] ?? null });
        }
        cells.set(`${row.key}:comment`, { row: here, column: 'Kommentar', value: row.comment ?? null });
        walk(row.children, [...path, row.label]);
      }
    };
    const computed = computeEconomy(config, content);
    walk(computed.rows, []);
    for (const column of config.columns) {
      cells.set(`total:${column}`, { row: 'Totalt', column: columnLabel(config, column), value: computed.total[column] ?? null });
    }
    return cells;
  };
  const a = flatten(before);
  const b = flatten(after);
  const changes: CellChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const beforeValue = x?.value ?? null;
    const afterValue = y?.value ?? null;
    if (beforeValue !== afterValue) {
      changes.push({ row: (y ?? x)?.row ?? '', column: (y ?? x)?.column ?? '', before: beforeValue, after: afterValue });
    }
  }
  return changes;
}

/**
 * The nämnd-level table from the units' approved tables: one row per unit with its table's
 * total, the unit's own rows beneath it, and the nämnd total over all of them.
 */
export function combineEconomy(
  config: EconomyTableConfig,
  units: ReadonlyArray<{ key: string; name: string; content: EconomyContent }>,
): ComputedEconomy {
  const rows: ComputedRow[] = units.map((unit) => {
    const computed = computeEconomy(config, unit.content);
    const children = computed.rows.map(function deepen(row: ComputedRow): ComputedRow {
      return { ...row, depth: row.depth + 1, children: row.children.map(deepen) };
    });
    return { key: unit.key, label: unit.name, depth: 0, values: computed.total, subtotal: true, children };
  });
  return { rows, total: addUp(config, rows.map((r) => r.values)) };
}

/**
 * The nämnd table as content to store in the nämnd-level section: a row per unit (keyed
 * `u-` and the first 12 characters of its id, without hyphens) with the unit's top-level rows
 * beneath it, each carrying its computed figures in the entered columns (sub-rows folded into
 * their row). Totals stay computed by `computeEconomy`, so the nämnd total is never typed.
 * Unit tables with another layout are read through this layout's entered columns.
 */
export function committeeEconomyContent(
  config: EconomyTableConfig,
  units: ReadonlyArray<{ unitId: string; name: string; config: EconomyTableConfig; content: EconomyContent }>,
): EconomyContent {
  const entered = inputColumns(config);
  return {
    type: 'economy',
    rows: units.map((unit) => {
      const computed = computeEconomy(unit.config, unit.content);
      const unitKey = `u-${unit.unitId.replace(/-/g, '').slice(0, 12)}`;
      return {
        key: unitKey,
        label: unit.name,
        values: {},
        children: computed.rows.map((row) => {
          const values: Figures = {};
          for (const column of entered) {
            const value = row.values[column];
            if (typeof value === 'number') values[column] = value;
          }
          return { key: `${unitKey}-${row.key}`.slice(0, 60), label: row.label, values };
        }),
      };
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A new cycle's table from the previous cycle's approved one, so nothing is retyped: the same
 * rows (keys, names, sub-rows), the earlier period's result and forecast in the "per <earlier
 * period>" columns, and — within the same year — the annual budget. Everything else starts empty.
 */
export function carryEconomyForward(
  config: EconomyTableConfig,
  previousConfig: EconomyTableConfig,
  previous: EconomyContent,
  sameYear: boolean,
): EconomyContent {
  const computed = computeEconomy(previousConfig, previous);
  const pick = (values: Figures, ...columns: EconomyColumn[]): number | null => {
    for (const column of columns) {
      const value = values[column];
      if (typeof value === 'number') return value;
    }
    return null;
  };
  const entered = inputColumns(config);
  const carry = (row: ComputedRow): EconomyRow => {
    const values: Figures = {};
    if (row.children.length === 0) {
      const earlierResult = pick(row.values, 'budget_deviation', 'net');
      const earlierForecast = pick(row.values, 'forecast_deviation', 'forecast');
      const annual = pick(row.values, 'annual_budget');
      if (entered.includes('earlier_result') && earlierResult !== null) values.earlier_result = earlierResult;
      if (entered.includes('earlier_forecast') && earlierForecast !== null) values.earlier_forecast = earlierForecast;
      if (sameYear && entered.includes('annual_budget') && annual !== null) values.annual_budget = annual;
    }
    return {
      key: row.key,
      label: row.label,
      values,
      ...(row.children.length ? { children: row.children.map(carry) } : {}),
    };
  };
  return { type: 'economy', rows: computed.rows.map(carry) };
}

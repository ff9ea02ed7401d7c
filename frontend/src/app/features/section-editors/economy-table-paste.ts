/**
 * Pasting a block copied from Excel or a printed report into the economy table editor: cells map
 * to the columns as shown, values under computed columns are left out and named. No Angular, no DOM.
 */
import {
  columnLabel,
  computeEconomy,
  type ComputedRow,
  type EconomyColumn,
  type EconomyTableConfig,
  formatNumber,
  inputColumns,
  moneyDecimals,
  parseSwedishNumber,
} from '@rapportflode/domain';
import { newRow, cellText, fitsUnit, computedText, readEditRows, updateRow, type EditRow, cellId } from './economy-table';

function looksLikeLabel(text: string): boolean {
  return /\p{L}/u.test(text) && !parseSwedishNumber(text).ok && !/^\s*[+\-\u2212]?\d/.test(text);
}

export interface PasteResult {
  rows: EditRow[];
  /** The pasted texts that are not numbers (they stay in their cells, marked): `<row>, <column>: <message>`. */
  errors: string[];
  /** Values beyond the table's last column, left out. */
  skipped: number;
  /** The computed columns that pasted values landed on (left out: the table computes them), by heading. */
  computed: string[];
  /** Pasted values of computed columns that differ from what the row computes: `<row>, <column>: inklistrat …, uträknat …`. */
  disagreements: string[];
  /** The first cell filled, for focus. */
  firstCellId: string | null;
}

/**
 * Fills a pasted block from a cell rightwards and downwards across the start row and its
 * following siblings (rows with sub-rows skipped), adding rows as needed. The pasted cells go
 * to the table's columns as they are shown, computed ones included, so a row copied from a
 * printed table puts every figure under its own heading: a value under a computed column is
 * left out (the table computes it) and compared with what the row computes. A line's first cell
 * is the row's name when it is text (it names a new or unnamed row), or when the paste starts at
 * the row's name.
 */
export function applyPaste(
  config: EconomyTableConfig,
  rows: readonly EditRow[],
  start: { key: string; column: EconomyColumn | 'label' },
  block: readonly string[][],
  random?: () => number,
): PasteResult {
  const visible = config.columns;
  const entered = inputColumns(config);
  const startIndex = start.column === 'label' ? 0 : visible.indexOf(start.column);
  const errors: string[] = [];
  const landedOnComputed = new Set<EconomyColumn>();
  const pastedComputed: Array<{ key: string; column: EconomyColumn; text: string }> = [];
  let skipped = 0;
  let firstCellId: string | null = null;
  const none = (): PasteResult => ({ rows: [...rows], errors, skipped, computed: [], disagreements: [], firstCellId });
  if (startIndex < 0) return none();

  // The sibling list the start row is in, and a way to write it back.
  const findSiblings = (list: readonly EditRow[], parent: string | null): { list: readonly EditRow[]; parent: string | null } | null => {
    if (list.some((row) => row.key === start.key)) return { list, parent };
    for (const row of list) {
      const found = findSiblings(row.children, row.key);
      if (found) return found;
    }
    return null;
  };
  const place = findSiblings(rows, null);
  if (!place) return none();
  const siblings = place.list.map((row) => ({ ...row, cells: { ...row.cells } }));
  let at = siblings.findIndex((row) => row.key === start.key);
  for (const line of block) {
    while (at < siblings.length && siblings[at].children.length > 0) at += 1;
    let created = false;
    if (at >= siblings.length) {
      siblings.push(newRow(random));
      created = true;
    }
    const row = siblings[at];
    let cells = [...line];
    if (start.column === 'label' || (cells.length > 0 && looksLikeLabel(cells[0]))) {
      const label = (cells.shift() ?? '').trim();
      if (label && (start.column === 'label' || created || row.label.trim() === '')) row.label = label;
    }
    cells = cells.map((c) => c.trim());
    cells.forEach((text, i) => {
      const column = visible[startIndex + i];
      if (!column) {
        if (text !== '') skipped += 1;
        return;
      }
      if (!entered.includes(column)) {
        if (text !== '') {
          landedOnComputed.add(column);
          pastedComputed.push({ key: row.key, column, text });
        }
        return;
      }
      const parsed = parseSwedishNumber(text);
      row.cells[column] = parsed.ok && parsed.value !== null && fitsUnit(config, parsed.value) ? cellText(config, parsed.value) : text;
      if (!parsed.ok) errors.push(`${row.label.trim() || 'Ny rad'}, ${columnLabel(config, column)}: ${parsed.message}`);
      firstCellId ??= cellId(row.key, column);
    });
    at += 1;
  }
  const next = place.parent === null ? siblings : updateRow(rows, place.parent, (row) => ({ ...row, children: siblings }));
  return {
    rows: next,
    errors,
    skipped,
    computed: visible.filter((c) => landedOnComputed.has(c)).map((c) => columnLabel(config, c)),
    disagreements: computedDisagreements(config, next, pastedComputed),
    firstCellId,
  };
}

/** Pasted values of computed columns that are numbers and differ (in the unit's precision) from what their row computes. */
function computedDisagreements(
  config: EconomyTableConfig,
  rows: readonly EditRow[],
  pasted: ReadonlyArray<{ key: string; column: EconomyColumn; text: string }>,
): string[] {
  if (pasted.length === 0) return [];
  const byKey = new Map<string, ComputedRow>();
  const index = (list: readonly ComputedRow[]) => list.forEach((row) => (byKey.set(row.key, row), index(row.children)));
  index(computeEconomy(config, readEditRows(config, rows).content).rows);
  const out: string[] = [];
  for (const { key, column, text } of pasted) {
    const percent = column === 'percent_of_budget';
    const parsed = parseSwedishNumber(text, { percent });
    if (!parsed.ok || parsed.value === null) continue;
    const row = byKey.get(key);
    const value = row?.values[column];
    const decimals = percent ? 1 : moneyDecimals(config);
    const tolerance = 10 ** -decimals / 2;
    if (typeof value === 'number' && Math.abs(value - parsed.value) <= tolerance) continue;
    const name = row?.label.trim() || 'Ny rad';
    const shown = (v: number) => (percent ? `${formatNumber(v, 1)} %` : computedText(config, column, v));
    out.push(
      typeof value === 'number'
        ? `${name}, ${columnLabel(config, column)}: inklistrat ${shown(parsed.value)}, men raden räknas ut till ${shown(value)}.`
        : `${name}, ${columnLabel(config, column)}: inklistrat ${shown(parsed.value)}, men raden har inte siffrorna som värdet räknas ut från.`,
    );
  }
  return out;
}

/** What a paste did, for the note under the table: `2 rader inklistrade. …` */
export function economyPasteNote(lines: number, result: PasteResult): string {
  const parts = [lines === 1 ? 'En rad inklistrad.' : `${lines} rader inklistrade.`];
  if (result.errors.length) parts.push(result.errors.length === 1 ? 'Ett värde är inte ett tal och är markerat.' : `${result.errors.length} värden är inte tal och är markerade.`);
  if (result.computed.length) {
    const list = result.computed.length === 1 ? result.computed[0] : `${result.computed.slice(0, -1).join(', ')} och ${result.computed[result.computed.length - 1]}`;
    parts.push(`Värdena under ${list} lästes inte in: ${result.computed.length === 1 ? 'kolumnen räknas' : 'kolumnerna räknas'} ut av tabellen.`);
  }
  parts.push(...result.disagreements);
  if (result.skipped) parts.push(result.skipped === 1 ? 'Ett värde fick inte plats i tabellen.' : `${result.skipped} värden fick inte plats i tabellen.`);
  return parts.join(' ');
}

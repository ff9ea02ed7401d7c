/**
 * One unit's rows as an economy table: every row gets a key (the file's, the one the row had
 * before, or one made from its name), keeps its earlier comment when the file has none, and
 * remembers the file's line it came from.
 */
import type { EconomyContent, EconomyRow } from '../economy';
import type { PendingRow, PendingUnit } from './rows';
import { KEY, lower } from './types';

/** `heldygnsvard`, `barn-och-unga-0-20-ar`: a key from a row's name, for files without keys. */
export function rowKeyFromLabel(label: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'rad';
}

/** A unit's table as built from the file (checked by the caller). */
export interface UnitTable {
  content: EconomyContent;
  /** A row's names from the top (`Barn och unga › Heldygnsvård`) → its line in the file. */
  lineOf: Map<string, number>;
  /** Every row read, sub-rows after their parent. */
  rows: PendingRow[];
}

/** The table of one unit's rows; `previous` is the unit's current table, `importId` marks every row's source. */
export function buildUnitTable(bucket: PendingUnit, previous: EconomyContent | null, importId: string | undefined): UnitTable {
  const previousByPath = new Map<string, EconomyRow>();
  const walkPrevious = (rows: readonly EconomyRow[], path: string[]) => {
    for (const row of rows) {
      const here = [...path, lower(row.label)];
      previousByPath.set(here.join('\u0000'), row);
      walkPrevious(row.children ?? [], here);
    }
  };
  walkPrevious(previous?.rows ?? [], []);
  const used = new Set<string>();
  const lineOf = new Map<string, number>();
  const all: PendingRow[] = [];
  const collect = (rows: readonly PendingRow[]) => {
    for (const row of rows) {
      all.push(row);
      collect(row.children);
    }
  };
  collect(bucket.rows);
  for (const row of all) if (row.key) used.add(row.key);
  const assignKey = (row: PendingRow, path: string[]) => {
    if (row.key) return row.key;
    const old = previousByPath.get(path.join('\u0000'));
    if (old && KEY.test(old.key) && !used.has(old.key)) {
      used.add(old.key);
      return old.key;
    }
    const base = rowKeyFromLabel(row.label);
    let key = base;
    for (let n = 2; used.has(key); n += 1) key = `${base}-${n}`;
    used.add(key);
    return key;
  };
  const build = (row: PendingRow, path: string[], names: string[]): EconomyRow => {
    const here = [...path, lower(row.label)];
    const named = [...names, row.label];
    lineOf.set(named.join(' › '), row.line);
    const key = assignKey(row, here);
    const old = previousByPath.get(here.join('\u0000'));
    const comment = row.comment || old?.comment || '';
    const children = row.children.map((child) => build(child, here, named));
    return {
      key,
      label: row.label,
      values: children.length ? {} : row.values,
      ...(comment ? { comment } : {}),
      ...(children.length ? { children } : {}),
      ...(importId ? { source: { importId, line: row.line } } : {}),
    };
  };
  const content: EconomyContent = { type: 'economy', rows: bucket.rows.map((row) => build(row, [], [])) };
  return { content, lineOf, rows: all };
}

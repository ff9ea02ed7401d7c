/**
 * A unit's rows put in their places once the whole file is read (rows.ts reads them): a row
 * names its parent in the parent column, by the parent's name (`Heldygnsvård`) or, where that
 * name is not unique, by the way down to it (`Barn och unga › Heldygnsvård`). Rows may nest as
 * deep as an economy table allows (ECONOMY_LIMITS.maxDepth levels, ../economy/check.ts). A
 * parent only named, never printed, is a row of the top level (its figures are its sub-rows').
 * Refused, with the file's line: a way that leads nowhere, a name that is not unique, a row that
 * lies under itself, rows nested too deep, and a row twice under the same parent.
 */
import { ECONOMY_LIMITS } from '../economy';
import type { PendingRow, PendingUnit } from './rows';
import { type AddIssue, lower } from './types';

/** `Barn och unga › Heldygnsvård` (also with `>`) as its names; one name is a way of one step. */
export function parentPath(text: string): string[] {
  return text
    .split(/\s*[›>]\s*/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The lower-case key of a way down to a row, as `byPath` holds it. */
export const pathKey = (names: readonly string[]) => names.map(lower).join(' › ');

/**
 * Places the unit's rows (`bucket.read`, in file order) as its table: `bucket.rows` at the top,
 * every row's `children` and `path`, and `bucket.byPath` (a row by its name, when unique, and by
 * its way down). `labelColumn` and `parentColumn` are the file's headers the issues name.
 */
export function nestRows(bucket: PendingUnit, labelColumn: string, parentColumn: string | null, add: AddIssue): void {
  const unitName = bucket.unit.name;
  const rows = bucket.read;
  const byName = new Map<string, PendingRow[]>();
  for (const row of rows) byName.set(lower(row.label), [...(byName.get(lower(row.label)) ?? []), row]);

  const parentOf = new Map<PendingRow, PendingRow | null>();
  const implied = new Map<string, PendingRow>();
  const refused = new Set<PendingRow>();
  const waits: Array<{ row: PendingRow; names: string[] }> = [];
  for (const row of rows) {
    const names = parentPath(row.parentName);
    if (names.length === 0) {
      parentOf.set(row, null);
      continue;
    }
    if (names.length > 1) {
      waits.push({ row, names });
      continue;
    }
    const candidates = byName.get(lower(names[0])) ?? [];
    if (candidates.length > 1) {
      add(
        row.line,
        parentColumn,
        `${unitName}: det finns ${candidates.length} rader som heter "${names[0]}" (rad ${candidates.map((c) => c.line).join(', ')}). ` +
          `Skriv vägen till överraden uppifrån med › emellan, t.ex. "Överrad › ${names[0]}".`,
      );
      refused.add(row);
      continue;
    }
    if (candidates.length === 1) {
      parentOf.set(row, candidates[0]);
      continue;
    }
    let parent = implied.get(lower(names[0]));
    if (!parent) {
      parent = { line: row.line, label: names[0], key: null, comment: '', values: {}, printed: {}, children: [], explicit: false, parentName: '', path: [] };
      implied.set(lower(names[0]), parent);
      parentOf.set(parent, null);
    }
    parentOf.set(row, parent);
  }

  // A way down (`A › B`): followed from the top through rows already placed, until nothing more can be placed.
  const childrenOf = (parent: PendingRow | null) =>
    [...parentOf.entries()].filter(([child, p]) => p === parent && !refused.has(child)).map(([child]) => child);
  let progress = true;
  while (waits.length && progress) {
    progress = false;
    for (let i = 0; i < waits.length; i += 1) {
      const { row, names } = waits[i];
      let at: PendingRow | null = null;
      let found = true;
      for (const name of names) {
        const next: PendingRow[] = childrenOf(at).filter((child) => lower(child.label) === lower(name) && child !== row);
        if (next.length !== 1) {
          found = false;
          break;
        }
        at = next[0];
      }
      if (!found) continue;
      parentOf.set(row, at);
      waits.splice(i, 1);
      i -= 1;
      progress = true;
    }
  }
  for (const { row, names } of waits) {
    add(row.line, parentColumn, `${unitName}: överraden "${names.join(' › ')}" till raden "${row.label}" finns inte i filen.`);
    refused.add(row);
  }

  // A row under itself, and rows too deep.
  const ancestors = (row: PendingRow): { chain: PendingRow[]; ring: boolean } => {
    const chain: PendingRow[] = [];
    let at = parentOf.get(row) ?? null;
    while (at !== null) {
      if (at === row || chain.includes(at)) return { chain, ring: true };
      chain.push(at);
      at = parentOf.get(at) ?? null;
    }
    return { chain, ring: false };
  };
  for (const row of rows) {
    if (refused.has(row) || !parentOf.has(row)) continue;
    const { chain, ring } = ancestors(row);
    if (ring) {
      const names = [row.label];
      for (let at = parentOf.get(row) ?? null; at !== null && at !== row && names.length <= rows.length; at = parentOf.get(at) ?? null) names.push(at.label);
      names.push(row.label);
      add(row.line, parentColumn, `${unitName}: raden "${row.label}" ligger under sig själv (${names.join(' › ')}). Ange en överrad som inte ligger under raden.`);
      refused.add(row);
      continue;
    }
    if (chain.some((a) => refused.has(a))) {
      refused.add(row);
      continue;
    }
    if (chain.length >= ECONOMY_LIMITS.maxDepth) {
      if (chain.length === ECONOMY_LIMITS.maxDepth) {
        const way = [...chain].reverse().map((a) => a.label);
        add(
          row.line,
          parentColumn,
          `${unitName}: raden "${row.label}" ligger ${chain.length + 1} nivåer ned (${[...way, row.label].join(' › ')}). ` +
            `En ekonomitabell har högst ${ECONOMY_LIMITS.maxDepth} nivåer: raden, dess underrader och deras underrader.`,
        );
      }
      refused.add(row);
    }
  }

  // The table: siblings in the order of the file (a parent where its first row stands), a row twice under the same parent refused.
  const first = new Map<PendingRow, number>();
  const placed = [...parentOf.keys()].filter((row) => !refused.has(row));
  for (const row of placed) {
    for (let at: PendingRow | null = row; at !== null; at = parentOf.get(at) ?? null) first.set(at, Math.min(first.get(at) ?? Infinity, row.line));
  }
  const byFirst = (a: PendingRow, b: PendingRow) => (first.get(a) ?? a.line) - (first.get(b) ?? b.line) || a.line - b.line;
  bucket.rows = [];
  bucket.byPath = new Map();
  const build = (parent: PendingRow | null, path: string[]): PendingRow[] => {
    const seen = new Map<string, PendingRow>();
    const out: PendingRow[] = [];
    for (const row of placed.filter((r) => (parentOf.get(r) ?? null) === parent).sort(byFirst)) {
      const earlier = seen.get(lower(row.label));
      if (earlier) {
        add(row.line, labelColumn, `Raden "${[...path, row.label].join(' › ')}" för ${unitName} förekommer redan på rad ${earlier.line}.`);
        continue;
      }
      seen.set(lower(row.label), row);
      row.path = [...path, row.label];
      bucket.byPath.set(pathKey(row.path), row);
      if (!bucket.byPath.has(lower(row.label))) bucket.byPath.set(lower(row.label), row);
      row.children = build(row, row.path);
      out.push(row);
    }
    return out;
  };
  bucket.rows = build(null, []);
}

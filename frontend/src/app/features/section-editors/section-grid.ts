/**
 * What every table-like section editor shares (economy, action plan, internal control, goals,
 * generic tables): stable row keys, a block pasted from Excel, moving rows, ids for inputs and
 * their messages, and putting the domain check's issues at the field they are about. No
 * Angular, no DOM.
 */

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new row's key: `r-` and eight random characters (matches the domain's row key rule). */
export function newRowKey(random: () => number = Math.random): string {
  let out = '';
  for (let i = 0; i < 8; i += 1) out += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length) % KEY_ALPHABET.length];
  return `r-${out}`;
}

/** A block copied from Excel: lines by newline, cells by tab (a trailing newline is no extra line). */
export function parsePastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/** Whether a pasted block is worth handling as cells (more than one cell). */
export function isBlock(cells: readonly string[][]): boolean {
  return cells.length > 1 || (cells[0]?.length ?? 0) > 1;
}

/** The list with the item at `from` moved by `by` places (clamped); the same list when it cannot move. */
export function moveItem<T>(list: readonly T[], from: number, by: number): T[] {
  const to = Math.min(list.length - 1, Math.max(0, from + by));
  if (from < 0 || from >= list.length || to === from) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** DOM-safe id of a field: `<prefix>-<row key>-<field>`. */
export function fieldId(prefix: string, key: string, field: string): string {
  return `${prefix}-${key}-${field}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Where a field's message is: `<row key>:<field>` (row key '' for a section without rows). */
export function fieldRef(key: string, field: string): string {
  return `${key}:${field}`;
}

/**
 * Where Enter goes in a grid: the same field in the next row, or null in the last row.
 * `order` is the row keys top to bottom.
 */
export function nextRowKey(order: readonly string[], key: string): string | null {
  const at = order.indexOf(key);
  return at >= 0 && at + 1 < order.length ? order[at + 1] : null;
}

export interface PasteOutcome<R> {
  rows: R[];
  /** Values beyond the last field, left out. */
  skipped: number;
  /** Rows added for the paste. */
  added: number;
}

/**
 * Fills a block pasted from Excel into a grid of rows: from the start field rightwards over
 * `fields`, from the start row downwards, adding rows (made by `create`) as needed. `set`
 * writes one cell's text into a row (and may read it: a status text becomes its code).
 */
export function pasteBlock<R extends { key: string }>(
  rows: readonly R[],
  start: { key: string; field: string },
  fields: readonly string[],
  block: readonly string[][],
  create: () => R,
  set: (row: R, field: string, text: string) => R,
): PasteOutcome<R> {
  const out = [...rows];
  const first = fields.indexOf(start.field);
  let at = out.findIndex((row) => row.key === start.key);
  let skipped = 0;
  let added = 0;
  if (first < 0 || at < 0) return { rows: out, skipped, added };
  for (const line of block) {
    if (at >= out.length) {
      out.push(create());
      added += 1;
    }
    let row = out[at];
    line.forEach((text, i) => {
      const field = fields[first + i];
      if (field === undefined) {
        if (text.trim() !== '') skipped += 1;
        return;
      }
      row = set(row, field, text.trim());
    });
    out[at] = row;
    at += 1;
  }
  return { rows: out, skipped, added };
}

/** `En rad inklistrad.`, `3 rader inklistrade. 2 värden fick inte plats.` */
export function pasteNote(lines: number, skipped: number): string {
  const parts = [lines === 1 ? 'En rad inklistrad.' : `${lines} rader inklistrade.`];
  if (skipped) parts.push(`${skipped} värden fick inte plats i tabellen.`);
  return parts.join(' ');
}

const isKeyed = (item: unknown): item is { key: string } =>
  typeof item === 'object' && item !== null && typeof (item as { key?: unknown }).key === 'string';

/** Every row key in a draft: the `key` of each item of every list, sub-rows and nested tables included. */
export function rowKeysOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isKeyed(item)) into.add(item.key);
      rowKeysOf(item, into);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const field of Object.values(value)) rowKeysOf(field, into);
  }
  return into;
}

/** The draft without the rows (at any depth) whose keys are in `keys`; the same draft when there are none. */
export function withoutRows<T>(value: T, keys: ReadonlySet<string>): T {
  if (keys.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((item) => !(isKeyed(item) && keys.has(item.key))).map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, field]) => [k, walk(field)]));
    return v;
  };
  return walk(value) as T;
}

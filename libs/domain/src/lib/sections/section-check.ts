/**
 * What the structured section kinds beside economy share (sick leave, action plan, internal
 * control, goals, tables): the issue shape of economy/check.ts, reading untrusted text and figures
 * into clean form, stable row keys, naming rows in messages, and the cell-by-cell diff. The
 * rules follow economy/check.ts (which shares isRecord and roundTo from here).
 */
import { formatNumber, parseSwedishNumber } from '../format';
import type { CellChange } from './economy';

/** One problem with a section's content: the row as people name it, the field key, a Swedish message. */
export interface SectionIssue {
  row: string | null;
  column: string | null;
  message: string;
}

export type SectionCheck<T> = { ok: true; content: T } | { ok: false; issues: SectionIssue[] };

/** Rows keep this key from version to version and cycle to cycle (the diff and carry-forward follow it). */
export const SECTION_ROW_KEY = /^[A-Za-z0-9_-]{1,60}$/;

export const SECTION_LIMITS = { maxRows: 500, maxShortText: 200, maxText: 2_000, maxComment: 5_000, maxAbs: 1e12 };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** `en decimal`, `två decimaler`, `heltal`: how a message says how precise a figure is. */
export function decimalsText(decimals: number): string {
  if (decimals === 0) return 'heltal';
  if (decimals === 1) return 'högst en decimal';
  return `högst ${decimals === 2 ? 'två' : decimals} decimaler`;
}

/**
 * How messages name rows: by their first cell, shortened to at most 60 characters at a word; `Rad 3` when it is
 * empty; with `(rad 3)` added when two rows would otherwise read the same.
 */
export function rowNames(firstCells: readonly string[]): string[] {
  const short = firstCells.map((text, i) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t) return `Rad ${i + 1}`;
    if (t.length <= 60) return t;
    const cut = t.slice(0, 59);
    const space = cut.lastIndexOf(' ');
    return `${(t[59] === ' ' || space < 40 ? cut : cut.slice(0, space)).trimEnd()}…`;
  });
  const counts = new Map<string, number>();
  for (const name of short) counts.set(name, (counts.get(name) ?? 0) + 1);
  return short.map((name, i) => ((counts.get(name) ?? 0) > 1 && !name.startsWith('Rad ') ? `${name} (rad ${i + 1})` : name));
}

/** The list of rows under `field` (empty, and an issue, when it is not a list; cut at the row limit). */
export function readList(input: Record<string, unknown>, field: string, what: string, issues: SectionIssue[]): unknown[] {
  const value = input[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push({ row: null, column: null, message: `${what} har fel format.` });
    return [];
  }
  if (value.length > SECTION_LIMITS.maxRows) {
    issues.push({ row: null, column: null, message: `${what} får ha högst ${SECTION_LIMITS.maxRows} rader.` });
    return value.slice(0, SECTION_LIMITS.maxRows);
  }
  return value;
}

/** The first cell of a raw row, before it is checked (for naming the row). */
export function rawText(raw: unknown, field: string): string {
  return isRecord(raw) && typeof raw[field] === 'string' ? (raw[field] as string) : '';
}

/** Checks a row's key: valid and not used twice in the section. */
export function readRowKey(raw: Record<string, unknown>, row: string, keys: Set<string>, issues: SectionIssue[]): string {
  const key = raw['key'];
  if (typeof key !== 'string' || !SECTION_ROW_KEY.test(key)) {
    issues.push({ row, column: null, message: 'Raden saknar en giltig nyckel.' });
    return '';
  }
  if (keys.has(key)) issues.push({ row, column: null, message: `Nyckeln "${key}" förekommer två gånger.` });
  keys.add(key);
  return key;
}

/** The answer for content that is not of the section's kind at all. */
export function notOfKind(message: string): { ok: false; issues: SectionIssue[] } {
  return { ok: false, issues: [{ row: null, column: null, message }] };
}

/**
 * Checks raw rows one by one: a row that is not an object gets `formatMessage` and is left out; the others get their
 * key checked (unique in `keys`) and go to `read` with their name; its non-null answers come back in order.
 */
export function readRows<T>(
  raws: readonly unknown[],
  names: readonly string[],
  keys: Set<string>,
  issues: SectionIssue[],
  read: (raw: Record<string, unknown>, row: string, key: string) => T | null,
  formatMessage = 'Raden har fel format.',
): T[] {
  const rows: T[] = [];
  raws.forEach((raw, i) => {
    const row = names[i];
    if (!isRecord(raw)) {
      issues.push({ row, column: null, message: formatMessage });
      return;
    }
    const value = read(raw, row, readRowKey(raw, row, keys, issues));
    if (value !== null) rows.push(value);
  });
  return rows;
}

/**
 * The issue for a required code that is missing or not one of the choices:
 * `"Klar" är ingen status; välj …` or `Status saknas; välj …`.
 */
export function codeIssue(given: unknown, noun: string, choices: readonly string[], row: string, column: string): SectionIssue {
  const what = typeof given === 'string' && given.trim() ? `"${given.trim()}" är ingen ${noun}` : `${noun[0].toUpperCase()}${noun.slice(1)} saknas`;
  return { row, column, message: `${what}; välj ${orList(choices)}.` };
}

export interface TextField {
  field: string;
  label: string;
  max?: number;
  required?: boolean;
}

/** Trimmed text of a field; an issue when it is missing but required, not text, or too long. */
export function readText(raw: Record<string, unknown>, spec: TextField, row: string, issues: SectionIssue[]): string {
  const value = raw[spec.field];
  const max = spec.max ?? SECTION_LIMITS.maxShortText;
  if (value !== undefined && value !== null && typeof value !== 'string') {
    issues.push({ row, column: spec.field, message: `${spec.label}: ska vara text.` });
    return '';
  }
  const text = (value ?? '').trim();
  if (!text && spec.required) issues.push({ row, column: spec.field, message: `${spec.label} saknas.` });
  if (text.length > max) {
    issues.push({ row, column: spec.field, message: `${spec.label}: får vara högst ${formatNumber(max)} tecken (nu ${formatNumber(text.length)}).` });
  }
  return text;
}

export interface NumberField {
  field: string;
  label: string;
  decimals: number;
  /** Text may end with `%` (percentages). */
  percent?: boolean;
}

/**
 * A figure as a number or as Swedes type it (`2,17`, `−9 504`, `12 %`); empty is null. An
 * issue (and null) when it is not a number, is absurdly large or has too many decimals.
 */
export function readNumber(value: unknown, spec: NumberField, row: string, issues: SectionIssue[]): number | null {
  if (value === undefined || value === null) return null;
  let number: number;
  if (typeof value === 'string') {
    const parsed = parseSwedishNumber(value, { percent: spec.percent });
    if (!parsed.ok) {
      issues.push({ row, column: spec.field, message: `${spec.label}: ${parsed.message}` });
      return null;
    }
    if (parsed.value === null) return null;
    number = parsed.value;
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    number = value;
  } else {
    issues.push({ row, column: spec.field, message: `${spec.label}: "${String(value)}" är inte ett tal.` });
    return null;
  }
  if (Math.abs(number) > SECTION_LIMITS.maxAbs) {
    issues.push({ row, column: spec.field, message: `${spec.label}: ${formatNumber(number)} är orimligt stort.` });
    return null;
  }
  if (roundTo(number, spec.decimals) !== number) {
    issues.push({
      row,
      column: spec.field,
      message: `${spec.label}: anges med ${decimalsText(spec.decimals)} (${formatNumber(roundTo(number, spec.decimals), spec.decimals)}).`,
    });
    return null;
  }
  return number;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLocaleLowerCase('sv-SE');
}

/**
 * A code from its code or its Swedish label, case-insensitive, ignoring a trailing full stop
 * and extra spaces (`genomfört`, `Ej påbörjat.`); `aliases` adds other spellings people use.
 */
export function parseCode<T extends string>(labels: Readonly<Record<T, string>>, text: unknown, aliases: Readonly<Record<string, T>> = {}): T | null {
  if (typeof text !== 'string') return null;
  const wanted = normalise(text);
  if (!wanted) return null;
  for (const [code, label] of Object.entries(labels) as Array<[T, string]>) {
    if (wanted === code.toLocaleLowerCase('sv-SE') || wanted === normalise(label)) return code;
  }
  for (const [alias, code] of Object.entries(aliases)) if (wanted === normalise(alias)) return code;
  return null;
}

/** `Ej påbörjat, Påbörjat, Genomfört eller Ej genomfört`. */
export function orList(labels: readonly string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} eller ${labels[labels.length - 1]}`;
}

/** One cell of a flattened version: what the diff compares, by a stable id (row key and field). */
export interface DiffCell {
  row: string;
  column: string;
  value: number | string | null;
}

/** The cells that differ between two flattened versions, in the order they appear (removed cells last). */
export function diffCells(before: ReadonlyMap<string, DiffCell>, after: ReadonlyMap<string, DiffCell>): CellChange[] {
  const changes: CellChange[] = [];
  for (const id of new Set([...after.keys(), ...before.keys()])) {
    const x = before.get(id);
    const y = after.get(id);
    const a = x?.value ?? null;
    const b = y?.value ?? null;
    if (a !== b) changes.push({ row: (y ?? x)?.row ?? '', column: (y ?? x)?.column ?? '', before: a, after: b });
  }
  return changes;
}

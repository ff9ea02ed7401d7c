/**
 * Three-way merge of a structured section (economy, sick leave, action plan, internal control,
 * goals, generic tables) cell by cell, after a stale save: `base` is the version the writer
 * started from, `mine` what the table holds, `theirs` the stored version. Rows are followed by
 * their stable `key` (every kind's rows have one; sub-rows and nested tables too), objects field
 * by field; a cell only one side changed takes that change, a cell both changed differently is a
 * conflict: the merge keeps the writer's value there until a choice says otherwise.
 */
import type { SectionConfig, StructuredContent } from './sections/content';
import { ECONOMY_COLUMN_LABELS } from './sections/economy';
import { ACTION_PLAN_FIELD_LABELS } from './sections/action-plan';
import { sickLeaveMeasures } from './sections/sick-leave';
import { merge3Blocks } from './sections/blocks';
import { plainText, type RichTextDocument } from './rich-text';
import { commentDocument } from './sections/rich-comment';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One step into the content: a field, or a row by its key. */
export type MergePathStep = string | { key: string };

export type CellValue = Json | undefined;

/** A cell (or a whole row, when one side removed it and the other changed it) both sides changed differently. */
export interface CellConflict {
  /** Stable within the merge: what a choice is keyed by. */
  id: string;
  path: MergePathStep[];
  /** The row as the table names it (its label, action, risk, title …), `Hela tabellen` outside rows. */
  row: string;
  /** The column's heading; `Hela raden` for a removed-and-changed row. */
  column: string;
  base: CellValue;
  mine: CellValue;
  theirs: CellValue;
}

export type CellChoice = 'mine' | 'theirs';

export interface StructuredMerge<T extends StructuredContent = StructuredContent> {
  /** The merge with every conflict at the writer's value. */
  content: T;
  conflicts: CellConflict[];
}

const isObject = (value: CellValue): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isKeyedList = (value: CellValue): value is JsonObject[] =>
  Array.isArray(value) && value.every((item) => isObject(item) && typeof item['key'] === 'string');

function canonical(value: CellValue): string {
  if (value === undefined || value === null || value === '') return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined && value[k] !== null && value[k] !== '')
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Equal as content: a missing field, null and empty text are the same empty cell. */
const same = (a: CellValue, b: CellValue) => canonical(a) === canonical(b);

const ROW_NAME_FIELDS = ['label', 'action', 'risk', 'area', 'title', 'name'] as const;

function rowName(...rows: Array<JsonObject | undefined>): string {
  for (const field of ROW_NAME_FIELDS) {
    for (const row of rows) {
      const value = row?.[field];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
    }
  }
  const cells = rows.find((r) => isObject(r?.['cells']))?.['cells'];
  if (isObject(cells)) {
    const first = Object.values(cells).find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof first === 'string') return first.trim();
  }
  return 'Ny rad';
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...ECONOMY_COLUMN_LABELS,
  ...ACTION_PLAN_FIELD_LABELS,
  label: 'Rad',
  comment: 'Kommentar',
  group: 'Rubrik',
  goal: 'Kontrollmål',
  responsible: 'Ansvarig',
  method: 'Kontrollmetod',
  frequency: 'Frekvens',
  reportedTo: 'Rapporteras till',
  result: 'Resultat',
  risk: 'Risk',
  cause: 'Orsak',
  impact: 'Konsekvens',
  handling: 'Hantering',
  title: 'Rubrik',
  assessment: 'Bedömning',
  name: 'Namn',
  unit: 'Enhet',
  previous: 'Föregående',
  value: 'Utfall',
  target: 'Målvärde',
  source: 'Källa',
  area: 'Målområde',
  earlier: 'Tidigare år',
};

function columnLabel(path: readonly MergePathStep[], kind: StructuredContent['type'], config: SectionConfig | null | undefined): string {
  const fields = path.filter((s): s is string => typeof s === 'string');
  const last = fields[fields.length - 1] ?? '';
  if (kind === 'sick_leave') {
    const key = fields[0] === 'values' ? fields.slice(1).join('.') : last;
    return sickLeaveMeasures(config?.sickLeave).find((m) => m.key === key)?.label ?? FIELD_LABELS[last] ?? last;
  }
  if (kind === 'table' && fields[fields.length - 2] === 'cells') {
    return config?.table?.columns.find((c) => c.key === last)?.label ?? last;
  }
  if (kind === 'economy' && fields[fields.length - 2] === 'values') {
    return config?.economy?.labels?.[last as keyof typeof ECONOMY_COLUMN_LABELS] ?? FIELD_LABELS[last] ?? last;
  }
  return FIELD_LABELS[last] ?? last;
}

function pathId(path: readonly MergePathStep[]): string {
  return path.map((s) => (typeof s === 'string' ? s : `[${s.key}]`)).join('.');
}

interface Walk {
  kind: StructuredContent['type'];
  config: SectionConfig | null | undefined;
  conflicts: CellConflict[];
}

function conflictAt(walk: Walk, path: MergePathStep[], row: string, base: CellValue, mine: CellValue, theirs: CellValue, column?: string): CellValue {
  walk.conflicts.push({
    id: pathId(path),
    path,
    row,
    column: column ?? columnLabel(path, walk.kind, walk.config),
    base,
    mine,
    theirs,
  });
  return mine;
}

const isDocument = (value: CellValue) => isObject(value) && value['type'] === 'doc';
/** A comment stored as a string before comments were rich text, as the document it is read as (rich-comment.ts). */
const asDocument = (value: CellValue): CellValue => (typeof value === 'string' ? ((commentDocument(value) ?? null) as unknown as Json) : value);

function mergeValue(walk: Walk, path: MergePathStep[], row: string, base: CellValue, mine: CellValue, theirs: CellValue): CellValue {
  if (isDocument(base) || isDocument(mine) || isDocument(theirs)) [base, mine, theirs] = [asDocument(base), asDocument(mine), asDocument(theirs)];
  if (same(mine, theirs)) return mine;
  if (same(base, mine)) return theirs;
  if (same(base, theirs)) return mine;
  // A rich-text comment (sections/rich-comment.ts) is one cell, never merged inside.
  if (isObject(mine) && mine['type'] === 'doc') return conflictAt(walk, path, row, base, mine, theirs);
  if (isKeyedList(mine) && isKeyedList(theirs) && (base === undefined || base === null || isKeyedList(base))) {
    return mergeRows(walk, path, base ?? [], mine, theirs);
  }
  if (isObject(mine) && isObject(theirs) && (base === undefined || base === null || isObject(base))) {
    const b = base ?? {};
    const out: JsonObject = {};
    const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(b)])];
    for (const key of keys) {
      const value = mergeValue(walk, [...path, key], row, b[key], mine[key], theirs[key]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return conflictAt(walk, path, row, base, mine, theirs);
}

/** Keys of both lists in one order: the stored order, the writer's new rows after the row they follow. */
function unionKeys(theirs: readonly string[], mine: readonly string[]): string[] {
  const inTheirs = new Set(theirs);
  const out = [...theirs];
  let anchor = -1;
  for (const key of mine) {
    if (inTheirs.has(key)) {
      anchor = out.indexOf(key);
      continue;
    }
    out.splice(anchor + 1, 0, key);
    anchor += 1;
  }
  return out;
}

function mergeRows(walk: Walk, path: MergePathStep[], base: JsonObject[], mine: JsonObject[], theirs: JsonObject[]): Json[] {
  const byKey = (rows: JsonObject[]) => new Map(rows.map((r) => [r['key'] as string, r]));
  const [b, m, t] = [byKey(base), byKey(mine), byKey(theirs)];
  const out: Json[] = [];
  for (const key of unionKeys([...t.keys()], [...m.keys()])) {
    const [rb, rm, rt] = [b.get(key), m.get(key), t.get(key)];
    const name = rowName(rm, rt, rb);
    const here = [...path, { key }];
    if (rm && rt) {
      out.push(mergeValue(walk, here, name, rb, rm, rt) as Json);
    } else if (!rb) {
      // Added by one side only.
      out.push((rm ?? rt) as Json);
    } else {
      // Removed by one side: gone, unless the other side changed it (then it is a choice, the writer's side kept meanwhile).
      const kept = (rm ?? rt) as JsonObject;
      if (same(kept, rb)) continue;
      conflictAt(walk, here, name, rb, rm, rt, 'Hela raden');
      if (rm) out.push(rm);
    }
  }
  return out;
}

/** The cell-by-cell three-way merge of one structured section. */
export function merge3Structured<T extends StructuredContent>(
  base: T | null,
  mine: T,
  theirs: T,
  config?: SectionConfig | null,
): StructuredMerge<T> {
  // A section of blocks merges block by block, each by its kind's rules (sections/blocks.ts).
  if (mine.type === 'blocks' && theirs.type === 'blocks') return merge3Blocks(base?.type === 'blocks' ? base : null, mine, theirs, config) as unknown as StructuredMerge<T>;
  const walk: Walk = { kind: mine.type, config, conflicts: [] };
  if (mine.type !== theirs.type) {
    conflictAt(walk, [], 'Hela tabellen', base as unknown as Json, mine as unknown as Json, theirs as unknown as Json, 'Hela tabellen');
    return { content: mine, conflicts: walk.conflicts };
  }
  const b = base && base.type === mine.type ? (base as unknown as Json) : null;
  const content = mergeValue(walk, [], 'Hela tabellen', b, mine as unknown as Json, theirs as unknown as Json) as unknown as T;
  // Sick leave has no rows: each measure is a row of its table, its share the column (as its diff names them).
  const conflicts =
    mine.type === 'sick_leave'
      ? walk.conflicts.map((c) => (c.path[0] === 'comment' ? { ...c, row: 'Kommentar', column: 'Kommentar' } : { ...c, row: c.column, column: 'Andel (%)' }))
      : walk.conflicts;
  return { content, conflicts };
}

function setAt(target: Json, path: readonly MergePathStep[], value: CellValue): Json {
  if (path.length === 0) return (value ?? null) as Json;
  const [step, ...rest] = path;
  if (typeof step === 'string') {
    if (!isObject(target)) return target;
    const out: JsonObject = { ...target };
    const next = setAt(out[step] ?? null, rest, value);
    if (rest.length === 0 && value === undefined) delete out[step];
    else out[step] = next;
    return out;
  }
  if (!Array.isArray(target)) return target;
  const index = target.findIndex((r) => isObject(r) && r['key'] === step.key);
  if (rest.length === 0) {
    // A whole row: taken, or dropped when the chosen side removed it.
    if (value === undefined) return index < 0 ? target : target.filter((_, i) => i !== index);
    if (index < 0) return [...target, value];
    return target.map((r, i) => (i === index ? value : r));
  }
  return index < 0 ? target : target.map((r, i) => (i === index ? setAt(r, rest, value) : r));
}

/** The merge with the choices applied: a conflict chosen `theirs` takes the stored value, the others stay the writer's. */
export function applyCellChoices<T extends StructuredContent>(merge: StructuredMerge<T>, choices: Readonly<Record<string, CellChoice>>): T {
  let content = merge.content as unknown as Json;
  for (const conflict of merge.conflicts) {
    if (choices[conflict.id] !== 'theirs') continue;
    if (conflict.path.length === 0) return conflict.theirs as unknown as T;
    content = setAt(content, conflict.path, conflict.theirs);
  }
  return content as unknown as T;
}

const numberText = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** A conflicting cell's value as the panel says it: `120`, `3,5`, `Påbörjat`, `tom`, `borttagen` (a removed row). */
export function cellValueText(value: CellValue, wholeRow = false): string {
  if (value === undefined) return wholeRow ? 'borttagen' : 'tom';
  if (value === null || value === '') return 'tom';
  if (typeof value === 'number') return numberText.format(value).replace(/\u2212/g, '-');
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'string') return value;
  // A text block of a section of blocks (sections/blocks.ts): its text.
  if (isObject(value) && value['type'] === 'doc') return plainText(value as unknown as RichTextDocument).trim() || 'tom';
  if (isObject(value)) return wholeRow ? `raden ${rowName(value)}` : 'ändrad';
  return 'ändrad';
}

/**
 * The sick leave section (docs/domain.md, "Section kinds and what they hold"): one unit's sick leave for
 * the report's period, in per cent of worked time: total (SKL:s nyckeltal 1), short-term and
 * long-term by the municipality's day limits (Nacka: ≤59 and ≥60 days; elsewhere 1–14 and
 * 15–90), and where the template asks for it by gender and age band. Earlier periods come from
 * earlier cycles (`SickLeaveHistory`), never retyped; `sickLeaveSeries` turns them and the
 * current figures into a trend chart and the same data as an accessible table.
 */
import { formatPercent, SWEDISH_MONTHS } from '../format';
import type { RichTextDocument } from '../rich-text';
import type { CellChange } from './economy';
import { commentDocument, commentText, readRichComment } from './rich-comment';
import {
  DiffCell,
  diffCells,
  isRecord,
  readNumber,
  roundTo,
  SectionCheck,
  SectionIssue,
} from './section-check';

export interface SickLeaveAgeBand {
  /** Stable across cycles, e.g. `upp_till_29`. */
  key: string;
  /** As printed: `29 år eller yngre`, `30-49 år`, `50 år eller äldre`. */
  label: string;
}

/** What the template says about the section. */
export interface SickLeaveConfig {
  /** The day limits the municipality uses: `≤59 dagar` (Nacka), `1–14 dagar`. */
  shortTermLabel: string;
  longTermLabel: string;
  /** Women's and men's total sick leave as well. */
  byGender?: boolean;
  /** Total sick leave per age band, in the template's order. */
  ageBands?: readonly SickLeaveAgeBand[];
  /** Decimals typed and shown: one by default; Nacka (from 2021) and Gnesta print two. */
  decimals?: 1 | 2;
}

export const SICK_LEAVE_PRESETS = {
  /** Nacka's model (reference 000): short up to 59 days, long from 60. */
  nacka: { shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar' },
  standard: { shortTermLabel: '1–14 dagar', longTermLabel: '15–90 dagar' },
} as const satisfies Record<string, SickLeaveConfig>;

export const DEFAULT_SICK_LEAVE_CONFIG: SickLeaveConfig = SICK_LEAVE_PRESETS.standard;

/** Figures in per cent of worked time; null where not (yet) given. */
export interface SickLeaveValues {
  total: number | null;
  shortTerm: number | null;
  longTerm: number | null;
  women?: number | null;
  men?: number | null;
  /** By age band key. */
  ageBands?: Record<string, number | null>;
}

export interface SickLeaveContent {
  type: 'sick_leave';
  values: SickLeaveValues;
  /**
   * The commentary as rich text, as every check returns it; a string only in content stored
   * before comments were rich text, read with `commentDocument` (rich-comment.ts).
   */
  comment?: RichTextDocument | string;
}

/** A stored sick-leave content with its comment as a document (an older string comment read as its paragraphs). */
export function readSickLeaveContent(content: SickLeaveContent): SickLeaveContent {
  const { comment, ...rest } = content;
  const doc = commentDocument(comment);
  return doc ? { ...rest, comment: doc } : rest;
}

/** Earlier periods' figures of the same unit, read by the server from earlier cycles. */
export type SickLeaveHistory = ReadonlyArray<{ period: string; values: SickLeaveValues }>;

/** How far short + long may exceed the total before it is an error (each figure is rounded). */
export const SICK_LEAVE_TOLERANCE = 0.1;

export interface SickLeaveMeasure {
  /** `total`, `shortTerm`, `longTerm`, `women`, `men`, `ageBands.<key>`. */
  key: string;
  label: string;
  get: (values: SickLeaveValues) => number | null;
}

/** The figures the template asks for, in the order they are typed and shown. */
export function sickLeaveMeasures(config: SickLeaveConfig | null | undefined): SickLeaveMeasure[] {
  const c = config ?? DEFAULT_SICK_LEAVE_CONFIG;
  const measures: SickLeaveMeasure[] = [
    { key: 'total', label: 'Total sjukfrånvaro', get: (v) => v.total ?? null },
    { key: 'shortTerm', label: `Kort sjukfrånvaro (${c.shortTermLabel})`, get: (v) => v.shortTerm ?? null },
    { key: 'longTerm', label: `Lång sjukfrånvaro (${c.longTermLabel})`, get: (v) => v.longTerm ?? null },
  ];
  if (c.byGender) {
    measures.push({ key: 'women', label: 'Sjukfrånvaro kvinnor', get: (v) => v.women ?? null });
    measures.push({ key: 'men', label: 'Sjukfrånvaro män', get: (v) => v.men ?? null });
  }
  for (const band of c.ageBands ?? []) {
    measures.push({ key: `ageBands.${band.key}`, label: `Sjukfrånvaro ${band.label}`, get: (v) => v.ageBands?.[band.key] ?? null });
  }
  return measures;
}

function decimalsOf(config: SickLeaveConfig | null | undefined): number {
  return config?.decimals ?? 1;
}

/**
 * Checks one unit's sick leave against the template and returns it in clean form: per cent
 * with the template's decimals, 0–100, short + long not above the total, the total between
 * women's and men's and within the age bands' range. Every issue names the figure.
 */
export function checkSickLeave(config: SickLeaveConfig | null | undefined, input: unknown): SectionCheck<SickLeaveContent> {
  if (!isRecord(input) || input['type'] !== 'sick_leave' || !isRecord(input['values'])) {
    return { ok: false, issues: [{ row: null, column: null, message: 'Innehållet är inte en sjukfrånvarotabell.' }] };
  }
  const raw = input['values'];
  const c = config ?? DEFAULT_SICK_LEAVE_CONFIG;
  const decimals = decimalsOf(c);
  const issues: SectionIssue[] = [];
  const read = (value: unknown, measure: SickLeaveMeasure): number | null => {
    const n = readNumber(value, { field: measure.key, label: measure.label, decimals, percent: true }, measure.label, issues);
    if (n === null) return null;
    if (n < 0) {
      issues.push({ row: measure.label, column: measure.key, message: `${measure.label}: en andel kan inte vara negativ.` });
      return null;
    }
    if (n > 100) {
      issues.push({
        row: measure.label,
        column: measure.key,
        message: `${measure.label}: ${formatPercent(n, decimals)} är omöjligt; sjukfrånvaron är en andel av arbetad tid och kan inte vara över 100 %.`,
      });
      return null;
    }
    return n;
  };
  const measures = sickLeaveMeasures(c);
  const byKey = new Map(measures.map((m) => [m.key, m]));
  const values: SickLeaveValues = { total: null, shortTerm: null, longTerm: null };
  const ageBands: Record<string, number | null> = {};
  for (const [field, value] of Object.entries(raw)) {
    if (field === 'ageBands') continue;
    const measure = byKey.get(field);
    if (!measure) {
      if (value === null || value === undefined) continue;
      const what = field === 'women' || field === 'men' ? 'Uppdelning på kön' : `Uppgiften "${field}"`;
      issues.push({ row: null, column: field, message: `${what} ingår inte i mallen för det här avsnittet.` });
      continue;
    }
    (values as unknown as Record<string, number | null>)[field] = read(value, measure);
  }
  const rawBands = isRecord(raw['ageBands']) ? raw['ageBands'] : {};
  for (const [band, value] of Object.entries(rawBands)) {
    const measure = byKey.get(`ageBands.${band}`);
    if (!measure) {
      if (value !== null && value !== undefined) {
        issues.push({ row: null, column: `ageBands.${band}`, message: `Åldersgruppen "${band}" ingår inte i mallen för det här avsnittet.` });
      }
      continue;
    }
    ageBands[band] = read(value, measure);
  }
  if (c.byGender) {
    values.women ??= null;
    values.men ??= null;
  }
  if (c.ageBands?.length) {
    for (const band of c.ageBands) ageBands[band.key] ??= null;
    values.ageBands = ageBands;
  }
  issues.push(...consistency(c, values));
  const comment = readRichComment(input, 'comment', 'Kommentar', 'Kommentar', issues);
  if (issues.length) return { ok: false, issues };
  return { ok: true, content: { type: 'sick_leave', values, ...(comment ? { comment } : {}) } };
}

/** The checks between figures (each figure already valid on its own). */
function consistency(config: SickLeaveConfig, v: SickLeaveValues): SectionIssue[] {
  const d = decimalsOf(config);
  const [total, short, long] = sickLeaveMeasures(config);
  const pct = (n: number) => formatPercent(n, d);
  const issues: SectionIssue[] = [];
  const exceeds = (a: number, b: number) => roundTo(a - b, 6) > SICK_LEAVE_TOLERANCE;
  const within = (value: number, parts: number[]) => !exceeds(Math.min(...parts), value) && !exceeds(value, Math.max(...parts));
  if (v.total === null) return issues;
  if (v.shortTerm !== null && v.longTerm !== null && exceeds(v.shortTerm + v.longTerm, v.total)) {
    issues.push({
      row: total.label,
      column: 'total',
      message: `${short.label} ${pct(v.shortTerm)} och ${long.label.charAt(0).toLowerCase()}${long.label.slice(1)} ${pct(v.longTerm)} är tillsammans ${pct(roundTo(v.shortTerm + v.longTerm, d))}, mer än total sjukfrånvaro ${pct(v.total)}.`,
    });
  } else {
    for (const [part, value] of [[short, v.shortTerm], [long, v.longTerm]] as const) {
      if (value !== null && exceeds(value, v.total)) {
        issues.push({ row: part.label, column: part.key, message: `${part.label} ${pct(value)} är mer än total sjukfrånvaro ${pct(v.total)}.` });
      }
    }
  }
  if (typeof v.women === 'number' && typeof v.men === 'number' && !within(v.total, [v.women, v.men])) {
    issues.push({
      row: total.label,
      column: 'total',
      message: `Total sjukfrånvaro ${pct(v.total)} ska ligga mellan kvinnornas ${pct(v.women)} och männens ${pct(v.men)}.`,
    });
  }
  const bands = (config.ageBands ?? []).map((b) => v.ageBands?.[b.key] ?? null);
  if (bands.length > 1 && bands.every((b): b is number => b !== null) && !within(v.total, bands)) {
    issues.push({
      row: total.label,
      column: 'total',
      message: `Total sjukfrånvaro ${pct(v.total)} ska ligga mellan åldersgruppernas lägsta ${pct(Math.min(...bands))} och högsta ${pct(Math.max(...bands))}.`,
    });
  }
  return issues;
}

/** The figures (and comment) that changed between two versions. */
export function diffSickLeave(config: SickLeaveConfig | null | undefined, before: SickLeaveContent, after: SickLeaveContent): CellChange[] {
  const flatten = (content: SickLeaveContent) => {
    const cells = new Map<string, DiffCell>();
    for (const m of sickLeaveMeasures(config)) cells.set(m.key, { row: m.label, column: 'Andel (%)', value: m.get(content.values) });
    cells.set('comment', { row: 'Kommentar', column: 'Kommentar', value: commentText(content.comment) });
    return cells;
  };
  return diffCells(flatten(before), flatten(after));
}

/** `jan`, `feb`, … `dec`: how far a month's name must go to be recognised. */
const MONTH_PREFIXES = SWEDISH_MONTHS.map((m) => m.slice(0, 3));

/**
 * Where a period label falls in time, for ordering: `T2 2021`, `Helår 2020`, `2020`,
 * `jan-aug 2021`, `augusti 2021`, `per 31 augusti 2021`. Null when the label is not understood.
 */
export function periodSortKey(label: string): number | null {
  const t = label.trim().toLocaleLowerCase('sv-SE');
  const year = /(\d{4})$/.exec(t)?.[1];
  if (!year) return null;
  const rest = t.slice(0, -4).trim();
  const y = Number(year) * 100;
  const tertial = /^t([1-3])$/.exec(rest);
  if (tertial) return y + Number(tertial[1]) * 4;
  if (rest === '' || rest === 'helår' || rest === 'år' || rest === 'bokslut') return y + 12;
  const month = /([a-zåäö]+)$/.exec(rest)?.[1];
  const index = month ? MONTH_PREFIXES.findIndex((m) => month.startsWith(m)) : -1;
  return index >= 0 ? y + index + 1 : null;
}

export interface AccessibleTableCell {
  value: number | null;
  /** As shown: `2,17 %`, or `–` when there is no figure. */
  text: string;
  /** For screen readers where the shown text says nothing (`Uppgift saknas`). */
  srText?: string;
}

/** A table model a renderer turns into a `<table>` with a caption, `th scope="col"` and `th scope="row"`. */
export interface AccessibleTable {
  caption: string;
  /** The first is the heading of the row-header column. */
  columnHeaders: string[];
  rows: Array<{ header: string; cells: AccessibleTableCell[] }>;
}

export interface SickLeaveSeries {
  /** Oldest first; the current period last (unless history holds later periods). */
  periods: string[];
  /** One line per measure, one value per period (null: no figure that period). */
  series: Array<{ key: string; label: string; values: Array<number | null> }>;
  /** The same figures as a table: a row per measure, a column per period. */
  table: AccessibleTable;
}

/**
 * The trend of one unit's sick leave: earlier cycles' figures and the current ones, in time
 * order (as given when a label cannot be placed in time). The current figures replace any
 * history entry for the same period.
 */
export function sickLeaveSeries(
  history: SickLeaveHistory,
  current: { period: string; content: SickLeaveContent },
  config?: SickLeaveConfig | null,
): SickLeaveSeries {
  const entries = [...history.filter((h) => h.period.trim() !== current.period.trim()), { period: current.period, values: current.content.values }];
  const keys = entries.map((e) => periodSortKey(e.period));
  const ordered = keys.every((k) => k !== null)
    ? entries.map((e, i) => ({ e, k: keys[i] as number })).sort((a, b) => a.k - b.k).map((x) => x.e)
    : entries;
  const decimals = decimalsOf(config);
  const periods = ordered.map((e) => e.period.trim());
  const series = sickLeaveMeasures(config).map((m) => ({ key: m.key, label: m.label, values: ordered.map((e) => m.get(e.values)) }));
  const table: AccessibleTable = {
    caption: 'Sjukfrånvaro i procent av arbetad tid',
    columnHeaders: ['Mått', ...periods],
    rows: series.map((s) => ({
      header: s.label,
      cells: s.values.map((value) =>
        value === null ? { value, text: '–', srText: 'Uppgift saknas' } : { value, text: formatPercent(value, decimals) },
      ),
    })),
  };
  return { periods, series, table };
}


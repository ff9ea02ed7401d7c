/**
 * The goals section (mål och indikatorer; docs/domain.md, "Section kinds and what they hold"):
 * kommunfullmäktige's goals, the nämnd's goals under each, and the indicators of each nämnd
 * goal with last year's value, this year's value, the target, the computed måluppfyllelse and
 * an assessment (Uppnås, Delvis, Uppnås ej) that is always shown as text, its colour only an
 * addition. Måluppfyllelse is computed here and only here.
 *
 * What a template may say (GoalsConfig), each defaulting to the layout every report had before:
 * målområden above kommunfullmäktige's goals, which levels are assessed, which columns print.
 * An indicator may carry any number of earlier years, each with its own label, and a target
 * that is a figure or a direction (`Öka`, `Minska`, `Bibehålla`).
 */
import { formatPercent, parseSwedishNumber } from '../format';
import type { RichTextDocument } from '../rich-text';
import type { CellChange } from './economy';
import { commentDocument, commentText, readRichComment } from './rich-comment';
import {
  DiffCell,
  diffCells,
  isRecord,
  notOfKind,
  orList,
  parseCode,
  rawText,
  readList,
  readNumber,
  readRows,
  readText,
  roundTo,
  rowNames,
  SECTION_LIMITS,
  SectionCheck,
  SectionIssue,
} from './section-check';

export const ASSESSMENTS = ['met', 'partly', 'not_met'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const ASSESSMENT_LABELS: Readonly<Record<Assessment, string>> = {
  met: 'Uppnås',
  partly: 'Delvis',
  not_met: 'Uppnås ej',
};

/** How an assessment is shown: the label (always), a colour token for the badge, and a sentence for screen readers and print. */
export const ASSESSMENT_DISPLAY: Readonly<Record<Assessment, { label: string; colour: 'success' | 'warning' | 'danger'; text: string }>> = {
  met: { label: 'Uppnås', colour: 'success', text: 'Målet bedöms uppnås' },
  partly: { label: 'Delvis', colour: 'warning', text: 'Målet bedöms delvis uppnås' },
  not_met: { label: 'Uppnås ej', colour: 'danger', text: 'Målet bedöms inte uppnås' },
};

export function parseAssessment(text: unknown): Assessment | null {
  return parseCode(ASSESSMENT_LABELS, text, {
    'Delvis uppnås': 'partly',
    'Uppnås delvis': 'partly',
    'Bedöms delvis uppnås': 'partly',
    'Bedöms uppnås': 'met',
    'Uppnått': 'met',
    'Uppnås inte': 'not_met',
    'Ej uppnått': 'not_met',
    'Bedöms inte uppnås': 'not_met',
  });
}

export const INDICATOR_UNITS = ['percent', 'count'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const INDICATOR_UNIT_LABELS: Readonly<Record<IndicatorUnit, string>> = { percent: '%', count: 'antal' };

/** An earlier year's outcome of one indicator: its own label (`2019`, `T2 2020`) and value. */
export interface EarlierValue {
  label: string;
  value: number | null;
}

/** The directions a target may be given as instead of a figure. */
export const TARGET_DIRECTIONS = ['Öka', 'Minska', 'Bibehålla'] as const;

export interface Indicator {
  key: string;
  name: string;
  unit: IndicatorUnit;
  /** Utfall for years before the previous one, oldest first, each with the indicator's own label. */
  earlier?: EarlierValue[];
  /** Utfall föregående år. */
  previous: number | null;
  /** Utfall i år (so far). */
  value: number | null;
  /** Mål / etappmål: a figure, or a text such as `Öka`, `Minska`, `Bibehålla`. */
  target: number | string | null;
  /** Lower values are better (waiting times, costs): måluppfyllelse is target / value. */
  lowerIsBetter?: boolean;
  assessment: Assessment | null;
  /** Where the figure comes from: a Kolada id (`U35544`) or a text (`Egen mätning`). */
  source?: string;
  /**
   * Rich text, as every check returns it; a string only in content stored before indicator
   * comments were rich text, read with `commentDocument` (rich-comment.ts).
   */
  comment?: RichTextDocument | string;
}

/** A nämndmål. */
export interface CommitteeGoal {
  key: string;
  title: string;
  assessment: Assessment | null;
  /**
   * Rich text (paragraphs, lists, sub-headings), as every check returns it; a string only in
   * content stored before comments were rich text, read with `commentDocument` (rich-comment.ts).
   */
  comment?: RichTextDocument | string;
  indicators: Indicator[];
}

/** A kommunfullmäktige goal (inriktningsmål) with the nämnd's goals under it. */
export interface CouncilGoal {
  key: string;
  title: string;
  /** The målområde the goal belongs to, when the template has målområden. */
  area?: string;
  /** Only when the template assesses kommunfullmäktige's goals. */
  assessment?: Assessment | null;
  committeeGoals: CommitteeGoal[];
}

export interface GoalsContent {
  type: 'goals';
  goals: CouncilGoal[];
}

export interface GoalsConfig {
  /** The report's year: headings read `Utfall 2020`, `Utfall 2021`, `Mål 2021`. */
  year?: number;
  /** Decimals of indicator values (one by default). */
  decimals?: number;
  /** When the section is handed in: every assessed goal and indicator must have an assessment. */
  requireAssessment?: boolean;
  /** Kommunfullmäktige's goals are grouped under målområden (off by default). */
  areas?: boolean;
  /** Kommunfullmäktige's goals get an assessment (off by default). */
  assessGoals?: boolean;
  /** The nämndmål get an assessment (on by default). */
  assessCommitteeGoals?: boolean;
  /** The indicators get an assessment (on by default). */
  assessIndicators?: boolean;
  /** The indicator table's columns printed besides the indicator's name, in this order; all by default. */
  printColumns?: GoalsPrintColumn[];
}

/** The indicator table's printable columns (the name always prints); `earlier` stands for every earlier year. */
export const GOALS_PRINT_COLUMNS = ['unit', 'earlier', 'previous', 'value', 'target', 'fulfilment', 'assessment', 'source'] as const;
export type GoalsPrintColumn = (typeof GOALS_PRINT_COLUMNS)[number];

export const GOALS_PRINT_COLUMN_LABELS: Readonly<Record<GoalsPrintColumn, string>> = {
  unit: 'Enhet',
  earlier: 'Tidigare år',
  previous: 'Utfall föregående år',
  value: 'Utfall',
  target: 'Mål',
  fulfilment: 'Måluppfyllelse',
  assessment: 'Bedömning',
  source: 'Källa',
};

/** Which levels are assessed under the template: the nämndmål and the indicators unless it says otherwise. */
export function goalsAssessed(config?: GoalsConfig | null): { goals: boolean; committeeGoals: boolean; indicators: boolean } {
  return { goals: config?.assessGoals === true, committeeGoals: config?.assessCommitteeGoals !== false, indicators: config?.assessIndicators !== false };
}

/** The columns the report prints, in the canonical order; an unassessed level's assessment never prints. */
export function goalsPrintColumns(config?: GoalsConfig | null): GoalsPrintColumn[] {
  const chosen = config?.printColumns ?? GOALS_PRINT_COLUMNS;
  return GOALS_PRINT_COLUMNS.filter((c) => chosen.includes(c) && (c !== 'assessment' || goalsAssessed(config).indicators));
}

/** An earlier year's column heading: `Utfall 2019` for the label `2019`. */
export function earlierColumnLabel(label: string): string {
  return /^utfall\b/i.test(label) ? label : `Utfall ${label}`;
}

/** The earlier years' labels of a set of indicators, each once, in time order where the labels hold a year. */
export function earlierLabels(indicators: ReadonlyArray<Pick<Indicator, 'earlier'>>): string[] {
  const labels: string[] = [];
  for (const ind of indicators) for (const e of ind.earlier ?? []) if (!labels.includes(e.label)) labels.push(e.label);
  const year = (l: string) => Number(/(\d{4})(?!.*\d{4})/.exec(l)?.[1] ?? NaN);
  return labels.every((l) => !Number.isNaN(year(l))) ? [...labels].sort((a, b) => year(a) - year(b) || labels.indexOf(a) - labels.indexOf(b)) : labels;
}

/** A target given as text in its canonical form (`öka` → `Öka`); other texts as written. */
export function targetText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return TARGET_DIRECTIONS.find((d) => d.toLocaleLowerCase('sv-SE') === t.toLocaleLowerCase('sv-SE')) ?? t;
}

/**
 * Whether a direction target (`Öka`, `Minska`, `Bibehålla`) is met: this year's value against the
 * latest earlier one (föregående år, else the last earlier year). Null for a figure target, another
 * text or when a value is missing.
 */
export function directionMet(indicator: Pick<Indicator, 'value' | 'previous' | 'earlier' | 'target'>): boolean | null {
  const { value, target } = indicator;
  if (typeof target !== 'string' || value === null) return null;
  const before = indicator.previous ?? [...(indicator.earlier ?? [])].reverse().find((e) => e.value !== null)?.value ?? null;
  if (before === null) return null;
  if (target === 'Öka') return value > before;
  if (target === 'Minska') return value < before;
  if (target === 'Bibehålla') return value === before;
  return null;
}

/**
 * A direction target's måluppfyllelse in words, where a figure target has its per cent: `Uppfyllt`
 * when the value followed the direction (directionMet), `Ej uppfyllt` when it did not. These are
 * words of the figures, not of the writer's assessment (ASSESSMENT_LABELS: Uppnås, Delvis,
 * Uppnås ej), so the two columns never read alike. Null when there is nothing to say: a figure
 * target, another text, or no value or earlier value to compare with.
 */
export const DIRECTION_MET_LABELS = { met: 'Uppfyllt', notMet: 'Ej uppfyllt' } as const;

export function directionMetText(indicator: Pick<Indicator, 'value' | 'previous' | 'earlier' | 'target'>): string | null {
  const met = directionMet({ ...indicator, target: typeof indicator.target === 'string' ? targetText(indicator.target) : indicator.target });
  return met === null ? null : met ? DIRECTION_MET_LABELS.met : DIRECTION_MET_LABELS.notMet;
}

export function goalsColumnLabels(config?: GoalsConfig | null) {
  const y = config?.year;
  return {
    name: 'Indikator',
    unit: 'Enhet',
    previous: y ? `Utfall ${y - 1}` : 'Utfall föregående år',
    value: y ? `Utfall ${y}` : 'Utfall',
    target: y ? `Mål ${y}` : 'Mål',
    fulfilment: y ? `Måluppfyllelse ${y}` : 'Måluppfyllelse',
    assessment: 'Bedömning',
    source: 'Källa',
    comment: 'Kommentar',
  } as const;
}

/**
 * Måluppfyllelse in per cent with one decimal: value / target, or target / value for
 * indicators where lower is better. Null when a figure is missing or the divisor is 0.
 */
export function fulfilment(indicator: Pick<Indicator, 'value' | 'target' | 'lowerIsBetter'>): number | null {
  const { value, target } = indicator;
  if (value === null || target === null || typeof target !== 'number' || target === 0) return null;
  if (indicator.lowerIsBetter) return value === 0 ? null : roundTo((target / value) * 100, 1);
  return roundTo((value / target) * 100, 1);
}

/** Måluppfyllelse as the reports print it: whole per cent (`106 %`), `–` when there is none. */
export function formatFulfilment(value: number | null): string {
  return value === null ? '–' : formatPercent(value, 0);
}

/** A Kolada key figure id (`U35544`, `N00945`) in its canonical form, or null when the source is not one. */
export function koladaId(source: string | undefined): string | null {
  const t = (source ?? '').trim().toUpperCase();
  return /^[NU]\d{5}$/.test(t) ? t : null;
}

export interface ComputedIndicator extends Indicator {
  fulfilment: number | null;
}

export type ComputedGoals = Array<Omit<CouncilGoal, 'committeeGoals'> & {
  committeeGoals: Array<Omit<CommitteeGoal, 'indicators'> & { indicators: ComputedIndicator[] }>;
}>;

/** The goals with every indicator's måluppfyllelse. */
export function computeGoals(content: GoalsContent): ComputedGoals {
  return content.goals.map((goal) => ({
    ...goal,
    committeeGoals: goal.committeeGoals.map((cg) => ({
      ...cg,
      indicators: cg.indicators.map((ind) => ({ ...ind, fulfilment: fulfilment(ind) })),
    })),
  }));
}

/**
 * Checks the goals and returns them in clean form: titles and indicator names present,
 * values numbers with the configured decimals (a share between 0 and 100 %), a target a figure
 * or a short text, earlier years labelled once each, assessments as codes (from codes or Swedish
 * text) and required where the template assesses that level, målområden where the template has
 * them, comments (the nämndmål's and the indicators') rich text, Kolada ids in capitals, keys unique over the section. Rows are named
 * by their title or indicator name.
 */
export function checkGoals(config: GoalsConfig | null | undefined, input: unknown): SectionCheck<GoalsContent> {
  if (!isRecord(input) || input['type'] !== 'goals') return notOfKind('Innehållet är inte mål och indikatorer.');
  const issues: SectionIssue[] = [];
  const keys = new Set<string>();
  const assessed = goalsAssessed(config);
  const rawGoals = readList(input, 'goals', 'Målen', issues);
  const names = rowNames(rawGoals.map((g) => rawText(g, 'title')));
  const goals = readRows<CouncilGoal>(rawGoals, names, keys, issues, (raw, row, key) => {
    const title = readText(raw, { field: 'title', label: 'Kommunfullmäktiges mål', max: SECTION_LIMITS.maxText, required: true }, row, issues);
    const area = config?.areas ? readText(raw, { field: 'area', label: 'Målområde', max: SECTION_LIMITS.maxShortText, required: true }, row, issues) : '';
    const assessment = assessed.goals ? readAssessment(config, raw, row, issues) : null;
    const rawCommittee = readList(raw, 'committeeGoals', row, issues);
    const cgNames = rowNames(rawCommittee.map((g) => rawText(g, 'title')));
    const committeeGoals = readRows(rawCommittee, cgNames, keys, issues, (cg, cgRow, cgKey) => checkCommitteeGoal(config, cg, cgRow, cgKey, keys, issues), 'Nämndmålet har fel format.');
    return { key, title, ...(area ? { area } : {}), ...(assessed.goals ? { assessment } : {}), committeeGoals };
  }, 'Målet har fel format.');
  return issues.length ? { ok: false, issues } : { ok: true, content: { type: 'goals', goals } };
}

function readAssessment(config: GoalsConfig | null | undefined, raw: Record<string, unknown>, row: string, issues: SectionIssue[]): Assessment | null {
  const assessment = parseAssessment(raw['assessment']);
  const given = raw['assessment'];
  const choices = orList(ASSESSMENTS.map((a) => ASSESSMENT_LABELS[a]));
  if (!assessment && typeof given === 'string' && given.trim()) {
    issues.push({ row, column: 'assessment', message: `"${given.trim()}" är ingen bedömning; välj ${choices}.` });
  } else if (!assessment && config?.requireAssessment) {
    issues.push({ row, column: 'assessment', message: `Bedömning saknas; välj ${choices}.` });
  }
  return assessment;
}

function checkCommitteeGoal(config: GoalsConfig | null | undefined, raw: Record<string, unknown>, row: string, key: string, keys: Set<string>, issues: SectionIssue[]): CommitteeGoal {
  const title = readText(raw, { field: 'title', label: 'Nämndmål', max: SECTION_LIMITS.maxText, required: true }, row, issues);
  // An unassessed level keeps an assessment given earlier (the template may turn it on again) but never asks for one.
  const assessment = readAssessment(goalsAssessed(config).committeeGoals ? config : { ...config, requireAssessment: false }, raw, row, issues);
  const comment = readRichComment(raw, 'comment', 'Kommentar', row, issues);
  const rawIndicators = readList(raw, 'indicators', row, issues);
  const names = rowNames(rawIndicators.map((r) => rawText(r, 'name')));
  const indicators = readRows(rawIndicators, names, keys, issues, (r, indRow, indKey) => checkIndicator(config, r, indRow, indKey, issues), 'Indikatorn har fel format.');
  return { key, title, assessment, ...(comment ? { comment } : {}), indicators };
}

/** A target: a figure as typed, or a text without digits (`Öka`, `Minska`, `Bibehålla`, at most 60 characters). */
function readTarget(raw: unknown, read: (value: unknown) => number | null, label: string, row: string, issues: SectionIssue[]): number | string | null {
  if (typeof raw !== 'string' || /\d/.test(raw) || !raw.trim()) return read(raw);
  if (parseSwedishNumber(raw).ok) return read(raw);
  const text = targetText(raw);
  if (text.length > 60) {
    issues.push({ row, column: 'target', message: `${label}: ett mål i text får vara högst 60 tecken, t.ex. ${orList([...TARGET_DIRECTIONS])}.` });
    return null;
  }
  return text;
}

function checkEarlier(
  raw: unknown,
  read: (value: unknown, label: string) => number | null,
  taken: readonly string[],
  row: string,
  issues: SectionIssue[],
): EarlierValue[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) || raw.length > 10) {
    issues.push({ row, column: 'earlier', message: 'Tidigare år ska vara en lista med högst 10 år.' });
    return undefined;
  }
  const out: EarlierValue[] = [];
  raw.forEach((entry, i) => {
    const label = isRecord(entry) && typeof entry['label'] === 'string' ? entry['label'].replace(/\s+/g, ' ').trim() : '';
    if (!label || label.length > 20) {
      issues.push({ row, column: 'earlier', message: `Tidigare år ${i + 1}: ange året (1–20 tecken), t.ex. 2019.` });
      return;
    }
    if (out.some((e) => e.label === label)) {
      issues.push({ row, column: 'earlier', message: `${earlierColumnLabel(label)} förekommer två gånger.` });
      return;
    }
    if (taken.includes(earlierColumnLabel(label))) {
      issues.push({ row, column: 'earlier', message: `${earlierColumnLabel(label)} är redan en egen kolumn; tidigare år är åren före den.` });
      return;
    }
    out.push({ label, value: read((entry as Record<string, unknown>)['value'], earlierColumnLabel(label)) });
  });
  return out;
}

function checkIndicator(config: GoalsConfig | null | undefined, raw: Record<string, unknown>, row: string, key: string, issues: SectionIssue[]): Indicator {
  const labels = goalsColumnLabels(config);
  const name = readText(raw, { field: 'name', label: labels.name, max: SECTION_LIMITS.maxText, required: true }, row, issues);
  const unit = raw['unit'] === undefined || raw['unit'] === null || raw['unit'] === '%' ? 'percent' : raw['unit'];
  if (unit !== 'percent' && unit !== 'count') {
    issues.push({ row, column: 'unit', message: `${labels.unit}: "${String(unit)}" finns inte; välj % eller antal.` });
  }
  const figureOf = (value: unknown, field: string, label: string) => {
    const n = readNumber(value, { field, label, decimals: config?.decimals ?? 1, percent: unit === 'percent' }, row, issues);
    if (n !== null && unit === 'percent' && (n < 0 || n > 100)) {
      issues.push({ row, column: field, message: `${label}: ${formatPercent(n, 1)} är ingen andel; en andel ligger mellan 0 och 100 %.` });
      return null;
    }
    if (n !== null && unit === 'count' && n < 0) {
      issues.push({ row, column: field, message: `${label}: ett antal kan inte vara negativt.` });
      return null;
    }
    return n;
  };
  const figure = (field: 'previous' | 'value' | 'target') => figureOf(raw[field], field, labels[field]);
  const earlier = checkEarlier(raw['earlier'], (value, label) => figureOf(value, 'earlier', label), [labels.previous, labels.value], row, issues);
  const [previous, value] = [figure('previous'), figure('value')];
  const target = readTarget(raw['target'], () => figure('target'), labels.target, row, issues);
  if (raw['lowerIsBetter'] !== undefined && typeof raw['lowerIsBetter'] !== 'boolean') {
    issues.push({ row, column: 'lowerIsBetter', message: 'Uppgiften om lägre värde är bättre ska vara ja eller nej.' });
  }
  const assessment = readAssessment(goalsAssessed(config).indicators ? config : { ...config, requireAssessment: false }, raw, row, issues);
  const sourceText = readText(raw, { field: 'source', label: labels.source, max: 100 }, row, issues);
  const source = koladaId(sourceText) ?? sourceText;
  const comment = readRichComment(raw, 'comment', labels.comment, row, issues);
  return {
    key,
    name,
    unit: unit === 'count' ? 'count' : 'percent',
    ...(earlier?.length ? { earlier } : {}),
    previous,
    value,
    target,
    ...(raw['lowerIsBetter'] === true ? { lowerIsBetter: true } : {}),
    assessment,
    ...(source ? { source } : {}),
    ...(comment ? { comment } : {}),
  };
}

/** The cells that changed, computed måluppfyllelse included; goals and indicators followed by key. */
export function diffGoals(before: GoalsContent, after: GoalsContent, config?: GoalsConfig | null): CellChange[] {
  const labels = goalsColumnLabels(config);
  const flatten = (content: GoalsContent) => {
    const cells = new Map<string, DiffCell>();
    const label = (a: Assessment | null) => (a ? ASSESSMENT_LABELS[a] : null);
    const name = (text: string) => rowNames([text])[0];
    for (const goal of computeGoals(content)) {
      cells.set(`${goal.key}:title`, { row: name(goal.title), column: 'Kommunfullmäktiges mål', value: goal.title });
      if (goal.area) cells.set(`${goal.key}:area`, { row: name(goal.title), column: 'Målområde', value: goal.area });
      if (goal.assessment) cells.set(`${goal.key}:assessment`, { row: name(goal.title), column: labels.assessment, value: label(goal.assessment) });
      for (const cg of goal.committeeGoals) {
        const row = name(cg.title);
        cells.set(`${cg.key}:title`, { row, column: 'Nämndmål', value: cg.title });
        cells.set(`${cg.key}:assessment`, { row, column: labels.assessment, value: label(cg.assessment) });
        cells.set(`${cg.key}:comment`, { row, column: labels.comment, value: commentText(cg.comment) });
        for (const ind of cg.indicators) {
          for (const e of ind.earlier ?? []) cells.set(`${ind.key}:earlier:${e.label}`, { row: name(ind.name), column: earlierColumnLabel(e.label), value: e.value });
          const values: Record<keyof typeof labels, string | number | null> = {
            name: ind.name,
            unit: INDICATOR_UNIT_LABELS[ind.unit],
            previous: ind.previous,
            value: ind.value,
            target: ind.target,
            fulfilment: ind.fulfilment,
            assessment: label(ind.assessment),
            source: ind.source ?? null,
            comment: commentText(ind.comment),
          };
          for (const [field, column] of Object.entries(labels)) {
            cells.set(`${ind.key}:${field}`, { row: name(ind.name), column, value: values[field as keyof typeof labels] });
          }
        }
      }
    }
    return cells;
  };
  return diffCells(flatten(before), flatten(after));
}

/**
 * A new cycle's goals from the previous cycle's approved ones: the structure and indicators with
 * assessments and comments cleared; when the year changes this year's value becomes last year's,
 * and an indicator with earlier years moves last year's value into them (the oldest leaving, so the
 * report keeps as many years).
 */
export function carryGoalsForward(previous: GoalsContent, sameYear: boolean): GoalsContent {
  return {
    type: 'goals',
    goals: previous.goals.map(({ assessment, ...goal }) => ({
      ...goal,
      ...(assessment !== undefined ? { assessment: null } : {}),
      committeeGoals: goal.committeeGoals.map(({ comment: _c, ...cg }) => ({
        ...cg,
        assessment: null,
        indicators: cg.indicators.map(({ comment: _ic, ...indicator }) => ({
          ...indicator,
          ...(indicator.earlier?.length && !sameYear ? { earlier: shiftEarlier(indicator.earlier, indicator.previous) } : {}),
          previous: sameYear ? indicator.previous : indicator.value,
          value: sameYear ? indicator.value : null,
          assessment: null,
        })),
      })),
    })),
  };
}

/** The earlier years one year on: last year's value added with the next year's label, the oldest dropped. */
function shiftEarlier(earlier: readonly EarlierValue[], previous: number | null): EarlierValue[] {
  const last = earlier[earlier.length - 1].label;
  const year = /(\d{4})(?!.*\d{4})/.exec(last);
  const label = year ? `${last.slice(0, year.index)}${Number(year[1]) + 1}${last.slice(year.index + 4)}` : 'Föregående år';
  return [...earlier.slice(1), { label, value: previous }];
}

/** Checks what a template says about a goals section and returns it in clean form (defaults left out). */
export function checkGoalsConfig(value: Record<string, unknown>): { ok: true; config: GoalsConfig } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const year = value['year'];
  const decimals = value['decimals'] ?? 1;
  if (year !== undefined && (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100)) errors.push('Målens år ska vara ett årtal.');
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 2) errors.push('Indikatorer anges med 0–2 decimaler.');
  const flags = ['requireAssessment', 'areas', 'assessGoals', 'assessCommitteeGoals', 'assessIndicators'] as const;
  for (const flag of flags) {
    if (value[flag] !== undefined && value[flag] !== null && typeof value[flag] !== 'boolean') errors.push('Målens inställningar ska vara ja eller nej.');
  }
  const columns = value['printColumns'];
  let printColumns: GoalsPrintColumn[] | undefined;
  if (columns !== undefined && columns !== null) {
    if (!Array.isArray(columns) || !columns.every((c) => (GOALS_PRINT_COLUMNS as readonly unknown[]).includes(c))) errors.push('Indikatortabellen har en okänd kolumn.');
    else if (new Set(columns).size !== columns.length) errors.push('En kolumn förekommer två gånger i indikatortabellen.');
    else printColumns = GOALS_PRINT_COLUMNS.filter((c) => columns.includes(c));
  }
  if (errors.length) return { ok: false, errors: [...new Set(errors)] };
  return {
    ok: true,
    config: {
      ...(typeof year === 'number' ? { year } : {}),
      ...(decimals !== 1 ? { decimals: decimals as number } : {}),
      ...(value['requireAssessment'] === true ? { requireAssessment: true } : {}),
      ...(value['areas'] === true ? { areas: true } : {}),
      ...(value['assessGoals'] === true ? { assessGoals: true } : {}),
      ...(value['assessCommitteeGoals'] === false ? { assessCommitteeGoals: false } : {}),
      ...(value['assessIndicators'] === false ? { assessIndicators: false } : {}),
      ...(printColumns && printColumns.length !== GOALS_PRINT_COLUMNS.length ? { printColumns } : {}),
    },
  };
}

/** A stored goals content with every comment as a document (content saved before comments were rich text holds strings). */
export function readGoalsContent(content: GoalsContent): GoalsContent {
  return {
    ...content,
    goals: content.goals.map((g) => ({
      ...g,
      committeeGoals: g.committeeGoals.map(({ comment, ...cg }) => {
        const doc = commentDocument(comment);
        const indicators = cg.indicators.map(({ comment: indicatorComment, ...ind }) => {
          const indicatorDoc = commentDocument(indicatorComment);
          return { ...ind, ...(indicatorDoc ? { comment: indicatorDoc } : {}) };
        });
        return { ...cg, ...(doc ? { comment: doc } : {}), indicators };
      }),
    })),
  };
}

export { commentDocument, commentText, textDocument } from './rich-comment';

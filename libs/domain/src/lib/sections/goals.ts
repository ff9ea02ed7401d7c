/**
 * The goals section (mål och indikatorer; docs/domain.md, "Section kinds and what they hold"):
 * kommunfullmäktige's goals, the nämnd's goals under each, and the indicators of each nämnd
 * goal with last year's value, this year's value, the target, the computed måluppfyllelse and
 * an assessment (Uppnås, Delvis, Uppnås ej) that is always shown as text, its colour only an
 * addition. Måluppfyllelse is computed here and only here.
 */
import { formatPercent } from '../format';
import type { CellChange } from './economy';
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

export interface Indicator {
  key: string;
  name: string;
  unit: IndicatorUnit;
  /** Utfall föregående år. */
  previous: number | null;
  /** Utfall i år (so far). */
  value: number | null;
  /** Mål / etappmål. */
  target: number | null;
  /** Lower values are better (waiting times, costs): måluppfyllelse is target / value. */
  lowerIsBetter?: boolean;
  assessment: Assessment | null;
  /** Where the figure comes from: a Kolada id (`U35544`) or a text (`Egen mätning`). */
  source?: string;
  comment?: string;
}

/** A nämndmål. */
export interface CommitteeGoal {
  key: string;
  title: string;
  assessment: Assessment | null;
  comment?: string;
  indicators: Indicator[];
}

/** A kommunfullmäktige goal (inriktningsmål) with the nämnd's goals under it. */
export interface CouncilGoal {
  key: string;
  title: string;
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
  /** When the section is handed in: every nämndmål and indicator must have an assessment. */
  requireAssessment?: boolean;
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
  if (value === null || target === null || target === 0) return null;
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
 * values numbers with the configured decimals (a share between 0 and 100 %), assessments as
 * codes (from codes or Swedish text), Kolada ids in capitals, keys unique over the section.
 * Rows are named by their title or indicator name.
 */
export function checkGoals(config: GoalsConfig | null | undefined, input: unknown): SectionCheck<GoalsContent> {
  if (!isRecord(input) || input['type'] !== 'goals') return notOfKind('Innehållet är inte mål och indikatorer.');
  const issues: SectionIssue[] = [];
  const keys = new Set<string>();
  const rawGoals = readList(input, 'goals', 'Målen', issues);
  const names = rowNames(rawGoals.map((g) => rawText(g, 'title')));
  const goals = readRows<CouncilGoal>(rawGoals, names, keys, issues, (raw, row, key) => {
    const title = readText(raw, { field: 'title', label: 'Kommunfullmäktiges mål', max: SECTION_LIMITS.maxText, required: true }, row, issues);
    const rawCommittee = readList(raw, 'committeeGoals', row, issues);
    const cgNames = rowNames(rawCommittee.map((g) => rawText(g, 'title')));
    const committeeGoals = readRows(rawCommittee, cgNames, keys, issues, (cg, cgRow, cgKey) => checkCommitteeGoal(config, cg, cgRow, cgKey, keys, issues), 'Nämndmålet har fel format.');
    return { key, title, committeeGoals };
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
  const assessment = readAssessment(config, raw, row, issues);
  const comment = readText(raw, { field: 'comment', label: 'Kommentar', max: SECTION_LIMITS.maxComment }, row, issues);
  const rawIndicators = readList(raw, 'indicators', row, issues);
  const names = rowNames(rawIndicators.map((r) => rawText(r, 'name')));
  const indicators = readRows(rawIndicators, names, keys, issues, (r, indRow, indKey) => checkIndicator(config, r, indRow, indKey, issues), 'Indikatorn har fel format.');
  return { key, title, assessment, ...(comment ? { comment } : {}), indicators };
}

function checkIndicator(config: GoalsConfig | null | undefined, raw: Record<string, unknown>, row: string, key: string, issues: SectionIssue[]): Indicator {
  const labels = goalsColumnLabels(config);
  const name = readText(raw, { field: 'name', label: labels.name, max: SECTION_LIMITS.maxText, required: true }, row, issues);
  const unit = raw['unit'] === undefined || raw['unit'] === null || raw['unit'] === '%' ? 'percent' : raw['unit'];
  if (unit !== 'percent' && unit !== 'count') {
    issues.push({ row, column: 'unit', message: `${labels.unit}: "${String(unit)}" finns inte; välj % eller antal.` });
  }
  const figure = (field: 'previous' | 'value' | 'target') => {
    const label = labels[field];
    const n = readNumber(raw[field], { field, label, decimals: config?.decimals ?? 1, percent: unit === 'percent' }, row, issues);
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
  const [previous, value, target] = [figure('previous'), figure('value'), figure('target')];
  if (raw['lowerIsBetter'] !== undefined && typeof raw['lowerIsBetter'] !== 'boolean') {
    issues.push({ row, column: 'lowerIsBetter', message: 'Uppgiften om lägre värde är bättre ska vara ja eller nej.' });
  }
  const assessment = readAssessment(config, raw, row, issues);
  const sourceText = readText(raw, { field: 'source', label: labels.source, max: 100 }, row, issues);
  const source = koladaId(sourceText) ?? sourceText;
  const comment = readText(raw, { field: 'comment', label: labels.comment, max: SECTION_LIMITS.maxComment }, row, issues);
  return {
    key,
    name,
    unit: unit === 'count' ? 'count' : 'percent',
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
      for (const cg of goal.committeeGoals) {
        const row = name(cg.title);
        cells.set(`${cg.key}:title`, { row, column: 'Nämndmål', value: cg.title });
        cells.set(`${cg.key}:assessment`, { row, column: labels.assessment, value: label(cg.assessment) });
        cells.set(`${cg.key}:comment`, { row, column: labels.comment, value: cg.comment ?? null });
        for (const ind of cg.indicators) {
          const values: Record<keyof typeof labels, string | number | null> = {
            name: ind.name,
            unit: INDICATOR_UNIT_LABELS[ind.unit],
            previous: ind.previous,
            value: ind.value,
            target: ind.target,
            fulfilment: ind.fulfilment,
            assessment: label(ind.assessment),
            source: ind.source ?? null,
            comment: ind.comment ?? null,
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

/**
 * A task's content by its section kind: the one place that knows which checker, which empty
 * form, which diff and which carry-forward belong to which kind. Narrative sections hold rich text.
 */
import { emptyDocument, plainText, RichTextDocument, sanitizeRichText } from '../rich-text';
import type { SectionKind } from '../template';
import { BlockDiff, diffDocuments } from '../text-diff';
import { ActionPlanConfig, ActionPlanContent, carryForward as carryActionPlanForward, checkActionPlan, diffActionPlan } from './action-plan';
import { CellChange, checkEconomy, checkEconomyConfig, diffEconomy, EconomyContent, EconomyTableConfig } from './economy';
import { BlocksConfig, BlocksContent, carryBlocksForward, checkBlocksConfig, checkBlocksContent, diffBlocks, hasCarriedBlocks, isEmptyBlocks } from './blocks';
import { checkTable, checkTableConfig, diffTable, TableConfig, TableContent } from './generic-table';
import { carryGoalsForward, checkGoals, checkGoalsConfig, diffGoals, GoalsConfig, GoalsContent } from './goals';
import {
  carryForwardPlan,
  checkInternalControl,
  checkInternalControlConfig,
  diffInternalControl,
  hasInternalControlRows,
  InternalControlConfig,
  InternalControlContent,
  isEmptyInternalControl,
} from './internal-control';
import { isRecord, SectionIssue } from './section-check';
import { checkSickLeave, diffSickLeave, SickLeaveConfig, SickLeaveContent } from './sick-leave';

export type StructuredContent = EconomyContent | SickLeaveContent | ActionPlanContent | InternalControlContent | GoalsContent | TableContent | BlocksContent;
export type TaskContent = RichTextDocument | StructuredContent;

/** What a template says about a section's content beyond its kind (the layout of its kind's table). */
export interface SectionConfig {
  economy?: EconomyTableConfig;
  sickLeave?: SickLeaveConfig;
  actionPlan?: ActionPlanConfig;
  internalControl?: InternalControlConfig;
  goals?: GoalsConfig;
  table?: TableConfig;
  /** Sections made of blocks: the blocks in order (blocks.ts). */
  blocks?: BlocksConfig;
}

/** Nacka's layout (reference 000): ack utfall and budget, helår budget and prognos. */
export const DEFAULT_ECONOMY_CONFIG: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
};

/** A table section whose template names no columns: a description and an amount in tkr, summed. */
export const DEFAULT_TABLE_CONFIG: TableConfig = {
  columns: [
    { key: 'beskrivning', label: 'Beskrivning', type: 'text', required: true },
    { key: 'belopp', label: 'Belopp tkr', type: 'number', sum: true },
  ],
  totalLabel: 'Summa',
};

export function economyConfigOf(config: SectionConfig | null | undefined): EconomyTableConfig {
  return config?.economy ?? DEFAULT_ECONOMY_CONFIG;
}

export function tableConfigOf(config: SectionConfig | null | undefined): TableConfig {
  return config?.table ?? DEFAULT_TABLE_CONFIG;
}

/** The section kinds with a structured (table) schema; narrative sections hold rich text. */
export const STRUCTURED_KINDS: readonly SectionKind[] = ['economy', 'sick_leave', 'action_plan', 'internal_control', 'goals', 'table', 'blocks'];

export function isStructured(kind: SectionKind): boolean {
  return STRUCTURED_KINDS.includes(kind);
}

/** The content a new task of the kind starts from. */
export function emptyContent(kind: SectionKind): TaskContent {
  switch (kind) {
    case 'economy':
      return { type: 'economy', rows: [] };
    case 'sick_leave':
      return { type: 'sick_leave', values: { total: null, shortTerm: null, longTerm: null } };
    case 'action_plan':
      return { type: 'action_plan', rows: [] };
    case 'internal_control':
      return { type: 'internal_control', plan: [], risks: [] };
    case 'goals':
      return { type: 'goals', goals: [] };
    case 'table':
      return { type: 'table', rows: [] };
    case 'blocks':
      return { type: 'blocks', blocks: {} };
    default:
      return emptyDocument();
  }
}

export type ContentCheck =
  | { ok: true; content: TaskContent; removed: string[] }
  | { ok: false; errors: string[] };

/**
 * `row: message`, as the API and the editor show an issue; a message that already begins with
 * the row's name (`Total sjukfrånvaro: en andel kan inte vara negativ.`) is not prefixed again.
 */
export function issueText(issue: { row: string | null; message: string }): string {
  const { row, message } = issue;
  if (!row) return message;
  if (message.startsWith(`${row}:`) || message.startsWith(`${row} `)) return message;
  return message ? `${row}: ${message}` : row;
}

function fromIssues<T extends TaskContent>(checked: { ok: true; content: T } | { ok: false; issues: ReadonlyArray<SectionIssue | { row: string | null; message: string }> }): ContentCheck {
  return checked.ok ? { ok: true, content: checked.content, removed: [] } : { ok: false, errors: checked.issues.map(issueText) };
}

/**
 * Checks untrusted content for a section; errors name the row and column where there is one.
 * `forSubmit` adds what must be there before the section is handed in (every control's
 * result, every goal's and indicator's assessment).
 */
export function checkContent(kind: SectionKind, config: SectionConfig | null | undefined, input: unknown, options: { forSubmit?: boolean } = {}): ContentCheck {
  const strict = options.forSubmit === true;
  switch (kind) {
    case 'economy':
      return fromIssues(checkEconomy(economyConfigOf(config), input));
    case 'sick_leave':
      return fromIssues(checkSickLeave(config?.sickLeave, input));
    case 'action_plan':
      return fromIssues(checkActionPlan(config?.actionPlan, input));
    case 'internal_control':
      return fromIssues(checkInternalControl({ ...config?.internalControl, ...(strict ? { requireResults: true } : {}) }, input));
    case 'goals':
      return fromIssues(checkGoals({ ...config?.goals, ...(strict ? { requireAssessment: true } : {}) }, input));
    case 'table':
      return fromIssues(checkTable(tableConfigOf(config), input));
    case 'blocks':
      return checkBlocksContent(config, input, options);
    default: {
      const sanitized = sanitizeRichText(input);
      return sanitized.ok ? { ok: true, content: sanitized.document, removed: sanitized.removed } : sanitized;
    }
  }
}

/** Nothing to hand in yet. */
export function isEmptyContent(content: TaskContent): boolean {
  switch (content.type) {
    case 'economy':
    case 'action_plan':
    case 'table':
      return content.rows.length === 0;
    case 'sick_leave':
      return content.values.total === null && content.values.shortTerm === null && content.values.longTerm === null && !content.comment;
    case 'internal_control':
      return isEmptyInternalControl(content);
    case 'goals':
      return content.goals.length === 0;
    case 'blocks':
      return isEmptyBlocks(content);
    default:
      return plainText(content).trim() === '';
  }
}

export interface ContentDiff {
  blocks: BlockDiff[];
  cells: CellChange[];
}

/** What changed between two versions: text blocks for rich text, cells (old and new value) for tables. */
export function diffContent(kind: SectionKind, config: SectionConfig | null | undefined, before: TaskContent, after: TaskContent): ContentDiff {
  if (kind === 'blocks') {
    const asBlocks = (c: TaskContent): BlocksContent => (c.type === 'blocks' ? c : { type: 'blocks', blocks: {} });
    return diffBlocks(config, asBlocks(before), asBlocks(after));
  }
  if (!isStructured(kind)) {
    const asDocument = (c: TaskContent) => (c.type === 'doc' ? c : emptyDocument());
    return { blocks: diffDocuments(asDocument(before), asDocument(after)), cells: [] };
  }
  // A version of another shape (a section whose kind changed in the template) diffs as empty.
  const as = <T extends TaskContent>(c: TaskContent): T => (c.type === after.type ? c : emptyContent(kind)) as T;
  const a = as<typeof after>(before);
  let cells: CellChange[] = [];
  if (after.type === 'economy') cells = diffEconomy(economyConfigOf(config), a as EconomyContent, after);
  else if (after.type === 'sick_leave') cells = diffSickLeave(config?.sickLeave, a as SickLeaveContent, after);
  else if (after.type === 'action_plan') cells = diffActionPlan(a as ActionPlanContent, after);
  else if (after.type === 'internal_control') cells = diffInternalControl(a as InternalControlContent, after, config?.internalControl);
  else if (after.type === 'goals') cells = diffGoals(a as GoalsContent, after, config?.goals);
  else if (after.type === 'table') cells = diffTable(tableConfigOf(config), a as TableContent, after);
  return { blocks: [], cells };
}

/** The kinds a new cycle starts from the previous cycle's approved content (see carryContentForward). */
export const CARRIED_KINDS: readonly SectionKind[] = ['economy', 'action_plan', 'internal_control', 'goals', 'table', 'blocks'];

/**
 * What a new cycle's task starts from, given the same unit's approved content of the
 * section in the previous cycle: the action plan's unfinished rows, the internal control
 * plan with results cleared, the goals' structure and indicators with this year's values as
 * last year's when the year changes, a table's rows. Economy is carried by `carryEconomyForward`
 * (it needs both layouts); sick leave and narrative text start empty (earlier sick-leave
 * figures are shown as history, never copied).
 */
export function carryContentForward(kind: SectionKind, previous: TaskContent, sameYear: boolean, config?: SectionConfig | null): TaskContent {
  if (previous.type === 'blocks' && kind === 'blocks') return carryBlocksForward(config, previous, sameYear);
  if (previous.type === 'action_plan' && kind === 'action_plan') return carryActionPlanForward(previous);
  if (previous.type === 'internal_control' && kind === 'internal_control') return carryForwardPlan(previous);
  if (previous.type === 'goals' && kind === 'goals') return carryGoalsForward(previous, sameYear);
  if (previous.type === 'table' && kind === 'table') return { type: 'table', rows: previous.rows.map((row) => ({ ...row, cells: { ...row.cells } })) };
  return emptyContent(kind);
}

/** Whether approved content holds anything worth carrying forward (a cycle closed with an untouched task does not). */
export function hasCarriedContent(content: TaskContent): boolean {
  switch (content.type) {
    case 'economy':
    case 'action_plan':
    case 'table':
      return content.rows.length > 0;
    case 'internal_control':
      return hasInternalControlRows(content);
    case 'goals':
      return content.goals.length > 0;
    case 'blocks':
      return hasCarriedBlocks(content);
    default:
      return false;
  }
}

/** An approved task of an earlier cycle of the same nämnd, as a new cycle may start from it. */
export interface EarlierContent<T = TaskContent> {
  key: string;
  title: string;
  kind: SectionKind;
  unitId: string | null;
  periodEnd: string;
  content: T;
}

/**
 * The earlier content a new cycle's task of a section starts from: the latest approved content
 * of the same section kind for the same unit (empty content skipped). Templates change between
 * cycles (a T1 template, a renamed chapter), so the section is found by its key, else by its
 * title, else — when the new template has only this one section of the kind — by the kind alone.
 */
export function earlierContentFor<T extends EarlierContent<unknown>>(
  section: { key: string; title: string; kind: SectionKind },
  unitId: string | null,
  candidates: readonly T[],
  onlyOneOfKind: boolean,
): T | undefined {
  const usable = candidates
    .filter((c) => c.kind === section.kind && c.unitId === unitId && hasCarriedContent(c.content as TaskContent))
    .sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : a.periodEnd > b.periodEnd ? -1 : 0));
  const title = section.title.trim().toLocaleLowerCase('sv-SE');
  return (
    usable.find((c) => c.key === section.key) ??
    usable.find((c) => c.title.trim().toLocaleLowerCase('sv-SE') === title) ??
    (onlyOneOfKind ? usable[0] : undefined)
  );
}

/** Checks a template's layout of an economy table (economy/config.ts). */
export { checkEconomyConfig };

const CONFIG_KIND: Readonly<Record<keyof SectionConfig, SectionKind>> = {
  economy: 'economy',
  sickLeave: 'sick_leave',
  actionPlan: 'action_plan',
  internalControl: 'internal_control',
  goals: 'goals',
  table: 'table',
  blocks: 'blocks',
};

const isShortText = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim().length > 0 && value.trim().length <= max;

/**
 * Checks what a template says about a section of the given kind and returns it in clean form
 * (unknown settings dropped); a layout for another kind is an error.
 */
export function checkSectionConfig(kind: SectionKind, input: unknown): { ok: true; config: SectionConfig | null } | { ok: false; errors: string[] } {
  if (input === null || input === undefined) return { ok: true, config: null };
  if (!isRecord(input)) return { ok: false, errors: ['Avsnittets upplägg har fel format.'] };
  const errors: string[] = [];
  const config: SectionConfig = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    const belongs = CONFIG_KIND[key as keyof SectionConfig];
    if (!belongs) {
      errors.push(`Okänd inställning "${key}".`);
      continue;
    }
    if (belongs !== kind) {
      errors.push('Upplägget är gjort för en annan avsnittstyp och passar inte avsnittstypen.');
      continue;
    }
    if (!isRecord(value)) {
      errors.push('Avsnittets upplägg har fel format.');
      continue;
    }
    if (key === 'economy') {
      const layout = checkEconomyConfig(value);
      if (layout.ok) config.economy = layout.config;
      else errors.push(...layout.errors);
    } else if (key === 'blocks') {
      const layout = checkBlocksConfig(value);
      if (layout.ok) config.blocks = layout.config;
      else errors.push(...layout.errors);
    } else if (key === 'table') {
      const layout = checkTableConfig(value);
      if (layout.ok) config.table = layout.config;
      else errors.push(...layout.errors);
    } else if (key === 'sickLeave') {
      const short = value['shortTermLabel'];
      const long = value['longTermLabel'];
      if (!isShortText(short, 40) || !isShortText(long, 40)) errors.push('Ange gränserna för kort- och långtidssjukfrånvaro (1–40 tecken), t.ex. 1–14 dagar och 15–90 dagar.');
      const decimals = value['decimals'] ?? 1;
      if (decimals !== 1 && decimals !== 2) errors.push('Sjukfrånvaro anges med en eller två decimaler.');
      const bands = value['ageBands'] ?? [];
      const ageBands: Array<{ key: string; label: string }> = [];
      if (!Array.isArray(bands) || bands.length > 8) errors.push('Åldersgrupperna har fel format (högst 8).');
      else {
        for (const band of bands) {
          if (!isRecord(band) || typeof band['key'] !== 'string' || !/^[a-z0-9_-]{1,40}$/.test(band['key']) || !isShortText(band['label'], 40)) {
            errors.push('En åldersgrupp saknar nyckel eller rubrik.');
          } else if (ageBands.some((b) => b.key === band['key'])) errors.push(`Åldersgruppen "${band['label']}" förekommer två gånger.`);
          else ageBands.push({ key: band['key'], label: (band['label'] as string).trim() });
        }
      }
      if (isShortText(short, 40) && isShortText(long, 40)) {
        config.sickLeave = {
          shortTermLabel: short.trim(),
          longTermLabel: long.trim(),
          ...(value['byGender'] === true ? { byGender: true } : {}),
          ...(ageBands.length ? { ageBands } : {}),
          ...(decimals === 2 ? { decimals: 2 as const } : {}),
        };
      }
    } else if (key === 'actionPlan') {
      const areas = value['areas'] ?? [];
      if (!Array.isArray(areas) || areas.length > 30 || !areas.every((a) => isShortText(a, 40))) errors.push('Ansvarsområdena ska vara högst 30 korta texter.');
      else config.actionPlan = { ...(areas.length ? { areas: areas.map((a: string) => a.trim()) } : {}), ...(value['effect'] === true ? { effect: true } : {}) };
    } else if (key === 'internalControl') {
      const layout = checkInternalControlConfig(value);
      if (layout.ok) config.internalControl = layout.config;
      else errors.push(...layout.errors);
    } else if (key === 'goals') {
      const layout = checkGoalsConfig(value);
      if (layout.ok) config.goals = layout.config;
      else errors.push(...layout.errors);
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, config: Object.keys(config).length ? config : null };
}

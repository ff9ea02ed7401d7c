/**
 * The action plan section (åtgärdsplan; docs/domain.md, "Section kinds and what they hold"): rows of
 * åtgärd, responsible area (FL, SOV, AoB, ÄFH…), years (`2020 - 2021`), status and comment,
 * sometimes the expected effect in tkr. A new cycle carries the rows not yet done forward for
 * a status update (`carryForward`), and `statusHistory` follows each row across cycles by key.
 */
import type { CellChange } from './economy';
import {
  codeIssue,
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
  rowNames,
  SECTION_LIMITS,
  SectionCheck,
  SectionIssue,
} from './section-check';

export const ACTION_STATUSES = ['not_started', 'started', 'done', 'not_done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  not_started: 'Ej påbörjat',
  started: 'Påbörjat',
  done: 'Genomfört',
  not_done: 'Ej genomfört',
};

/** A status from its code or its Swedish text, case-insensitive (`påbörjat`, `Ej genomfört.`); null otherwise. */
export function parseActionStatus(text: unknown): ActionStatus | null {
  return parseCode(ACTION_STATUS_LABELS, text, { 'Ej påbörjad': 'not_started', Påbörjad: 'started', Genomförd: 'done', 'Ej genomförd': 'not_done', Pågår: 'started' });
}

/** What the template says about the plan. */
export interface ActionPlanConfig {
  /** The responsible areas to choose from (`FL`, `SOV`, `AoB`, `ÄFH`); any short text when absent. */
  areas?: readonly string[];
  /** Whether the plan has the column for expected effect in tkr. */
  effect?: boolean;
}

export interface ActionPlanRow {
  key: string;
  action: string;
  /** Responsible area, e.g. `FL`; empty when not given. */
  area: string;
  /** `2020 - 2021` or `2021`; empty when not given. */
  years: string;
  status: ActionStatus;
  comment?: string;
  /** Expected effect in whole tkr (a saving positive). */
  effect?: number | null;
}

export interface ActionPlanContent {
  type: 'action_plan';
  rows: ActionPlanRow[];
}

export const ACTION_PLAN_FIELD_LABELS = {
  action: 'Åtgärd',
  area: 'Ansvarsområde',
  years: 'År',
  status: 'Status',
  comment: 'Kommentar',
  effect: 'Effekt (tkr)',
} as const;

/**
 * Years as people type them (`2020 - 2021`, `2020–2021`, `2020-2021`, `2021`) in one form:
 * `2020 - 2021`, `2021`. An error message when it is not a year or a span of years in order.
 */
export function parseActionYears(text: string): { ok: true; years: string } | { ok: false; message: string } {
  const t = text.trim();
  if (!t) return { ok: true, years: '' };
  const match = /^(\d{4})(?:\s*[-–—]\s*(\d{4}))?$/.exec(t);
  if (!match) return { ok: false, message: `"${t}" är inte ett år eller en period som 2020 - 2021.` };
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : from;
  if (from < 2000 || to > 2100) return { ok: false, message: `"${t}" är inte ett rimligt årtal.` };
  if (to < from) return { ok: false, message: `"${t}": startåret kan inte vara efter slutåret.` };
  return { ok: true, years: to === from ? String(from) : `${from} - ${to}` };
}

/**
 * Checks an action plan and returns it in clean form: every row an åtgärd and a status (code
 * or Swedish text), the area one of the template's, years in one form, the effect in whole tkr
 * where the template has that column. Rows are named by their åtgärd.
 */
export function checkActionPlan(config: ActionPlanConfig | null | undefined, input: unknown): SectionCheck<ActionPlanContent> {
  if (!isRecord(input) || input['type'] !== 'action_plan') return notOfKind('Innehållet är inte en åtgärdsplan.');
  const issues: SectionIssue[] = [];
  const raws = readList(input, 'rows', 'Åtgärdsplanen', issues);
  const names = rowNames(raws.map((r) => rawText(r, 'action')));
  const rows = readRows<ActionPlanRow>(raws, names, new Set<string>(), issues, (raw, row, key) => {
    const L = ACTION_PLAN_FIELD_LABELS;
    const action = readText(raw, { field: 'action', label: L.action, max: SECTION_LIMITS.maxText, required: true }, row, issues);
    const area = readArea(config, readText(raw, { field: 'area', label: L.area, max: 60 }, row, issues), row, issues);
    const yearsText = readText(raw, { field: 'years', label: L.years, max: 40 }, row, issues);
    const years = parseActionYears(yearsText);
    if (!years.ok) issues.push({ row, column: 'years', message: `${L.years}: ${years.message}` });
    const status = parseActionStatus(raw['status']);
    if (!status) issues.push(codeIssue(raw['status'], 'status', ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s]), row, 'status'));
    const comment = readText(raw, { field: 'comment', label: L.comment, max: SECTION_LIMITS.maxComment }, row, issues);
    let effect: number | null = null;
    if (raw['effect'] !== undefined && raw['effect'] !== null && raw['effect'] !== '') {
      if (!config?.effect) issues.push({ row, column: 'effect', message: `${L.effect}: planen har ingen kolumn för effekt.` });
      else effect = readNumber(raw['effect'], { field: 'effect', label: L.effect, decimals: 0 }, row, issues);
    }
    return {
      key,
      action,
      area,
      years: years.ok ? years.years : '',
      status: status ?? 'not_started',
      ...(comment ? { comment } : {}),
      ...(config?.effect ? { effect } : {}),
    };
  });
  return issues.length ? { ok: false, issues } : { ok: true, content: { type: 'action_plan', rows } };
}

/** The area in the template's spelling (`aob` → `AoB`), or an issue naming the choices. */
function readArea(config: ActionPlanConfig | null | undefined, area: string, row: string, issues: SectionIssue[]): string {
  if (!area || !config?.areas?.length) return area;
  const match = config.areas.find((a) => a.toLocaleLowerCase('sv-SE') === area.toLocaleLowerCase('sv-SE'));
  if (!match) issues.push({ row, column: 'area', message: `${ACTION_PLAN_FIELD_LABELS.area}: "${area}" finns inte; välj ${orList(config.areas)}.` });
  return match ?? area;
}

/**
 * The plan for the next cycle: the rows not yet Genomfört, with the same keys and status and
 * the comment cleared for the new status update. (Ej genomfört rows are kept too: the nämnd
 * sees them again until someone removes them.)
 */
export function carryForward(previous: ActionPlanContent): ActionPlanContent {
  return {
    type: 'action_plan',
    rows: previous.rows
      .filter((row) => row.status !== 'done')
      .map(({ comment: _comment, ...row }) => row),
  };
}

export interface ActionStatusHistory {
  /** The cycles' periods, in the order given (oldest first). */
  periods: string[];
  /** One row per action key, in order of first appearance; texts from the latest cycle holding it. */
  rows: Array<{ key: string; action: string; area: string; statuses: Array<ActionStatus | null> }>;
}

/** Each row's status across cycles (null where a cycle does not hold the row). */
export function statusHistory(cycles: ReadonlyArray<{ period: string; content: ActionPlanContent }>): ActionStatusHistory {
  const rows = new Map<string, ActionStatusHistory['rows'][number]>();
  cycles.forEach(({ content }, i) => {
    for (const row of content.rows) {
      const entry = rows.get(row.key) ?? { key: row.key, action: row.action, area: row.area, statuses: cycles.map(() => null) };
      entry.action = row.action;
      entry.area = row.area;
      entry.statuses[i] = row.status;
      rows.set(row.key, entry);
    }
  });
  return { periods: cycles.map((c) => c.period), rows: [...rows.values()] };
}

/** The cells that changed between two versions, rows followed by key (statuses as their Swedish label). */
export function diffActionPlan(before: ActionPlanContent, after: ActionPlanContent): CellChange[] {
  const flatten = (content: ActionPlanContent) => {
    const cells = new Map<string, DiffCell>();
    const names = rowNames(content.rows.map((r) => r.action));
    content.rows.forEach((r, i) => {
      const values: Record<keyof typeof ACTION_PLAN_FIELD_LABELS, string | number | null> = {
        action: r.action,
        area: r.area || null,
        years: r.years || null,
        status: ACTION_STATUS_LABELS[r.status],
        comment: r.comment ?? null,
        effect: r.effect ?? null,
      };
      for (const [field, label] of Object.entries(ACTION_PLAN_FIELD_LABELS)) {
        cells.set(`${r.key}:${field}`, { row: names[i], column: label, value: values[field as keyof typeof values] });
      }
    });
    return cells;
  };
  return diffCells(flatten(before), flatten(after));
}

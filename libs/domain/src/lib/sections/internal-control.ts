/**
 * The internal control section (intern kontrollplan; docs/domain.md, "Section kinds
 * and what they hold"): the plan's rows (kontrollområde, kontrollmål, ansvarig, metod, frekvens,
 * rapporteras i/till), each with this period's result and a comment, which is required when
 * the result is Avvikelse or Ej genomförd; and risk tables (risk, orsak, påverkan, hantering,
 * Ännu aktuell / Ej aktuell risk, or a status the template adds) with optional group headings.
 * The template's layout may instead be a table of the auditors' recommendations (revision/
 * granskning, bakgrund, åtgärd, status) or of systematic controls (mål/process, kontroll, status
 * och kommentar); risk tables go with every layout. `carryForwardPlan` starts the next cycle from
 * the same rows with this period's results cleared.
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
  readRowKey,
  readRows,
  readText,
  rowNames,
  SECTION_LIMITS,
  SectionCheck,
  SectionIssue,
  TextField,
} from './section-check';

export const CONTROL_RESULTS = ['as_planned', 'deviation', 'not_done'] as const;
export type ControlResult = (typeof CONTROL_RESULTS)[number];

export const CONTROL_RESULT_LABELS: Readonly<Record<ControlResult, string>> = {
  as_planned: 'Genomfört enligt plan',
  deviation: 'Avvikelse',
  not_done: 'Ej genomförd',
};

export const RISK_STATUSES = ['active', 'inactive'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const RISK_STATUS_LABELS: Readonly<Record<RiskStatus, string>> = {
  active: 'Ännu aktuell risk',
  inactive: 'Ej aktuell risk',
};

/**
 * A result from its code or Swedish text, case-insensitive (`Genomfört enligt plan.`, `ej
 * genomfört`): the built-in ones, and with the template's config those it adds.
 */
export function parseControlResult(text: unknown, config?: InternalControlConfig | null): string | null {
  return parseCode(controlResultLabels(config), text, {
    'Genomförd enligt plan': 'as_planned',
    'Ej genomfört': 'not_done',
    Avvikande: 'deviation',
  });
}

/** A risk status from its code or Swedish label: the built-in ones, and those the template adds. */
export function parseRiskStatus(text: unknown, config?: InternalControlConfig | null): string | null {
  return parseCode(riskStatusLabels(config), text, { 'Aktuell risk': 'active', 'Ej längre aktuell risk': 'inactive' });
}

/**
 * Gnesta writes a risk's status at the end of its text (`Ökad försörjningskvot. Ännu aktuell
 * risk.`); an import splits it off. The status is null when the text does not end with one.
 */
export function splitRiskStatus(text: string): { risk: string; status: RiskStatus | null } {
  const match = /^(.*?)\s*(ännu aktuell risk|ej aktuell risk)\.?\s*$/is.exec(text.trim());
  if (!match) return { risk: text.trim(), status: null };
  return { risk: match[1].trim(), status: parseRiskStatus(match[2]) as RiskStatus | null };
}

export interface ControlRow {
  key: string;
  /** Kontrollområde (`Ekonomistyrning`). */
  area: string;
  /** Kontrollmål. */
  goal: string;
  responsible: string;
  method: string;
  frequency: string;
  reportedTo: string;
  /** This period's result (a ControlResult, or the key of a result the template adds); null until reported. */
  result: string | null;
  comment?: string;
  /** Heading the row is printed under (`Ekonomi`, `Verksamhet/Brukare`, `Medarbetare`). */
  group?: string;
}

export interface RiskRow {
  key: string;
  risk: string;
  cause: string;
  impact: string;
  handling: string;
  /** A RiskStatus, or the key of a status the template adds (`statuses`). */
  status: string;
  /** Heading the row is printed under (`Administration och bistånd`). */
  group?: string;
}

export interface RiskTable {
  key: string;
  /** `Omvärldsrisker`, `Verksamhetsrisker`, `Finansiella risker`. */
  title: string;
  rows: RiskRow[];
}

/** One of the auditors' recommendations and what is done about it (layout `audit_recommendations`). */
export interface AuditRecommendationRow {
  key: string;
  /** Revision/Granskning: the audit that made the recommendation. */
  review: string;
  /** Bakgrund. */
  background: string;
  /** Åtgärd. */
  action: string;
  /** Status, as the writer reports it this period. */
  status: string;
}

/** One systematic control (layout `systematic_controls`). */
export interface SystematicControlRow {
  key: string;
  /** Mål/process. */
  area: string;
  /** Kontroll. */
  control: string;
  /** Status och kommentar, this period. */
  statusComment: string;
}

export interface InternalControlContent {
  type: 'internal_control';
  plan: ControlRow[];
  risks: RiskTable[];
  /** Layout `audit_recommendations` only. */
  recommendations?: AuditRecommendationRow[];
  /** Layout `systematic_controls` only. */
  controls?: SystematicControlRow[];
}

/** What the section's main table is: the eight-column plan (default), audit recommendations, systematic controls. */
export const INTERNAL_CONTROL_LAYOUTS = ['plan', 'audit_recommendations', 'systematic_controls'] as const;
export type InternalControlLayout = (typeof INTERNAL_CONTROL_LAYOUTS)[number];

export const INTERNAL_CONTROL_LAYOUT_LABELS: Readonly<Record<InternalControlLayout, string>> = {
  plan: 'Intern kontrollplan',
  audit_recommendations: 'Revisionens rekommendationer',
  systematic_controls: 'Systematiska kontroller',
};

/**
 * How a risk table prints its rows' groups: a first column (default), one table per group, or a
 * heading row above each group's risks inside the one table ('Mål: Trygg och säker vård').
 */
export const RISK_GROUP_DISPLAYS = ['column', 'tables', 'rows'] as const;
export type RiskGroupDisplay = (typeof RISK_GROUP_DISPLAYS)[number];

/** The template editor's words for each choice (also the error message's). */
export const RISK_GROUP_DISPLAY_LABELS: Readonly<Record<RiskGroupDisplay, string>> = {
  column: 'Som första kolumn',
  tables: 'En tabell per rubrik',
  rows: 'Som rubrikrad i tabellen',
};

/** A risk status the template adds beside Ännu aktuell risk and Ej aktuell risk (`Troligen klart i år`). */
export interface ControlStatus {
  key: string;
  label: string;
}

export interface InternalControlConfig {
  /** When the section is handed in: every control must have its result. */
  requireResults?: boolean;
  /** The main table; 'plan' when absent. */
  layout?: InternalControlLayout;
  /** The main table's caption; the layout's label when absent. */
  caption?: string;
  /** Risk statuses beside the built-in two; none when absent. */
  statuses?: readonly ControlStatus[];
  /** Control results beside the built-in three (no comment required, no colour mark); none when absent. */
  results?: readonly ControlStatus[];
  /** How risk groups print; 'column' when absent. */
  riskGroups?: RiskGroupDisplay;
  /** Optional columns with nothing in any row are left out of the printed table; off when absent (printed as –). */
  hideEmptyColumns?: boolean;
}

export function internalControlLayoutOf(config: InternalControlConfig | null | undefined): InternalControlLayout {
  return config?.layout ?? 'plan';
}

/** Every risk status's label by key: the built-in ones (which keep their labels) and the template's. */
export function riskStatusLabels(config: InternalControlConfig | null | undefined): Readonly<Record<string, string>> {
  const labels: Record<string, string> = { ...RISK_STATUS_LABELS };
  for (const status of config?.statuses ?? []) if (!(status.key in RISK_STATUS_LABELS)) labels[status.key] = status.label;
  return labels;
}

/** Every control result's label by key: the built-in ones (which keep their labels) and the template's. */
export function controlResultLabels(config: InternalControlConfig | null | undefined): Readonly<Record<string, string>> {
  const labels: Record<string, string> = { ...CONTROL_RESULT_LABELS };
  for (const result of config?.results ?? []) if (!(result.key in CONTROL_RESULT_LABELS)) labels[result.key] = result.label;
  return labels;
}

/** A control's result as printed; an unknown key prints as itself. */
export function controlResultLabel(config: InternalControlConfig | null | undefined, result: string): string {
  return controlResultLabels(config)[result] ?? result;
}

/** A risk's status as printed; an unknown key (a status the template no longer lists) prints as itself. */
export function riskStatusLabel(config: InternalControlConfig | null | undefined, status: string): string {
  return riskStatusLabels(config)[status] ?? status;
}

export const CONTROL_LIMITS = { maxStatuses: 12, maxStatusLabel: 60, maxCaption: 120 };

/**
 * A template's list of added choices (risk statuses, control results): keys a–z, 0–9, - and _,
 * labels 1–60 characters, neither the built-in ones (which keep their labels) nor twice.
 */
function readChoiceList(
  raw: unknown,
  builtIn: Readonly<Record<string, string>>,
  list: string,
  one: string,
  numbered: string,
  errors: string[],
): ControlStatus[] {
  const out: ControlStatus[] = [];
  const given = raw ?? [];
  if (!Array.isArray(given) || given.length > CONTROL_LIMITS.maxStatuses) {
    errors.push(`${list} ska vara en lista med högst ${CONTROL_LIMITS.maxStatuses} val.`);
    return out;
  }
  const taken = new Set<string>(Object.values(builtIn).map((l) => l.toLocaleLowerCase('sv-SE')));
  const noun = one.toLocaleLowerCase('sv-SE');
  given.forEach((item, i) => {
    const key = isRecord(item) ? item['key'] : undefined;
    const label = isRecord(item) && typeof item['label'] === 'string' ? item['label'].trim() : '';
    const name = label || `${numbered} ${i + 1}`;
    if (typeof key !== 'string' || !/^[a-z0-9_-]{1,40}$/.test(key)) errors.push(`${name}: ${noun} saknar en giltig nyckel (a–z, 0–9, - och _).`);
    else if (key in builtIn) errors.push(`${name}: nyckeln "${key}" är redan ${builtIn[key]} och behåller den texten.`);
    else if (out.some((s) => s.key === key)) errors.push(`${name}: nyckeln "${key}" förekommer två gånger.`);
    if (!label || label.length > CONTROL_LIMITS.maxStatusLabel) errors.push(`${name}: ${noun}s text ska vara 1–${CONTROL_LIMITS.maxStatusLabel} tecken.`);
    else if (taken.has(label.toLocaleLowerCase('sv-SE'))) errors.push(`${one} "${label}" förekommer två gånger.`);
    if (typeof key === 'string' && label) {
      taken.add(label.toLocaleLowerCase('sv-SE'));
      out.push({ key, label });
    }
  });
  return out;
}

/** Checks a template's internal control settings (unknown settings dropped); errors in Swedish. */
export function checkInternalControlConfig(value: Record<string, unknown>): { ok: true; config: InternalControlConfig } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const layout = value['layout'] ?? 'plan';
  if (!(INTERNAL_CONTROL_LAYOUTS as readonly unknown[]).includes(layout)) {
    errors.push(`Okänt upplägg för intern kontroll; välj ${orList(INTERNAL_CONTROL_LAYOUTS.map((l) => INTERNAL_CONTROL_LAYOUT_LABELS[l]))}.`);
  }
  const caption = value['caption'];
  if (caption !== undefined && caption !== null && (typeof caption !== 'string' || !caption.trim() || caption.trim().length > CONTROL_LIMITS.maxCaption)) {
    errors.push(`Tabellrubriken ska vara 1–${CONTROL_LIMITS.maxCaption} tecken.`);
  }
  const groups = value['riskGroups'] ?? 'column';
  if (!(RISK_GROUP_DISPLAYS as readonly unknown[]).includes(groups)) errors.push('Riskernas rubriker skrivs ut som en kolumn, som en tabell per rubrik eller som rubrikrader i tabellen.');
  const statuses = readChoiceList(value['statuses'], RISK_STATUS_LABELS, 'Statusarna', 'Statusen', 'Status', errors);
  const results = readChoiceList(value['results'], CONTROL_RESULT_LABELS, 'Resultaten', 'Resultatet', 'Resultat', errors);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    config: {
      ...(value['requireResults'] === true ? { requireResults: true } : {}),
      ...(layout !== 'plan' ? { layout: layout as InternalControlLayout } : {}),
      ...(typeof caption === 'string' && caption.trim() ? { caption: caption.trim() } : {}),
      ...(statuses.length ? { statuses } : {}),
      ...(results.length ? { results } : {}),
      ...(groups !== 'column' ? { riskGroups: groups as RiskGroupDisplay } : {}),
      ...(value['hideEmptyColumns'] === true ? { hideEmptyColumns: true } : {}),
    },
  };
}

const CONTROL_FIELDS: readonly TextField[] = [
  { field: 'area', label: 'Kontrollområde', required: true },
  { field: 'goal', label: 'Kontrollmål', max: SECTION_LIMITS.maxText, required: true },
  { field: 'responsible', label: 'Ansvarig' },
  { field: 'method', label: 'Metod', max: SECTION_LIMITS.maxText },
  { field: 'frequency', label: 'Frekvens' },
  { field: 'reportedTo', label: 'Rapporteras i/till' },
];

const RISK_FIELDS: readonly TextField[] = [
  { field: 'risk', label: 'Risk', max: SECTION_LIMITS.maxText, required: true },
  { field: 'cause', label: 'Orsak', max: SECTION_LIMITS.maxText },
  { field: 'impact', label: 'Påverkan', max: SECTION_LIMITS.maxText },
  { field: 'handling', label: 'Hantering', max: SECTION_LIMITS.maxText },
];

export const RECOMMENDATION_FIELDS: readonly TextField[] = [
  { field: 'review', label: 'Revision/Granskning', required: true },
  { field: 'background', label: 'Bakgrund', max: SECTION_LIMITS.maxText },
  { field: 'action', label: 'Åtgärd', max: SECTION_LIMITS.maxText, required: true },
  { field: 'status', label: 'Status', max: SECTION_LIMITS.maxText },
];

export const SYSTEMATIC_CONTROL_FIELDS: readonly TextField[] = [
  { field: 'area', label: 'Mål/process', required: true },
  { field: 'control', label: 'Kontroll', max: SECTION_LIMITS.maxText, required: true },
  { field: 'statusComment', label: 'Status och kommentar', max: SECTION_LIMITS.maxComment },
];

const GROUP: TextField = { field: 'group', label: 'Rubrik' };
const COMMENT: TextField = { field: 'comment', label: 'Kommentar', max: SECTION_LIMITS.maxComment };

const COMMENT_REQUIRED: Readonly<Partial<Record<ControlResult, string>>> = {
  deviation: 'Kommentar saknas: vid Avvikelse ska kommentaren beskriva avvikelsen och vad som görs åt den.',
  not_done: 'Kommentar saknas: när kontrollen är Ej genomförd ska kommentaren säga varför och när den görs.',
};

/**
 * Checks the plan and the risk tables and returns them in clean form: results and statuses
 * as codes (from codes or Swedish text), a comment wherever the result is Avvikelse or Ej
 * genomförd, keys unique over the whole section. Plan rows are named by kontrollområde, risk
 * rows by table and risk (`Omvärldsrisker › Ny lagstiftning.`).
 */
export function checkInternalControl(config: InternalControlConfig | null | undefined, input: unknown): SectionCheck<InternalControlContent> {
  if (!isRecord(input) || input['type'] !== 'internal_control') return notOfKind('Innehållet är inte en intern kontrollplan.');
  const issues: SectionIssue[] = [];
  const keys = new Set<string>();
  const layout = internalControlLayoutOf(config);
  const rawPlan = readList(input, 'plan', 'Kontrollplanen', issues);
  if (layout !== 'plan' && rawPlan.length) {
    issues.push({ row: null, column: null, message: `Avsnittet är en tabell över ${INTERNAL_CONTROL_LAYOUT_LABELS[layout].toLocaleLowerCase('sv-SE')}; en kontrollplans rader hör inte hit.` });
  }
  const planNames = rowNames(rawPlan.map((r) => rawText(r, 'area')));
  const plan = layout !== 'plan' ? [] : readRows<ControlRow>(rawPlan, planNames, keys, issues, (raw, row, key) => {
    const [area, goal, responsible, method, frequency, reportedTo] = CONTROL_FIELDS.map((f) => readText(raw, f, row, issues));
    const result = parseControlResult(raw['result'], config);
    const given = raw['result'];
    if (!result && typeof given === 'string' && given.trim()) {
      issues.push({ row, column: 'result', message: `"${given.trim()}" är inget resultat; välj ${orList(Object.values(controlResultLabels(config)))}.` });
    } else if (!result && config?.requireResults) {
      issues.push({ row, column: 'result', message: 'Resultat saknas för perioden.' });
    }
    const comment = readText(raw, COMMENT, row, issues);
    const needed = result ? COMMENT_REQUIRED[result as ControlResult] : undefined;
    if (needed && !comment) issues.push({ row, column: 'comment', message: needed });
    const group = readText(raw, GROUP, row, issues);
    return { key, area, goal, responsible, method, frequency, reportedTo, result, ...(comment ? { comment } : {}), ...(group ? { group } : {}) };
  });
  const recommendations = readLayoutRows<AuditRecommendationRow>(input, 'recommendations', 'audit_recommendations', layout, RECOMMENDATION_FIELDS, keys, issues, config);
  const controls = readLayoutRows<SystematicControlRow>(input, 'controls', 'systematic_controls', layout, SYSTEMATIC_CONTROL_FIELDS, keys, issues, config);
  const risks = readList(input, 'risks', 'Risktabellerna', issues).map((raw, t) => checkRiskTable(config, raw, t, keys, issues));
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    content: {
      type: 'internal_control',
      plan,
      risks: risks.filter((r): r is RiskTable => r !== null),
      ...(layout === 'audit_recommendations' ? { recommendations } : {}),
      ...(layout === 'systematic_controls' ? { controls } : {}),
    },
  };
}

/**
 * The rows of one of the two other layouts, all text: required fields filled, and on handing
 * in (requireResults) this period's status. Rows given for a layout the template does not use are refused.
 */
function readLayoutRows<T>(
  input: Record<string, unknown>,
  field: 'recommendations' | 'controls',
  belongsTo: InternalControlLayout,
  layout: InternalControlLayout,
  fields: readonly TextField[],
  keys: Set<string>,
  issues: SectionIssue[],
  config: InternalControlConfig | null | undefined,
): T[] {
  const what = INTERNAL_CONTROL_LAYOUT_LABELS[belongsTo];
  const raws = readList(input, field, what, issues);
  if (layout !== belongsTo) {
    if (raws.length) issues.push({ row: null, column: null, message: `${what} hör inte till det här avsnittets upplägg (${INTERNAL_CONTROL_LAYOUT_LABELS[layout].toLocaleLowerCase('sv-SE')}).` });
    return [];
  }
  const status = fields[fields.length - 1];
  const names = rowNames(raws.map((r) => rawText(r, fields[0].field)));
  return readRows<T>(raws, names, keys, issues, (raw, row, key) => {
    const values = fields.map((f) => readText(raw, f, row, issues));
    if (config?.requireResults && !values[values.length - 1]) issues.push({ row, column: status.field, message: `${status.label} saknas för perioden.` });
    return Object.fromEntries([['key', key], ...fields.map((f, i) => [f.field, values[i]])]) as T;
  });
}

function checkRiskTable(config: InternalControlConfig | null | undefined, raw: unknown, index: number, keys: Set<string>, issues: SectionIssue[]): RiskTable | null {
  const name = rowNames([rawText(raw, 'title')])[0].replace(/^Rad 1$/, `Risktabell ${index + 1}`);
  if (!isRecord(raw)) {
    issues.push({ row: name, column: null, message: 'Risktabellen har fel format.' });
    return null;
  }
  const key = readRowKey(raw, name, keys, issues);
  const title = readText(raw, { field: 'title', label: 'Rubrik för risktabellen', required: true }, name, issues);
  const rawRows = readList(raw, 'rows', name, issues);
  const names = rowNames(rawRows.map((r) => rawText(r, 'risk'))).map((n) => `${name} › ${n}`);
  const rows = readRows<RiskRow>(rawRows, names, keys, issues, (r, row, rowKey) => {
    const [risk, cause, impact, handling] = RISK_FIELDS.map((f) => readText(r, f, row, issues));
    const status = parseRiskStatus(r['status'], config);
    if (!status) issues.push(codeIssue(r['status'], 'status', Object.values(riskStatusLabels(config)), row, 'status'));
    const group = readText(r, GROUP, row, issues);
    return { key: rowKey, risk, cause, impact, handling, status: status ?? 'active', ...(group ? { group } : {}) };
  });
  return { key, title, rows };
}

/**
 * The next cycle's content: the same plan with results and comments cleared, the risk tables as
 * they were, the auditors' recommendations with their status (followed up until done), the
 * systematic controls with this period's status cleared.
 */
export function carryForwardPlan(previous: InternalControlContent): InternalControlContent {
  return {
    type: 'internal_control',
    plan: previous.plan.map(({ comment: _comment, ...row }) => ({ ...row, result: null })),
    risks: previous.risks.map((table) => ({ ...table, rows: table.rows.map((row) => ({ ...row })) })),
    ...(previous.recommendations ? { recommendations: previous.recommendations.map((row) => ({ ...row })) } : {}),
    ...(previous.controls ? { controls: previous.controls.map((row) => ({ ...row, statusComment: '' })) } : {}),
  };
}

/** The rows of the audit recommendations or systematic controls a comment may point at, named by their first column. */
export function layoutRowAnchors(content: InternalControlContent): Array<{ key: string; name: string; columns: Array<{ key: string; label: string }> }> {
  const of = (rows: ReadonlyArray<{ key: string } & object> | undefined, fields: readonly TextField[]) => {
    const list = (rows ?? []) as ReadonlyArray<Record<string, string>>;
    const names = rowNames(list.map((r) => r[fields[0].field] ?? ''));
    return list.map((r, i) => ({ key: r['key'], name: names[i], columns: fields.map((f) => ({ key: f.field, label: f.label })) }));
  };
  return [...of(content.recommendations, RECOMMENDATION_FIELDS), ...of(content.controls, SYSTEMATIC_CONTROL_FIELDS)];
}

/** Nothing in any of the section's tables. */
export function isEmptyInternalControl(content: InternalControlContent): boolean {
  return content.plan.length === 0 && content.risks.every((t) => t.rows.length === 0) && !content.recommendations?.length && !content.controls?.length;
}

/** Rows or tables worth starting the next cycle from. */
export function hasInternalControlRows(content: InternalControlContent): boolean {
  return content.plan.length > 0 || content.risks.length > 0 || !!content.recommendations?.length || !!content.controls?.length;
}

export const CONTROL_DIFF_LABELS: ReadonlyArray<[keyof ControlRow, string]> = [
  ['group', 'Rubrik'],
  ...CONTROL_FIELDS.map((f): [keyof ControlRow, string] => [f.field as keyof ControlRow, f.label]),
  ['result', 'Resultat'],
  ['comment', 'Kommentar'],
];
export const RISK_DIFF_LABELS: ReadonlyArray<[keyof RiskRow, string]> = [
  ['group', 'Rubrik'],
  ...RISK_FIELDS.map((f): [keyof RiskRow, string] => [f.field as keyof RiskRow, f.label]),
  ['status', 'Status'],
];

/** The cells that changed, every table's rows followed by key; results and statuses as Swedish labels. */
export function diffInternalControl(before: InternalControlContent, after: InternalControlContent, config?: InternalControlConfig | null): CellChange[] {
  const flatten = (content: InternalControlContent) => {
    const cells = new Map<string, DiffCell>();
    const names = rowNames(content.plan.map((r) => r.area));
    content.plan.forEach((r, i) => {
      for (const [field, label] of CONTROL_DIFF_LABELS) {
        const value = field === 'result' ? (r.result ? controlResultLabel(config, r.result) : null) : ((r[field] as string | undefined) || null);
        cells.set(`${r.key}:${field}`, { row: names[i], column: label, value });
      }
    });
    for (const table of content.risks) {
      cells.set(`${table.key}:title`, { row: table.title, column: 'Rubrik för risktabellen', value: table.title });
      const riskNames = rowNames(table.rows.map((r) => r.risk));
      table.rows.forEach((r, i) => {
        for (const [field, label] of RISK_DIFF_LABELS) {
          const value = field === 'status' ? riskStatusLabel(config, r.status) : ((r[field] as string | undefined) || null);
          cells.set(`${r.key}:${field}`, { row: `${table.title} › ${riskNames[i]}`, column: label, value });
        }
      });
    }
    const layoutRows = (rows: ReadonlyArray<Record<string, string>> | undefined, fields: readonly TextField[]) => {
      const names = rowNames((rows ?? []).map((r) => r[fields[0].field] ?? ''));
      (rows ?? []).forEach((r, i) => {
        for (const f of fields) cells.set(`${r['key']}:${f.field}`, { row: names[i], column: f.label, value: r[f.field] || null });
      });
    };
    layoutRows(content.recommendations as unknown as ReadonlyArray<Record<string, string>> | undefined, RECOMMENDATION_FIELDS);
    layoutRows(content.controls as unknown as ReadonlyArray<Record<string, string>> | undefined, SYSTEMATIC_CONTROL_FIELDS);
    return cells;
  };
  return diffCells(flatten(before), flatten(after));
}

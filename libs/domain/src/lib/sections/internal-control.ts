/**
 * The internal control section (intern kontrollplan; docs/domain.md, "Section kinds
 * and what they hold"): the plan's rows (kontrollområde, kontrollmål, ansvarig, metod, frekvens,
 * rapporteras i/till), each with this period's result and a comment, which is required when
 * the result is Avvikelse or Ej genomförd; and risk tables (risk, orsak, påverkan, hantering,
 * Ännu aktuell / Ej aktuell risk) with optional group headings. `carryForwardPlan` starts the
 * next cycle from the same plan with the results cleared.
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

/** A result from its code or Swedish text, case-insensitive (`Genomfört enligt plan.`, `ej genomfört`). */
export function parseControlResult(text: unknown): ControlResult | null {
  return parseCode(CONTROL_RESULT_LABELS, text, {
    'Genomförd enligt plan': 'as_planned',
    'Ej genomfört': 'not_done',
    Avvikande: 'deviation',
  });
}

export function parseRiskStatus(text: unknown): RiskStatus | null {
  return parseCode(RISK_STATUS_LABELS, text, { 'Aktuell risk': 'active', 'Ej längre aktuell risk': 'inactive' });
}

/**
 * Gnesta writes a risk's status at the end of its text (`Ökad försörjningskvot. Ännu aktuell
 * risk.`); an import splits it off. The status is null when the text does not end with one.
 */
export function splitRiskStatus(text: string): { risk: string; status: RiskStatus | null } {
  const match = /^(.*?)\s*(ännu aktuell risk|ej aktuell risk)\.?\s*$/is.exec(text.trim());
  if (!match) return { risk: text.trim(), status: null };
  return { risk: match[1].trim(), status: parseRiskStatus(match[2]) };
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
  /** This period's result; null until reported. */
  result: ControlResult | null;
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
  status: RiskStatus;
  /** Heading the row is printed under (`Administration och bistånd`). */
  group?: string;
}

export interface RiskTable {
  key: string;
  /** `Omvärldsrisker`, `Verksamhetsrisker`, `Finansiella risker`. */
  title: string;
  rows: RiskRow[];
}

export interface InternalControlContent {
  type: 'internal_control';
  plan: ControlRow[];
  risks: RiskTable[];
}

export interface InternalControlConfig {
  /** When the section is handed in: every control must have its result. */
  requireResults?: boolean;
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
  const rawPlan = readList(input, 'plan', 'Kontrollplanen', issues);
  const planNames = rowNames(rawPlan.map((r) => rawText(r, 'area')));
  const plan = readRows<ControlRow>(rawPlan, planNames, keys, issues, (raw, row, key) => {
    const [area, goal, responsible, method, frequency, reportedTo] = CONTROL_FIELDS.map((f) => readText(raw, f, row, issues));
    const result = parseControlResult(raw['result']);
    const given = raw['result'];
    if (!result && typeof given === 'string' && given.trim()) {
      issues.push({ row, column: 'result', message: `"${given.trim()}" är inget resultat; välj ${orList(CONTROL_RESULTS.map((r) => CONTROL_RESULT_LABELS[r]))}.` });
    } else if (!result && config?.requireResults) {
      issues.push({ row, column: 'result', message: 'Resultat saknas för perioden.' });
    }
    const comment = readText(raw, COMMENT, row, issues);
    const needed = result ? COMMENT_REQUIRED[result] : undefined;
    if (needed && !comment) issues.push({ row, column: 'comment', message: needed });
    const group = readText(raw, GROUP, row, issues);
    return { key, area, goal, responsible, method, frequency, reportedTo, result, ...(comment ? { comment } : {}), ...(group ? { group } : {}) };
  });
  const risks = readList(input, 'risks', 'Risktabellerna', issues).map((raw, t) => checkRiskTable(raw, t, keys, issues));
  if (issues.length) return { ok: false, issues };
  return { ok: true, content: { type: 'internal_control', plan, risks: risks.filter((r): r is RiskTable => r !== null) } };
}

function checkRiskTable(raw: unknown, index: number, keys: Set<string>, issues: SectionIssue[]): RiskTable | null {
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
    const status = parseRiskStatus(r['status']);
    if (!status) issues.push(codeIssue(r['status'], 'status', RISK_STATUSES.map((s) => RISK_STATUS_LABELS[s]), row, 'status'));
    const group = readText(r, GROUP, row, issues);
    return { key: rowKey, risk, cause, impact, handling, status: status ?? 'active', ...(group ? { group } : {}) };
  });
  return { key, title, rows };
}

/** The next cycle's content: the same plan with results and comments cleared, the risk tables as they were. */
export function carryForwardPlan(previous: InternalControlContent): InternalControlContent {
  return {
    type: 'internal_control',
    plan: previous.plan.map(({ comment: _comment, ...row }) => ({ ...row, result: null })),
    risks: previous.risks.map((table) => ({ ...table, rows: table.rows.map((row) => ({ ...row })) })),
  };
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

/** The cells that changed, plan and risk rows followed by key; results and statuses as Swedish labels. */
export function diffInternalControl(before: InternalControlContent, after: InternalControlContent): CellChange[] {
  const flatten = (content: InternalControlContent) => {
    const cells = new Map<string, DiffCell>();
    const names = rowNames(content.plan.map((r) => r.area));
    content.plan.forEach((r, i) => {
      for (const [field, label] of CONTROL_DIFF_LABELS) {
        const value = field === 'result' ? (r.result ? CONTROL_RESULT_LABELS[r.result] : null) : ((r[field] as string | undefined) || null);
        cells.set(`${r.key}:${field}`, { row: names[i], column: label, value });
      }
    });
    for (const table of content.risks) {
      cells.set(`${table.key}:title`, { row: table.title, column: 'Rubrik för risktabellen', value: table.title });
      const riskNames = rowNames(table.rows.map((r) => r.risk));
      table.rows.forEach((r, i) => {
        for (const [field, label] of RISK_DIFF_LABELS) {
          const value = field === 'status' ? RISK_STATUS_LABELS[r.status] : ((r[field] as string | undefined) || null);
          cells.set(`${r.key}:${field}`, { row: `${table.title} › ${riskNames[i]}`, column: label, value });
        }
      });
    }
    return cells;
  };
  return diffCells(flatten(before), flatten(after));
}

/**
 * The tjänsteskrivelse (memo) that goes with a report to the nämnd (domain.md, "The outputs";
 * reference 003): its content, the check every save passes, the drafted "Ekonomiska
 * konsekvenser" from the approved figures, and the warning when the text's figures no longer
 * match the report.
 *
 * Diarienummer and nämnd are facts of the cycle, shown but never stored here; the report itself
 * is always the first item of the Beslutsunderlag (added where the memo is shown, never stored,
 * so it cannot be edited away).
 */
import { isIsoDate } from './cycle';
import { formatNumber, formatSignedNumber } from './format';
import { Block, emptyDocument, plainText, RichTextDocument, sanitizeRichText, TextRun } from './rich-text';
import {
  computeEconomy,
  EconomyColumn,
  EconomyContent,
  EconomyTableConfig,
  Figures,
} from './sections/economy';

export interface MemoSignature {
  name: string;
  title: string;
}

export interface MemoContent {
  title: string;
  /** Upprättad: ISO date. */
  preparedOn: string;
  /** Förslag till beslut, one decision per item. */
  proposals: string[];
  summary: RichTextDocument;
  description: RichTextDocument;
  economicConsequences: RichTextDocument;
  legalConsequences: RichTextDocument;
  equalityAnalysis: RichTextDocument;
  policyCompliance: RichTextDocument;
  /** Beslutsunderlag after the report itself (which is always item 1 and not stored). */
  attachments: string[];
  signatures: MemoSignature[];
  /** Sändlista. */
  distribution: string[];
}

export const MEMO_TEXT_PARTS = [
  'summary',
  'description',
  'economicConsequences',
  'legalConsequences',
  'equalityAnalysis',
  'policyCompliance',
] as const;
export type MemoTextPart = (typeof MEMO_TEXT_PARTS)[number];

/** The parts' headings as reference 003 prints them. */
export const MEMO_PART_LABELS: Readonly<Record<MemoTextPart, string>> = {
  summary: 'Sammanfattning',
  description: 'Ärendebeskrivning',
  economicConsequences: 'Ekonomiska konsekvenser',
  legalConsequences: 'Juridiska konsekvenser',
  equalityAnalysis: 'Jämställdhetsanalys utifrån checklista',
  policyCompliance: 'Överensstämmelse med kommunens styrdokument',
};

export const MEMO_LIMITS = {
  maxTitle: 200,
  maxProposals: 20,
  maxProposal: 1_000,
  maxAttachments: 30,
  maxAttachment: 300,
  maxSignatures: 6,
  maxSignatureField: 120,
  maxDistribution: 40,
  maxDistributionItem: 200,
} as const;

export function emptyMemoContent(): MemoContent {
  return {
    title: '',
    preparedOn: '',
    proposals: [],
    summary: emptyDocument(),
    description: emptyDocument(),
    economicConsequences: emptyDocument(),
    legalConsequences: emptyDocument(),
    equalityAnalysis: emptyDocument(),
    policyCompliance: emptyDocument(),
    attachments: [],
    signatures: [],
    distribution: [],
  };
}

export type MemoCheck = { ok: true; content: MemoContent; removed: string[] } | { ok: false; errors: string[] };

const CONTROL = /[\p{Cc}]/gu;

function cleanLine(value: string): string {
  return value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a memo from a request and returns it clean: every text part through sanitizeRichText,
 * lines trimmed, no empty proposal lines, within MEMO_LIMITS. `forSubmit`: what must be there
 * before it is handed in (a title, at least one proposal, a signature). Swedish messages.
 */
export function checkMemoContent(input: unknown, options: { forSubmit?: boolean } = {}): MemoCheck {
  if (!isRecord(input)) return { ok: false, errors: ['Tjänsteskrivelsen har fel format.'] };
  const errors: string[] = [];
  const removed: string[] = [];

  const text = (key: string, label: string, max: number): string => {
    const raw = input[key];
    if (raw === undefined || raw === null) return '';
    if (typeof raw !== 'string') {
      errors.push(`${label} har fel format.`);
      return '';
    }
    const value = cleanLine(raw);
    if (value.length > max) errors.push(`${label} får vara högst ${formatNumber(max)} tecken.`);
    return value;
  };
  const lines = (key: string, label: string, item: (n: number) => string, maxCount: number, maxLength: number, allowEmpty: boolean): string[] => {
    const raw = input[key];
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      errors.push(`${label} har fel format.`);
      return [];
    }
    if (raw.length > maxCount) errors.push(`${label} får ha högst ${maxCount} rader.`);
    const out: string[] = [];
    raw.forEach((value, index) => {
      if (typeof value !== 'string') {
        errors.push(`${item(index + 1)} har fel format.`);
        return;
      }
      const line = cleanLine(value);
      if (!line) {
        if (!allowEmpty) errors.push(`${item(index + 1)} är tomt. Skriv förslaget eller ta bort raden.`);
        return;
      }
      if (line.length > maxLength) errors.push(`${item(index + 1)} får vara högst ${formatNumber(maxLength)} tecken.`);
      out.push(line);
    });
    return out;
  };

  const title = text('title', 'Rubriken', MEMO_LIMITS.maxTitle);
  const preparedRaw = input['preparedOn'];
  let preparedOn = '';
  if (typeof preparedRaw === 'string' && preparedRaw.trim() !== '') {
    if (isIsoDate(preparedRaw.trim())) preparedOn = preparedRaw.trim();
    else errors.push('Upprättad ska vara ett datum (ÅÅÅÅ-MM-DD).');
  } else if (preparedRaw !== undefined && preparedRaw !== null && preparedRaw !== '') {
    errors.push('Upprättad ska vara ett datum (ÅÅÅÅ-MM-DD).');
  }
  const proposals = lines('proposals', 'Förslag till beslut', (n) => `Förslag ${n}`, MEMO_LIMITS.maxProposals, MEMO_LIMITS.maxProposal, false);
  const attachments = lines(
    'attachments',
    'Beslutsunderlaget',
    (n) => `Beslutsunderlag ${n + 1}`,
    MEMO_LIMITS.maxAttachments,
    MEMO_LIMITS.maxAttachment,
    true,
  );
  const distribution = lines(
    'distribution',
    'Sändlistan',
    (n) => `Sändlistans rad ${n}`,
    MEMO_LIMITS.maxDistribution,
    MEMO_LIMITS.maxDistributionItem,
    true,
  );

  const signatures: MemoSignature[] = [];
  const rawSignatures = input['signatures'];
  if (rawSignatures !== undefined && rawSignatures !== null) {
    if (!Array.isArray(rawSignatures)) errors.push('Underskrifterna har fel format.');
    else {
      if (rawSignatures.length > MEMO_LIMITS.maxSignatures) errors.push(`Högst ${MEMO_LIMITS.maxSignatures} underskrifter.`);
      rawSignatures.forEach((raw, index) => {
        if (!isRecord(raw) || (raw['name'] !== undefined && typeof raw['name'] !== 'string') || (raw['title'] !== undefined && typeof raw['title'] !== 'string')) {
          errors.push(`Underskrift ${index + 1} har fel format.`);
          return;
        }
        const name = cleanLine(String(raw['name'] ?? ''));
        const role = cleanLine(String(raw['title'] ?? ''));
        if (!name && !role) return;
        if (!name) errors.push(`Underskrift ${index + 1} saknar namn.`);
        if (name.length > MEMO_LIMITS.maxSignatureField || role.length > MEMO_LIMITS.maxSignatureField) {
          errors.push(`Underskrift ${index + 1}: namn och titel får vara högst ${MEMO_LIMITS.maxSignatureField} tecken.`);
        }
        signatures.push({ name, title: role });
      });
    }
  }

  const parts = {} as Record<MemoTextPart, RichTextDocument>;
  for (const part of MEMO_TEXT_PARTS) {
    const raw = input[part];
    if (raw === undefined || raw === null) {
      parts[part] = emptyDocument();
      continue;
    }
    const sanitized = sanitizeRichText(raw);
    if (!sanitized.ok) {
      errors.push(...sanitized.errors.map((e) => `${MEMO_PART_LABELS[part]}: ${e}`));
      parts[part] = emptyDocument();
    } else {
      parts[part] = sanitized.document;
      removed.push(...sanitized.removed.map((r) => `${MEMO_PART_LABELS[part]}: ${r}`));
    }
  }

  if (options.forSubmit) {
    if (!title) errors.push('Skriv tjänsteskrivelsens rubrik.');
    if (!preparedOn) errors.push('Ange när tjänsteskrivelsen är upprättad.');
    if (proposals.length === 0) errors.push('Skriv minst ett förslag till beslut.');
    if (signatures.length === 0) errors.push('Ange minst en underskrift.');
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    removed,
    content: { title, preparedOn, proposals, ...parts, attachments, signatures, distribution },
  };
}

/** Beslutsunderlag as printed: the report itself first, then the memo's own items. */
export function memoAttachmentList(content: Pick<MemoContent, 'attachments'>, report: string): string[] {
  return [report, ...content.attachments];
}

// ---------------------------------------------------------------------------------------------
// Ekonomiska konsekvenser

/** One verksamhetsområde's (or enhet's) result for the period and forecast for the year, in tkr. */
export interface EconomicFigure {
  label: string;
  result: number | null;
  forecast: number | null;
}

/** The approved (or frozen) nämnd table in the memo's terms: rows and the nämnd total, in tkr. */
export interface EconomicFigures {
  rows: EconomicFigure[];
  total: { result: number | null; forecast: number | null };
}

/** Which column is the period's result and which the year's forecast: Gnesta prints the deviations against budget. */
export function resultColumns(config: EconomyTableConfig): { result: EconomyColumn | null; forecast: EconomyColumn | null } {
  const first = (...columns: EconomyColumn[]) => columns.find((c) => config.columns.includes(c)) ?? null;
  return { result: first('budget_deviation', 'net'), forecast: first('forecast_deviation', 'forecast') };
}

/** The figures of a nämnd economy table (e.g. committeeEconomyContent's): one per top-level row, and the total. */
export function economicFigures(config: EconomyTableConfig, content: EconomyContent): EconomicFigures {
  const { result, forecast } = resultColumns(config);
  const factor = config.unit === 'mnkr' ? 1000 : 1;
  const pick = (values: Figures, column: EconomyColumn | null): number | null => {
    const value = column ? values[column] : null;
    return typeof value === 'number' ? Math.round(value * factor * 1000) / 1000 : null;
  };
  const computed = computeEconomy(config, content);
  return {
    rows: computed.rows.map((row) => ({ label: row.label, result: pick(row.values, result), forecast: pick(row.values, forecast) })),
    total: { result: pick(computed.total, result), forecast: pick(computed.total, forecast) },
  };
}

export function hasEconomicFigures(figures: EconomicFigures): boolean {
  return figures.total.result !== null || figures.total.forecast !== null || figures.rows.some((r) => r.result !== null || r.forecast !== null);
}

export interface DraftOptions {
  /** 'Socialnämnden' */
  committee: string;
  /** The period's last month in words: 'augusti'. */
  month: string;
  /** How figures are written: 'tkr' as reference 003 (`−9 504 tkr`), or 'mnkr' (`−9,5 miljoner kronor`). */
  unit?: 'tkr' | 'mnkr';
}

/** `−9 504 tkr`, or with mnkr `−9,5 miljoner kronor`; signed like the reference (`+17 tkr`). */
export function formatAmount(valueTkr: number, unit: 'tkr' | 'mnkr' = 'tkr', signed = true): string {
  const value = unit === 'mnkr' ? valueTkr / 1000 : valueTkr;
  const decimals = unit === 'mnkr' ? 1 : 0;
  const number = signed ? formatSignedNumber(value, decimals) : formatNumber(value, decimals);
  return `${number}\u00a0${unit === 'mnkr' ? 'miljoner kronor' : 'tkr'}`;
}

/** 'Socialnämnden' → 'Socialnämndens'. */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

function joinSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function paragraphOf(text: string): RichTextDocument['content'][number] {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

/**
 * "Ekonomiska konsekvenser" drafted from the figures in reference 003's phrasing: the nämnd's
 * result for the period and where the deficits and surpluses are, the forecast and where the
 * negative and positive forecasts are, and the closing `Prognos: −9 030 tkr`.
 */
export function draftEconomicConsequences(figures: EconomicFigures, options: DraftOptions): RichTextDocument {
  const unit = options.unit ?? 'tkr';
  const amount = (value: number) => formatAmount(value, unit);
  const listed = (rows: EconomicFigure[], key: 'result' | 'forecast') =>
    joinSwedish(rows.map((row) => `${row.label} (${amount(row[key] as number)})`));
  const paragraphs: string[] = [];
  const committee = options.committee;

  const results = figures.rows.filter((r) => r.result !== null);
  if (figures.total.result !== null || results.length) {
    const sentences: string[] = [];
    if (figures.total.result !== null) {
      sentences.push(`${genitive(committee)} resultat t.o.m. ${options.month} uppgår till ${amount(figures.total.result)}.`);
    }
    const negative = results.filter((r) => (r.result as number) < 0);
    const positive = results.filter((r) => (r.result as number) >= 0);
    if (negative.length) sentences.push(`Underskott redovisas inom ${listed(negative, 'result')}.`);
    if (positive.length) sentences.push(`Positiva resultat redovisas för ${listed(positive, 'result')}.`);
    paragraphs.push(sentences.join(' '));
  }
  const forecasts = figures.rows.filter((r) => r.forecast !== null);
  if (figures.total.forecast !== null || forecasts.length) {
    const sentences: string[] = [];
    if (figures.total.forecast !== null) {
      sentences.push(`Prognosen för ${committee.toLocaleLowerCase('sv-SE')} uppgår till ${amount(figures.total.forecast)}.`);
    }
    const negative = forecasts.filter((r) => (r.forecast as number) < 0);
    const positive = forecasts.filter((r) => (r.forecast as number) >= 0);
    if (negative.length) sentences.push(`Negativa prognoser återfinns inom ${listed(negative, 'forecast')}.`);
    if (positive.length) sentences.push(`Positiva prognoser redovisas för ${listed(positive, 'forecast')}.`);
    paragraphs.push(sentences.join(' '));
    if (figures.total.forecast !== null) paragraphs.push(`Prognos: ${amount(figures.total.forecast)}`);
  }
  if (paragraphs.length === 0) {
    paragraphs.push('Det finns ännu inga godkända ekonomiska siffror för perioden.');
  }
  return { type: 'doc', version: 1, content: paragraphs.map(paragraphOf) };
}

// ---------------------------------------------------------------------------------------------
// Figures check

export interface MemoFigureWarning {
  /** The row's label, or the committee for the total. */
  label: string;
  total: boolean;
  kind: 'result' | 'forecast';
  /** As written in the text: '+3,8 miljoner kronor'. */
  stated: string;
  /** What the figures say, in the text's unit: '+3,6'. */
  expected: string;
  message: string;
}

export interface FigureCheckOptions {
  committee: string;
  /** Whose figures: 'den fastställda rapporten' (a frozen version) or 'de godkända siffrorna'. */
  source?: string;
}

interface Anchor {
  start: number;
  end: number;
  label: string;
  total: boolean;
  kind: 'result' | 'forecast' | null;
}

const AMOUNT = /(^|[^\d,])([+\-−–]\s?)?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?\s*(tkr|mnkr|miljoner kronor|miljoner|mkr)\b/giu;
/** How far before a figure its subject may stand (characters). */
const MAX_GAP = 120;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findAll(sentence: string, pattern: RegExp): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const match of sentence.matchAll(pattern)) out.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  return out;
}

/**
 * Warnings when a figure the "Ekonomiska konsekvenser" text states (`+3,8 miljoner kronor`,
 * `−9 504 tkr`) no longer matches the figures: each figure is read with its subject — the
 * nearest row label or the nämnd (`Socialnämndens resultat`, `Prognosen för socialnämnden`,
 * `Prognos:`) before it in the same sentence — and compared in the text's own precision.
 */
export function memoFigureWarnings(
  text: RichTextDocument | string,
  figures: EconomicFigures,
  options: FigureCheckOptions,
): MemoFigureWarning[] {
  const source = options.source ?? 'den fastställda rapporten';
  const plain = typeof text === 'string' ? text : plainText(text);
  const committee = escapeRegExp(options.committee);
  const committeeGen = escapeRegExp(genitive(options.committee));
  const warnings: MemoFigureWarning[] = [];
  const seen = new Set<string>();
  // A sentence ends at . ! ? before a capital letter ("t.o.m. augusti" goes on).
  const sentences = plain.split(/(?<=[.!?])\s+(?=\p{Lu})|\n+/u);
  const labels = [...new Set(figures.rows.map((r) => r.label).filter((l) => l.trim().length > 1))];
  for (const sentence of sentences) {
    const anchors: Anchor[] = [];
    const add = (pattern: RegExp, anchor: Omit<Anchor, 'start' | 'end'>) =>
      findAll(sentence, pattern).forEach((at) => anchors.push({ ...at, ...anchor }));
    add(new RegExp(`(?:${committeeGen}|nämndens) (?:totala )?resultat`, 'giu'), { label: options.committee, total: true, kind: 'result' });
    add(new RegExp(`(?:${committee}|nämnden) redovisar ett resultat`, 'giu'), { label: options.committee, total: true, kind: 'result' });
    add(new RegExp(`(?:prognosen|prognos) för (?:${committee}|nämnden)(?![\\p{L}])`, 'giu'), { label: options.committee, total: true, kind: 'forecast' });
    add(new RegExp(`(?:${committeeGen}|nämndens) prognos`, 'giu'), { label: options.committee, total: true, kind: 'forecast' });
    add(/^\s*prognos:/giu, { label: options.committee, total: true, kind: 'forecast' });
    for (const label of labels) {
      add(new RegExp(`(?<![\\p{L}])${escapeRegExp(label)}(?![\\p{L}])`, 'giu'), { label, total: false, kind: null });
    }
    for (const match of sentence.matchAll(AMOUNT)) {
      const at = (match.index ?? 0) + match[1].length;
      const before = anchors.filter((a) => a.end <= at && at - a.end <= MAX_GAP);
      if (before.length === 0) continue;
      const nearestEnd = Math.max(...before.map((a) => a.end));
      const candidates = before.filter((a) => a.end === nearestEnd);
      const anchor = candidates.find((a) => a.total) ?? candidates.sort((a, b) => a.start - b.start)[0];
      // A total's own wording says result or forecast; a row's is read from its sentence.
      const inForecastSentence = /prognos/iu.test(sentence.slice(0, at)) && !/resultat/iu.test(sentence.slice(Math.max(0, anchor.start - 40), at));
      const kind = anchor.kind ?? (inForecastSentence ? 'forecast' : 'result');
      // "… resultat … på +3,8 … och en prognos för helåret på −2,1 …": a later forecast in the sentence.
      const resolvedKind = anchor.total && kind === 'result' && /prognos/iu.test(sentence.slice(anchor.end, at)) ? 'forecast' : kind;
      const expectedTkr = anchor.total
        ? figures.total[resolvedKind]
        : figures.rows.find((r) => r.label.toLocaleLowerCase('sv-SE') === anchor.label.toLocaleLowerCase('sv-SE'))?.[resolvedKind] ?? null;
      if (expectedTkr === null || expectedTkr === undefined) continue;
      const unitWord = match[5].toLowerCase();
      const mnkr = unitWord !== 'tkr';
      const decimals = match[4] ? match[4].length : 0;
      const sign = match[2] ? (/[+]/.test(match[2]) ? 1 : -1) : 0;
      const magnitude = Number(`${match[3].replace(/[ \u00a0\u202f]/g, '')}${match[4] ? `.${match[4]}` : ''}`);
      const expectedInUnit = mnkr ? expectedTkr / 1000 : expectedTkr;
      const factor = 10 ** decimals;
      const expectedRounded = Math.round(expectedInUnit * factor) / factor;
      const statedValue = sign === 0 ? magnitude : sign * magnitude;
      const matches = sign === 0 ? Math.abs(expectedRounded) === magnitude : expectedRounded === statedValue;
      if (matches) continue;
      const stated = `${sign === 0 ? formatNumber(magnitude, decimals) : formatSignedNumber(statedValue, decimals)}\u00a0${mnkr ? (unitWord === 'miljoner kronor' ? 'miljoner kronor' : unitWord) : 'tkr'}`;
      const expected = formatSignedNumber(expectedRounded, decimals);
      const key = `${anchor.label}|${anchor.total}|${resolvedKind}|${stated}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const subject = `${anchor.label}${anchor.total ? ' totalt' : ''}`;
      const what = resolvedKind === 'forecast' ? `prognosen för ${subject}` : subject;
      warnings.push({
        label: anchor.label,
        total: anchor.total,
        kind: resolvedKind,
        stated,
        expected,
        message: `Ekonomiska konsekvenser nämner ${stated} för ${what}, men ${source} har ${expected}.`,
      });
    }
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Merging after a stale save

/** The memo's parts in form order: what a merge compares and chooses between, one at a time. */
export const MEMO_PARTS = [
  'title',
  'preparedOn',
  'proposals',
  ...MEMO_TEXT_PARTS,
  'attachments',
  'signatures',
  'distribution',
] as const;
export type MemoPart = (typeof MEMO_PARTS)[number];

/** The parts' names as the form shows them. */
export const MEMO_PART_NAMES: Readonly<Record<MemoPart, string>> = {
  title: 'Rubrik',
  preparedOn: 'Upprättad',
  proposals: 'Förslag till beslut',
  ...MEMO_PART_LABELS,
  attachments: 'Beslutsunderlag',
  signatures: 'Underskrifter',
  distribution: 'Sändlista',
};

export type MemoChoice = 'mine' | 'theirs';

export interface MemoPartDifference {
  part: MemoPart;
  /** Changed since the base on this side (true for both when there is no base to tell). */
  changedByMe: boolean;
  changedByThem: boolean;
  /** What the merge takes: the caller's choice, else theirs when only they changed it, else mine. */
  choice: MemoChoice;
}

export interface MemoMerge {
  content: MemoContent;
  /** The parts where mine and theirs differ, in form order. */
  differences: MemoPartDifference[];
  /** The differing parts changed on both sides since the base (someone has to choose). */
  conflicts: MemoPart[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Rich text in a form where what the editor adds on a round trip (paragraph ids, split runs) does not count. */
function canonicalRuns(runs: TextRun[]): Json {
  const out: Array<{ text: string; marks: string }> = [];
  for (const run of runs) {
    const marks = JSON.stringify(
      (run.marks ?? []).map((m) => (m.type === 'link' ? `link:${m.href}` : m.type)).sort(),
    );
    const last = out[out.length - 1];
    if (last && last.marks === marks) last.text += run.text;
    else if (run.text !== '') out.push({ text: run.text, marks });
  }
  return out.filter((r) => r.text !== '').map((r) => [r.text, r.marks]);
}

function canonicalBlock(block: Block): Json {
  switch (block.type) {
    case 'heading':
      return ['h', block.level, canonicalRuns(block.content)];
    case 'paragraph':
      return ['p', canonicalRuns(block.content)];
    case 'bullet_list':
    case 'ordered_list':
      return [block.type, block.items.map((item) => item.map(canonicalBlock))];
    case 'table':
      return ['table', block.rows.map((row) => [row.header === true, row.cells.map(canonicalRuns)])];
  }
}

function canonicalDocument(document: RichTextDocument): string {
  const blocks = document.content.map(canonicalBlock).filter((b) => JSON.stringify(b) !== '["p",[]]');
  return JSON.stringify(blocks);
}

function canonicalPart(content: MemoContent, part: MemoPart): string {
  switch (part) {
    case 'title':
    case 'preparedOn':
      return JSON.stringify(cleanLine(content[part] ?? ''));
    case 'proposals':
    case 'attachments':
    case 'distribution':
      return JSON.stringify((content[part] ?? []).map(cleanLine).filter((line) => line !== ''));
    case 'signatures':
      return JSON.stringify(
        (content.signatures ?? []).map((s) => [cleanLine(s.name ?? ''), cleanLine(s.title ?? '')]).filter(([name, title]) => name !== '' || title !== ''),
      );
    default:
      return canonicalDocument(content[part] ?? emptyDocument());
  }
}

/** Whether two memos hold the same in one part (spacing, empty lines and paragraph ids aside). */
export function sameMemoPart(part: MemoPart, a: MemoContent, b: MemoContent): boolean {
  return canonicalPart(a, part) === canonicalPart(b, part);
}

/**
 * A three-way merge of the memo, part by part, after a stale save: `base` is what the writer
 * started from (null when unknown), `mine` what the form holds, `theirs` the saved version. A part
 * only one side changed takes that side; a part both changed takes `choices[part]`, else mine.
 * `choices` overrides any part's default.
 */
export function mergeMemoContent(
  base: MemoContent | null,
  mine: MemoContent,
  theirs: MemoContent,
  choices: Partial<Record<MemoPart, MemoChoice>> = {},
): MemoMerge {
  const content = { ...mine } as Record<MemoPart, unknown>;
  const differences: MemoPartDifference[] = [];
  for (const part of MEMO_PARTS) {
    if (sameMemoPart(part, mine, theirs)) continue;
    const changedByMe = base ? !sameMemoPart(part, base, mine) : true;
    const changedByThem = base ? !sameMemoPart(part, base, theirs) : true;
    const fallback: MemoChoice = changedByThem && !changedByMe ? 'theirs' : 'mine';
    const choice = choices[part] ?? fallback;
    differences.push({ part, changedByMe, changedByThem, choice });
    if (choice === 'theirs') content[part] = theirs[part];
  }
  return {
    content: content as unknown as MemoContent,
    differences,
    conflicts: differences.filter((d) => d.changedByMe && d.changedByThem).map((d) => d.part),
  };
}

/** A part as plain text, to show both sides of a difference: lines one per row, rich text without formatting. */
export function memoPartText(content: MemoContent, part: MemoPart): string {
  switch (part) {
    case 'title':
    case 'preparedOn':
      return content[part] ?? '';
    case 'proposals':
    case 'attachments':
    case 'distribution':
      return (content[part] ?? []).join('\n');
    case 'signatures':
      return (content.signatures ?? []).map((s) => (s.title ? `${s.name}, ${s.title}` : s.name)).join('\n');
    default:
      return plainText(content[part] ?? emptyDocument());
  }
}

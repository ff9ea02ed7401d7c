/**
 * The tjänsteskrivelse (memo) that goes with a report to the nämnd (docs/domain.md, "The outputs";
 * reference 003): its content and the check every save passes. The drafted "Ekonomiska
 * konsekvenser" are in economy.ts, the warning when the text's figures no longer match the
 * report in figure-check.ts, merging after a stale save in merge.ts.
 *
 * Diarienummer and nämnd are facts of the cycle, shown but never stored here; the report itself
 * is always the first item of the Beslutsunderlag (added where the memo is shown, never stored,
 * so it cannot be edited away).
 */
import { isIsoDate } from '../cycle';
import { formatNumber } from '../format';
import { emptyDocument, plainText, RichTextDocument, sanitizeRichText } from '../rich-text';
import { isRecord } from '../sections/section-check';

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

/** The text parts that must hold text before the memo is handed in. */
export const MEMO_REQUIRED_PARTS: readonly MemoTextPart[] = ['summary', 'description'];

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

/** A line as stored: control characters out, spaces single, trimmed. */
export function cleanLine(value: string): string {
  return value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Checks a memo from a request and returns it clean: every text part through sanitizeRichText,
 * lines trimmed, no empty proposal lines, within MEMO_LIMITS. `forSubmit`: what must be there
 * before it is handed in (a title, at least one proposal, a signature, text in MEMO_REQUIRED_PARTS). Swedish messages.
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
    for (const part of MEMO_REQUIRED_PARTS) {
      if (plainText(parts[part]).trim() === '') errors.push(`Skriv ${MEMO_PART_LABELS[part]}; den får inte vara tom.`);
    }
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

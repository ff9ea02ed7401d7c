/**
 * A task's content by its section kind: the one place that knows which checker, which empty
 * form and which diff belong to which kind. Kinds without a structured schema yet hold rich text.
 */
import { emptyDocument, plainText, RichTextDocument, sanitizeRichText } from '../rich-text';
import type { SectionKind } from '../template';
import { BlockDiff, diffDocuments } from '../text-diff';
import {
  CellChange,
  checkEconomy,
  diffEconomy,
  ECONOMY_COLUMN_LABELS,
  ECONOMY_COLUMNS,
  EconomyContent,
  EconomyTableConfig,
  MONEY_DECIMALS,
} from './economy';

export type TaskContent = RichTextDocument | EconomyContent;

/** What a template says about a section's content beyond its kind (for economy: the table's layout). */
export interface SectionConfig {
  economy?: EconomyTableConfig;
}

/** Nacka's layout (reference 000): ack utfall and budget, helår budget and prognos. */
export const DEFAULT_ECONOMY_CONFIG: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
};

export function economyConfigOf(config: SectionConfig | null | undefined): EconomyTableConfig {
  return config?.economy ?? DEFAULT_ECONOMY_CONFIG;
}

/** The section kinds with a structured (table) schema; the others hold rich text. */
export const STRUCTURED_KINDS: readonly SectionKind[] = ['economy'];

export function isStructured(kind: SectionKind): boolean {
  return STRUCTURED_KINDS.includes(kind);
}

export function emptyContent(kind: SectionKind): TaskContent {
  return kind === 'economy' ? { type: 'economy', rows: [] } : emptyDocument();
}

export type ContentCheck =
  | { ok: true; content: TaskContent; removed: string[] }
  | { ok: false; errors: string[] };

/** Checks untrusted content for a section; errors name the row and column where there is one. */
export function checkContent(kind: SectionKind, config: SectionConfig | null | undefined, input: unknown): ContentCheck {
  if (kind === 'economy') {
    const checked = checkEconomy(economyConfigOf(config), input);
    if (!checked.ok) {
      return {
        ok: false,
        errors: checked.issues.map((issue) => [issue.row, issue.message].filter(Boolean).join(': ')),
      };
    }
    return { ok: true, content: checked.content, removed: [] };
  }
  const sanitized = sanitizeRichText(input);
  return sanitized.ok ? { ok: true, content: sanitized.document, removed: sanitized.removed } : sanitized;
}

/** Nothing to hand in yet. */
export function isEmptyContent(content: TaskContent): boolean {
  if (content.type === 'economy') return content.rows.length === 0;
  return plainText(content).trim() === '';
}

export interface ContentDiff {
  blocks: BlockDiff[];
  cells: CellChange[];
}

/** What changed between two versions: text blocks for rich text, cells for tables. */
export function diffContent(kind: SectionKind, config: SectionConfig | null | undefined, before: TaskContent, after: TaskContent): ContentDiff {
  if (kind === 'economy') {
    const empty: EconomyContent = { type: 'economy', rows: [] };
    const asEconomy = (c: TaskContent) => (c.type === 'economy' ? c : empty);
    return { blocks: [], cells: diffEconomy(economyConfigOf(config), asEconomy(before), asEconomy(after)) };
  }
  const asDocument = (c: TaskContent) => (c.type === 'doc' ? c : emptyDocument());
  return { blocks: diffDocuments(asDocument(before), asDocument(after)), cells: [] };
}

/** Checks a template's layout of an economy table. */
export function checkEconomyConfig(input: unknown): { ok: true; config: EconomyTableConfig } | { ok: false; errors: string[] } {
  if (typeof input !== 'object' || input === null) return { ok: false, errors: ['Ekonomitabellens upplägg saknas.'] };
  const raw = input as Record<string, unknown>;
  const errors: string[] = [];
  const unit = raw['unit'];
  if (unit !== 'tkr' && unit !== 'mnkr') errors.push('Ange enhet för ekonomitabellen: tkr eller mnkr.');
  const columns = Array.isArray(raw['columns']) ? raw['columns'] : [];
  const known = columns.filter((c): c is EconomyTableConfig['columns'][number] => (ECONOMY_COLUMNS as readonly unknown[]).includes(c));
  if (known.length !== columns.length) errors.push('Ekonomitabellen har en okänd kolumn.');
  if (new Set(known).size !== known.length) errors.push('En kolumn förekommer två gånger i ekonomitabellen.');
  if (known.length === 0) errors.push('Välj minst en kolumn för ekonomitabellen.');
  const labels: Partial<Record<EconomyTableConfig['columns'][number], string>> = {};
  if (typeof raw['labels'] === 'object' && raw['labels'] !== null) {
    for (const [key, value] of Object.entries(raw['labels'] as Record<string, unknown>)) {
      if (!(known as readonly string[]).includes(key)) continue;
      if (typeof value !== 'string' || !value.trim() || value.length > 80) {
        errors.push(`Kolumnrubriken för ${ECONOMY_COLUMN_LABELS[key as keyof typeof ECONOMY_COLUMN_LABELS]} ska vara 1–80 tecken.`);
      } else labels[key as keyof typeof labels] = value.trim();
    }
  }
  if (errors.length) return { ok: false, errors };
  // Columns in the order the municipality prints them.
  return { ok: true, config: { unit: unit as keyof typeof MONEY_DECIMALS, columns: known, ...(Object.keys(labels).length ? { labels } : {}) } };
}

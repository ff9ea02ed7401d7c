/**
 * Sections made of blocks (docs/domain.md, "Section kinds and what they hold"): one chapter, one
 * heading, holding in the template's order text, tables of any structured kind and charts, as a
 * report writes "text, then a table, then more text, then a chart". The template lists the blocks
 * (`{ key, kind, title?, config?, chart? }`); the content holds each block's content by its key
 * (`{ type: 'blocks', blocks: { <key>: <content of the block's kind> } }`), a missing block being
 * its kind's empty content. Every block is checked, diffed, merged and carried forward by its own
 * kind's rules (content.ts); a chart block holds no content, its figures come from its source
 * (chart-block.ts).
 */
import { merge3Documents, resolveDocumentMerge } from '../merge3';
import { type CellConflict, merge3Structured, type StructuredMerge } from '../merge-structured';
import type { SectionKind } from '../template';
import { chartColumns, type ChartConfig, checkChartConfig, chartFigures, type ChartFigures } from './chart-block';
import {
  carryContentForward,
  checkContent,
  checkSectionConfig,
  type ContentCheck,
  type ContentDiff,
  diffContent,
  economyConfigOf,
  emptyContent,
  hasCarriedContent,
  isEmptyContent,
  type SectionConfig,
  type StructuredContent,
  tableConfigOf,
  type TaskContent,
} from './content';
import type { CellChange, EconomyContent } from './economy';
import { isRecord } from './section-check';

export const BLOCK_KINDS = ['narrative', 'economy', 'sick_leave', 'action_plan', 'internal_control', 'goals', 'table', 'chart'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const BLOCK_KIND_LABELS: Readonly<Record<BlockKind, string>> = {
  narrative: 'Text',
  economy: 'Ekonomi',
  sick_leave: 'Sjukfrånvaro',
  action_plan: 'Åtgärdsplan',
  internal_control: 'Intern kontroll',
  goals: 'Mål och indikatorer',
  table: 'Tabell',
  chart: 'Diagram',
};

/** The most blocks one section holds. */
export const BLOCKS_MAX = 20;

export const BLOCK_KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** One block as the template lists it. */
export interface BlockSpec {
  /** Stable within the section: the content, the diff and carry-forward follow it. */
  key: string;
  kind: BlockKind;
  /** Printed as a sub-heading when given; also how messages name the block. */
  title?: string;
  /** The block's own layout (a table's columns, an economy table's layout …), as a section of its kind has. */
  config?: SectionConfig | null;
  /** Chart blocks: what is drawn. */
  chart?: ChartConfig;
}

export interface BlocksConfig {
  blocks: readonly BlockSpec[];
}

export interface BlocksContent {
  type: 'blocks';
  /** By block key; a block not here is its kind's empty content. */
  blocks: Record<string, TaskContent>;
}

/** The blocks a section lists (none when the template has not listed any yet). */
export function blockSpecs(config: SectionConfig | null | undefined): readonly BlockSpec[] {
  return config?.blocks?.blocks ?? [];
}

/** How messages name a block: its title, else `Block 2 (Tabell)`. */
export function blockName(spec: Pick<BlockSpec, 'title' | 'kind'>, index: number): string {
  return spec.title?.trim() || `Block ${index + 1} (${BLOCK_KIND_LABELS[spec.kind] ?? spec.kind})`;
}

/** The section kind whose rules a block follows (chart blocks have none). */
export function blockSectionKind(kind: BlockKind): SectionKind | null {
  return kind === 'chart' ? null : kind;
}

/** A block's content: the stored one, or its kind's empty content. */
export function blockContent(spec: BlockSpec, content: BlocksContent | null | undefined): TaskContent {
  const kind = blockSectionKind(spec.kind);
  const stored = content?.blocks[spec.key];
  return stored ?? emptyContent(kind ?? 'narrative');
}

const isTableKind = (kind: BlockKind): kind is 'economy' | 'table' => kind === 'economy' || kind === 'table';

/** The number columns a chart may draw from a block or section of the given kind and layout. */
export function chartSourceColumns(kind: SectionKind | BlockKind, config: SectionConfig | null | undefined): Array<{ key: string; label: string }> | null {
  if (kind === 'economy') return chartColumns({ kind: 'economy', config: economyConfigOf(config) });
  if (kind === 'table') return chartColumns({ kind: 'table', config: tableConfigOf(config) });
  return null;
}

/**
 * Checks a template's list of blocks: keys valid and unique, kinds known (a section of blocks
 * never nests another), at most BLOCKS_MAX, each block's layout by its kind's rules, a chart's
 * source a table or economy block of the section (or a section key, which checkBlockSources
 * checks against the template).
 */
export function checkBlocksConfig(input: unknown): { ok: true; config: BlocksConfig } | { ok: false; errors: string[] } {
  if (!isRecord(input) || !Array.isArray(input['blocks'])) return { ok: false, errors: ['Avsnittets block saknas.'] };
  const raws = input['blocks'] as unknown[];
  const errors: string[] = [];
  if (raws.length === 0) errors.push('Lägg till minst ett block i avsnittet.');
  if (raws.length > BLOCKS_MAX) errors.push(`Ett avsnitt får ha högst ${BLOCKS_MAX} block (nu ${raws.length}).`);
  const blocks: BlockSpec[] = [];
  const keys = new Set<string>();
  raws.slice(0, BLOCKS_MAX).forEach((raw, i) => {
    const b = isRecord(raw) ? raw : {};
    const kind = b['kind'];
    const title = typeof b['title'] === 'string' ? b['title'].trim() : '';
    const known = (BLOCK_KINDS as readonly unknown[]).includes(kind);
    const name = title || `Block ${i + 1}${known ? ` (${BLOCK_KIND_LABELS[kind as BlockKind]})` : ''}`;
    const key = b['key'];
    if (typeof key !== 'string' || !BLOCK_KEY.test(key)) errors.push(`${name}: blockets nyckel får bara innehålla små bokstäver a–z, siffror, - och _ (högst 40 tecken).`);
    else if (keys.has(key)) errors.push(`${name}: nyckeln "${key}" förekommer två gånger i avsnittet.`);
    if (typeof key === 'string') keys.add(key);
    if (kind === 'blocks') errors.push(`${name}: ett sammansatt avsnitt kan inte innehålla ett annat sammansatt avsnitt.`);
    else if (!known) errors.push(`${name}: okänd blocktyp${typeof kind === 'string' ? ` "${kind}"` : ''}.`);
    if (b['title'] !== undefined && b['title'] !== null && (typeof b['title'] !== 'string' || title.length > 120)) errors.push(`${name}: blockets rubrik får vara högst 120 tecken.`);
    if (!known || typeof key !== 'string') return;
    const spec: BlockSpec = { key, kind: kind as BlockKind, ...(title ? { title } : {}) };
    if (kind !== 'chart') {
      const layout = checkSectionConfig(kind as SectionKind, b['config']);
      if (!layout.ok) errors.push(...layout.errors.map((e) => `${name}: ${e}`));
      else if (layout.config) spec.config = layout.config;
    }
    blocks.push(spec);
  });
  // Charts last: their source may be any block of the section, before or after them.
  raws.slice(0, BLOCKS_MAX).forEach((raw, i) => {
    if (!isRecord(raw) || raw['kind'] !== 'chart') return;
    const spec = blocks.find((b) => b.key === raw['key']);
    const name = blockName({ kind: 'chart', title: typeof raw['title'] === 'string' ? raw['title'] : undefined }, i);
    const chart = raw['chart'];
    const sourceKey = isRecord(chart) && typeof chart['source'] === 'string' ? chart['source'].trim() : '';
    const source = blocks.find((b) => b.key === sourceKey);
    if (source && source.key === spec?.key) {
      errors.push(`${name}: ett diagram kan inte visa sig självt.`);
      return;
    }
    if (source && !isTableKind(source.kind)) {
      errors.push(`${name}: diagrammet kan bara visa ett ekonomi- eller tabellblock, inte "${blockName(source, blocks.indexOf(source))}".`);
      return;
    }
    const checked = checkChartConfig(chart, source ? chartSourceColumns(source.kind, source.config) : null);
    if (!checked.ok) errors.push(...checked.errors.map((e) => `${name}: ${e}`));
    else if (spec) spec.chart = checked.chart;
  });
  if (errors.length) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, config: { blocks } };
}

/**
 * Checks, across the template, the charts of sections of blocks that draw another section: the
 * source must be an economy or table section of the same template, and the chosen columns its
 * number columns. Messages name the section and the block.
 */
export function checkBlockSources(
  sections: ReadonlyArray<{ key: string; title: string; kind: SectionKind; config?: SectionConfig | null }>,
): string[] {
  const errors: string[] = [];
  for (const section of sections) {
    if (section.kind !== 'blocks') continue;
    const specs = blockSpecs(section.config);
    specs.forEach((spec, i) => {
      if (spec.kind !== 'chart' || !spec.chart || specs.some((b) => b.key === spec.chart?.source)) return;
      const name = `Avsnittet "${section.title}": ${blockName(spec, i)}`;
      const target = sections.find((s) => s.key === spec.chart?.source);
      if (!target) {
        errors.push(`${name}: diagrammet visar "${spec.chart.source}", som varken är ett block i avsnittet eller ett avsnitt i mallen.`);
        return;
      }
      if (target.kind !== 'economy' && target.kind !== 'table') {
        errors.push(`${name}: diagrammet kan bara visa ett ekonomi- eller tabellavsnitt, inte "${target.title}".`);
        return;
      }
      const checked = checkChartConfig(spec.chart, chartSourceColumns(target.kind, target.config));
      if (!checked.ok) errors.push(...checked.errors.map((e) => `${name}: ${e}`));
    });
  }
  return errors;
}

/**
 * Checks a section of blocks' content: each block by its own kind's rules (with `forSubmit`,
 * what must be there to hand in), every message prefixed with the block's name. Content of a
 * block the section no longer lists is left out.
 */
export function checkBlocksContent(config: SectionConfig | null | undefined, input: unknown, options: { forSubmit?: boolean } = {}): ContentCheck {
  if (!isRecord(input) || input['type'] !== 'blocks') return { ok: false, errors: ['Innehållet är inte ett sammansatt avsnitt.'] };
  const raw = input['blocks'] ?? {};
  if (!isRecord(raw)) return { ok: false, errors: ['Avsnittets block har fel format.'] };
  const errors: string[] = [];
  const removed: string[] = [];
  const blocks: Record<string, TaskContent> = {};
  blockSpecs(config).forEach((spec, i) => {
    const kind = blockSectionKind(spec.kind);
    if (!kind) return;
    const given = raw[spec.key];
    const checked = checkContent(kind, spec.config ?? null, given === undefined || given === null ? emptyContent(kind) : given, options);
    if (!checked.ok) errors.push(...checked.errors.map((e) => `${blockName(spec, i)}: ${e}`));
    else {
      blocks[spec.key] = checked.content;
      removed.push(...checked.removed);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, content: { type: 'blocks', blocks }, removed };
}

/** Nothing to hand in yet: every block empty. */
export function isEmptyBlocks(content: BlocksContent): boolean {
  return Object.values(content.blocks).every((c) => isEmptyContent(c));
}

/**
 * What changed, block by block, as cells the reviewer's table shows: a table block's cells with
 * the block's name before the row (`Investeringar: Skolan`), a text block's changed paragraphs as
 * its `Text` before and after.
 */
export function diffBlocks(config: SectionConfig | null | undefined, before: BlocksContent, after: BlocksContent): ContentDiff {
  const out: ContentDiff = { blocks: [], cells: [] };
  blockSpecs(config).forEach((spec, i) => {
    const kind = blockSectionKind(spec.kind);
    if (!kind) return;
    const name = blockName(spec, i);
    const diff = diffContent(kind, spec.config ?? null, blockContent(spec, before), blockContent(spec, after));
    out.blocks.push(...diff.blocks);
    for (const block of diff.blocks) {
      if (block.kind !== 'same') out.cells.push({ row: name, column: 'Text', before: block.before, after: block.after });
    }
    out.cells.push(...diff.cells.map((c): CellChange => ({ ...c, row: c.row ? `${name}: ${c.row}` : name })));
  });
  return out;
}

/** The layout of a block of the section, by its key (null when the section lists no such block). */
export function blockConfigOf(config: SectionConfig | null | undefined, key: string): SectionConfig | null {
  return blockSpecs(config).find((b) => b.key === key)?.config ?? null;
}

/**
 * A new cycle's content from the last approved one, block by block by key: each block carried
 * by its kind's rules (carryContentForward); an economy block by `carryEconomy` when given (it
 * needs both cycles' periods: carryEconomyForward), else it starts empty. Blocks the new layout
 * does not list, or of another kind there, are left out.
 */
export function carryBlocksForward(
  config: SectionConfig | null | undefined,
  previous: BlocksContent,
  sameYear: boolean,
  carryEconomy?: (key: string, previous: EconomyContent) => EconomyContent,
): BlocksContent {
  const specs = config ? blockSpecs(config) : null;
  const blocks: Record<string, TaskContent> = {};
  for (const [key, content] of Object.entries(previous.blocks)) {
    const kind: SectionKind = content.type === 'doc' ? 'narrative' : (content.type as SectionKind);
    const spec = specs?.find((s) => s.key === key);
    if (specs && (!spec || blockSectionKind(spec.kind) !== kind)) continue;
    if (kind === 'blocks' || !hasCarriedContent(content)) continue;
    const carried = content.type === 'economy' && carryEconomy ? carryEconomy(key, content) : carryContentForward(kind, content, sameYear);
    if (!isEmptyContent(carried)) blocks[key] = carried;
  }
  return { type: 'blocks', blocks };
}

/** Whether any block holds content worth carrying forward. */
export function hasCarriedBlocks(content: BlocksContent): boolean {
  return Object.values(content.blocks).some((c) => hasCarriedContent(c));
}

/**
 * The three-way merge of a stale save, block by block: a table block cell by cell
 * (merge3Structured), a text block paragraph by paragraph (merge3Documents). A text block both
 * sides changed at the same place becomes one choice for the whole block (`Text`), the writer's
 * text kept until the choice says otherwise. Conflict paths lead from the section's content, so
 * applyCellChoices applies them.
 */
export function merge3Blocks(base: BlocksContent | null, mine: BlocksContent, theirs: BlocksContent, config?: SectionConfig | null): StructuredMerge<BlocksContent> {
  const conflicts: CellConflict[] = [];
  const blocks: Record<string, TaskContent> = {};
  const specs = blockSpecs(config);
  const keys = [...new Set([...specs.map((s) => s.key), ...Object.keys(theirs.blocks), ...Object.keys(mine.blocks)])];
  keys.forEach((key) => {
    const index = specs.findIndex((s) => s.key === key);
    const spec = specs[index];
    const m = mine.blocks[key];
    const t = theirs.blocks[key];
    const b = base?.blocks[key] ?? null;
    if (!m || !t) {
      const kept = m ?? t;
      if (kept) blocks[key] = kept;
      return;
    }
    const name = spec ? blockName(spec, index) : key;
    if (m.type === 'doc' && t.type === 'doc') {
      const merged = merge3Documents(b?.type === 'doc' ? b : { type: 'doc', version: 1, content: [] }, m, t);
      blocks[key] = merged.conflicts.length === 0 ? resolveDocumentMerge(merged) : m;
      if (merged.conflicts.length) {
        conflicts.push({ id: `blocks.${key}`, path: ['blocks', key], row: name, column: 'Text', base: b as never, mine: m as never, theirs: t as never });
      }
      return;
    }
    if (m.type !== 'doc' && t.type !== 'doc') {
      const merged = merge3Structured<StructuredContent>(b && b.type !== 'doc' ? b : null, m, t, spec?.config ?? null);
      blocks[key] = merged.content;
      for (const c of merged.conflicts) {
        conflicts.push({ ...c, id: `blocks.${key}.${c.id}`, path: ['blocks', key, ...c.path], row: `${name}: ${c.row}` });
      }
      return;
    }
    blocks[key] = m;
    conflicts.push({ id: `blocks.${key}`, path: ['blocks', key], row: name, column: 'Hela blocket', base: b as never, mine: m as never, theirs: t as never });
  });
  return { content: { type: 'blocks', blocks }, conflicts };
}

/** A chart block's figures from the section's own content (null when its source is another section). */
export function blockChartFigures(config: SectionConfig | null | undefined, spec: BlockSpec, content: BlocksContent | null | undefined): ChartFigures | null {
  if (spec.kind !== 'chart' || !spec.chart) return null;
  const source = blockSpecs(config).find((b) => b.key === spec.chart?.source);
  if (!source) return null;
  const stored = blockContent(source, content);
  if (source.kind === 'economy' && stored.type === 'economy') return chartFigures(spec.chart, { kind: 'economy', config: economyConfigOf(source.config), content: stored });
  if (source.kind === 'table' && stored.type === 'table') return chartFigures(spec.chart, { kind: 'table', config: tableConfigOf(source.config), content: stored });
  return null;
}

/** A chart's figures from another section's content (a chart block whose source is a section of the template). */
export function sectionChartFigures(chart: ChartConfig, source: { kind: SectionKind; config: SectionConfig | null | undefined; content: TaskContent }): ChartFigures | null {
  if (source.kind === 'economy' && source.content.type === 'economy') return chartFigures(chart, { kind: 'economy', config: economyConfigOf(source.config), content: source.content });
  if (source.kind === 'table' && source.content.type === 'table') return chartFigures(chart, { kind: 'table', config: tableConfigOf(source.config), content: source.content });
  return null;
}

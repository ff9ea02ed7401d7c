/**
 * The page of a section made of blocks (libs/domain/src/lib/sections/blocks.ts): what each block's
 * editor read becomes as the one content saved, and what a chart block shows while its source's
 * figures are typed. Pure: blocks-section.component.ts calls it.
 */
import {
  type AccessibleTable,
  blockChartFigures,
  blockName,
  type BlocksContent,
  type BlockSpec,
  blockSpecs,
  type ChartFigures,
  formatNumber,
  type SectionConfig,
  type TaskContent,
} from '@rapportflode/domain';
import type { SectionRead } from './section-editor-base';

/** A block of the page: its template entry, its position and how the page names it. */
export interface BlockItem {
  spec: BlockSpec;
  index: number;
  name: string;
  /** Unique on the page: the block's heading id. */
  headingId: string;
}

export function blockItems(config: SectionConfig | null | undefined): BlockItem[] {
  return blockSpecs(config).map((spec, index) => ({ spec, index, name: blockName(spec, index), headingId: `block-${spec.key}-heading` }));
}

/**
 * The section's content from every block's read, in the template's order: the blocks' contents
 * by key when every block reads; otherwise every block's problems, each after the block's name.
 */
export function composeBlocks(config: SectionConfig | null | undefined, reads: ReadonlyMap<string, SectionRead>): SectionRead {
  const errors: string[] = [];
  const removed: string[] = [];
  const blocks: Record<string, TaskContent> = {};
  for (const item of blockItems(config)) {
    if (item.spec.kind === 'chart') continue;
    const read = reads.get(item.spec.key);
    if (!read) continue;
    if (!read.ok) errors.push(...read.errors.map((e) => `${item.name}: ${e}`));
    else {
      blocks[item.spec.key] = read.content;
      removed.push(...read.removed);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, content: { type: 'blocks', blocks }, removed };
}

/** What a chart block shows on the page: the chart's figures as the chart component and the table beside it take them. */
export interface ChartPreview {
  type: 'bar' | 'line';
  caption: string;
  description: string;
  seriesLabels: string[];
  /** Bar charts: one group per category. */
  groups: Array<{ label: string; values: Array<number | null> }>;
  /** Line charts: the categories along the axis. */
  periods: string[];
  lines: Array<{ label: string; values: Array<number | null> }>;
  table: AccessibleTable;
}

/**
 * A chart block's preview from the content as typed (`live`: the latest read of each block,
 * over the stored content); null when its source is another section (drawn in the report).
 */
export function chartPreview(config: SectionConfig | null | undefined, spec: BlockSpec, stored: BlocksContent, live: Readonly<Record<string, TaskContent>>): ChartPreview | null {
  const figures = blockChartFigures(config, spec, { type: 'blocks', blocks: { ...stored.blocks, ...live } });
  return figures ? previewOf(figures) : null;
}

export function previewOf(figures: ChartFigures): ChartPreview {
  const unit = figures.unit ? ` (${figures.unit})` : '';
  return {
    type: figures.type,
    caption: `${figures.title}${unit}`,
    description: `${figures.description} Siffrorna finns i tabellen under diagrammet.`,
    seriesLabels: figures.series.map((s) => s.name),
    groups: figures.categories.map((label, ci) => ({ label, values: figures.series.map((s) => s.values[ci] ?? null) })),
    periods: figures.categories,
    lines: figures.series.map((s) => ({ label: s.name, values: s.values })),
    table: {
      caption: `${figures.title}${unit}`,
      columnHeaders: ['', ...figures.series.map((s) => s.name)],
      rows: figures.categories.map((label, ci) => ({
        header: label,
        cells: figures.series.map((s) => {
          const value = s.values[ci] ?? null;
          return value === null ? { value, text: '–', srText: 'Uppgift saknas' } : { value, text: formatNumber(value, figures.decimals) };
        }),
      })),
    },
  };
}

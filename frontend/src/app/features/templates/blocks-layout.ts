/**
 * The blocks of a section made of blocks as the template editor changes them
 * (libs/domain/src/lib/sections/blocks.ts): a block added of a kind with a key of its own, moved up
 * or down, retitled, given its own layout, removed; a chart's settings. Pure: blocks-layout.component.ts calls it.
 */
import {
  BLOCK_KIND_LABELS,
  type BlockKind,
  type BlocksConfig,
  type BlockSpec,
  BLOCKS_MAX,
  type ChartConfig,
  chartSourceColumns,
  type SectionConfig,
} from '@rapportflode/domain';

const KEY_PREFIX: Readonly<Record<BlockKind, string>> = {
  narrative: 'text',
  economy: 'ekonomi',
  sick_leave: 'sjukfranvaro',
  action_plan: 'atgarder',
  internal_control: 'intern-kontroll',
  goals: 'mal',
  table: 'tabell',
  chart: 'diagram',
};

export function blocksOf(config: SectionConfig | null | undefined): BlockSpec[] {
  return [...(config?.blocks?.blocks ?? [])];
}

const withBlocks = (blocks: BlockSpec[]): SectionConfig => ({ blocks: { blocks } satisfies BlocksConfig });

/** The blocks a chart can draw: the section's economy and table blocks. */
export function chartSources(blocks: readonly BlockSpec[]): Array<{ key: string; label: string }> {
  return blocks
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.kind === 'economy' || b.kind === 'table')
    .map(({ b, i }) => ({ key: b.key, label: b.title?.trim() || `Block ${i + 1} (${BLOCK_KIND_LABELS[b.kind]})` }));
}

/** A new block of the kind at the end, keyed `<kind>-N` with N not yet used; a chart draws the last table block. */
export function addBlock(config: SectionConfig | null | undefined, kind: BlockKind): SectionConfig {
  const blocks = blocksOf(config);
  if (blocks.length >= BLOCKS_MAX) return withBlocks(blocks);
  const taken = new Set(blocks.map((b) => b.key));
  let n = blocks.length + 1;
  while (taken.has(`${KEY_PREFIX[kind]}-${n}`)) n += 1;
  const block: BlockSpec = { key: `${KEY_PREFIX[kind]}-${n}`, kind };
  if (kind === 'chart') {
    const source = chartSources(blocks).at(-1)?.key ?? '';
    block.chart = { source, title: 'Diagram' };
  }
  return withBlocks([...blocks, block]);
}

export function moveBlock(config: SectionConfig | null | undefined, index: number, by: -1 | 1): SectionConfig {
  const blocks = blocksOf(config);
  const to = index + by;
  if (to < 0 || to >= blocks.length) return withBlocks(blocks);
  [blocks[index], blocks[to]] = [blocks[to], blocks[index]];
  return withBlocks(blocks);
}

export function removeBlock(config: SectionConfig | null | undefined, index: number): SectionConfig {
  return withBlocks(blocksOf(config).filter((_, i) => i !== index));
}

/** A block's title (empty: none) or its own layout changed. */
export function setBlock(config: SectionConfig | null | undefined, index: number, change: { title?: string; config?: SectionConfig | null }): SectionConfig {
  return withBlocks(
    blocksOf(config).map((b, i) => {
      if (i !== index) return b;
      const next: BlockSpec = { ...b };
      if (change.title !== undefined) {
        if (change.title.trim()) next.title = change.title.trim();
        else delete next.title;
      }
      if (change.config !== undefined) {
        if (change.config) next.config = change.config;
        else delete next.config;
      }
      return next;
    }),
  );
}

/** A chart's settings changed; a new source or axis clears the chosen series (they were the old table's). */
export function setChart(config: SectionConfig | null | undefined, index: number, change: Partial<ChartConfig>): SectionConfig {
  return withBlocks(
    blocksOf(config).map((b, i) => {
      if (i !== index) return b;
      const chart: ChartConfig = { ...(b.chart ?? { source: '', title: 'Diagram' }), ...change };
      if ((change.source !== undefined && change.source !== b.chart?.source) || (change.categories !== undefined && change.categories !== b.chart?.categories)) {
        if (change.series === undefined) delete chart.series;
      }
      if (chart.type === 'bar') delete chart.type;
      if (chart.categories === 'rows') delete chart.categories;
      if (chart.series && chart.series.length === 0) delete chart.series;
      return { ...b, chart };
    }),
  );
}

/** The number columns a chart may draw as series (its source a block of the section), else none. */
export function chartColumnsOf(blocks: readonly BlockSpec[], chart: ChartConfig | undefined): Array<{ key: string; label: string }> {
  const source = blocks.find((b) => b.key === chart?.source);
  return source ? (chartSourceColumns(source.kind, source.config) ?? []) : [];
}

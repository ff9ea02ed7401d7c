/**
 * A section made of blocks (libs/domain/src/lib/sections/blocks.ts) as document blocks: each block
 * in the template's order under the section's one heading, converted by its own kind
 * (section-blocks.ts); a text block's title as a bold lead line, a table block's title as its
 * caption; a chart block as a chart of its source's computed figures with its data table printed.
 */
import {
  blockChartFigures,
  blockContent,
  blockSpecs,
  type BlocksContent,
  type BlockSpec,
  type ChartFigures,
  type SectionKind,
  sectionChartFigures,
  type SickLeaveHistory,
  type TaskContent,
} from '@rapportflode/domain';
import type { Block, ChartBlock } from '../model';
import { paragraph, text } from '../model';
import { type Context, slugify } from './context';
import type { AssemblyInput, AssemblySection, AssemblyUnit } from './input';
import { contentBlocks } from './section-blocks';

/** Another section's content a chart block may draw (by the section's key), for the same unit or the nämnd. */
export type ChartSourceLookup = (sectionKey: string, unitId: string | null) => { kind: SectionKind; config: AssemblySection['config']; content: TaskContent } | null;

export function chartModel(figures: ChartFigures, ctx: Context, key: string, unit: string | null): ChartBlock {
  return {
    type: 'chart',
    id: ctx.ids.take(['diagram', slugify(ctx.sectionTitle), unit ? slugify(unit) : null, slugify(key)].filter(Boolean).join('-')),
    chartType: figures.type,
    printData: true,
    title: `${figures.title}${unit ? `, ${unit}` : ''}`,
    description: figures.description,
    ...(figures.unit ? { unit: figures.unit } : {}),
    categories: figures.categories,
    series: figures.series.map((s) => ({ name: s.name, values: s.values })),
    decimals: figures.decimals,
  };
}

function chartBlocks(section: AssemblySection, spec: BlockSpec, content: BlocksContent, ctx: Context, unit: AssemblyUnit | null, lookup?: ChartSourceLookup): Block[] {
  if (!spec.chart) return [];
  let figures = blockChartFigures(section.config, spec, content);
  if (!figures && lookup && !blockSpecs(section.config).some((b) => b.key === spec.chart?.source)) {
    const source = lookup(spec.chart.source, unit?.id ?? null) ?? lookup(spec.chart.source, null);
    figures = source ? sectionChartFigures(spec.chart, source) : null;
  }
  if (!figures || figures.categories.length === 0 || figures.series.length === 0) {
    return [paragraph(`${spec.chart.title}: inga godkända värden att visa i diagrammet.`, 'note')];
  }
  return [chartModel(figures, ctx, spec.key, unit?.name ?? null)];
}

/** The blocks of a section of blocks, in the template's order. */
export function compositeBlocks(
  section: AssemblySection,
  content: BlocksContent,
  ctx: Context,
  unit: AssemblyUnit | null,
  history?: SickLeaveHistory,
  lookup?: ChartSourceLookup,
): Block[] {
  const out: Block[] = [];
  for (const spec of blockSpecs(section.config)) {
    if (spec.kind === 'chart') {
      out.push(...chartBlocks(section, spec, content, ctx, unit, lookup));
      continue;
    }
    const stored = blockContent(spec, content);
    const part: AssemblySection = { ...section, kind: spec.kind, title: spec.title ?? section.title, config: spec.config ?? null };
    if (spec.kind === 'narrative' && spec.title) out.push(paragraph([text(spec.title, ['bold'])], 'lead'));
    out.push(...contentBlocks(part, stored, { ...ctx, sectionTitle: part.title }, unit, history));
  }
  return out;
}

/** Looks up another section's approved content by its template key: the unit's task, else the nämnd-level one. */
export function chartSourceLookup(input: Pick<AssemblyInput, 'sections' | 'tasks'>): ChartSourceLookup {
  return (key, unitId) => {
    const section = input.sections.find((s) => s.key === key);
    if (!section) return null;
    const task = input.tasks.find((t) => t.sectionId === section.id && t.unitId === unitId && t.state === 'approved' && t.content);
    return task?.content ? { kind: section.kind, config: section.config, content: task.content } : null;
  };
}

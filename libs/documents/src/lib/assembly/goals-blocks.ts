/**
 * The goals section's and the sick-leave commentary's blocks (section-blocks.ts calls them): the
 * template's GoalsConfig (libs/domain/src/lib/sections/goals.ts) decides målområden, which levels
 * print an assessment and which indicator columns print; comments are rich text (rich-text-blocks.ts),
 * an indicator's comment of one paragraph printed as the note it always was (indicatorCommentBlocks).
 */
import {
  ASSESSMENT_LABELS,
  Assessment,
  commentDocument,
  computeGoals,
  directionMetText,
  earlierColumnLabel,
  earlierLabels,
  goalsAssessed,
  goalsColumnLabels,
  GoalsContent,
  goalsPrintColumns,
  SectionConfig,
} from '@rapportflode/domain';
import type { Block, TableColumn, TableRow } from '../model';
import { column, paragraph, text } from '../model';
import { type Context, dataset, slugify, tableId } from './context';
import { richTextBlocks } from './rich-text-blocks';

const MARKER: Readonly<Record<Assessment, NonNullable<TableRow['marker']>>> = { met: 'green', partly: 'yellow', not_met: 'red' };

/** A comment as stored (a document, or an older string) as blocks: paragraphs, lists, headings, footnotes. */
export function commentBlocks(comment: unknown, ctx: Context, unit: string | null): Block[] {
  const doc = commentDocument(comment);
  return doc ? richTextBlocks(doc, ctx, unit) : [];
}

/**
 * An indicator's comment under its table: one paragraph as an italic note (`Namn: text`), as
 * every indicator comment printed before they were rich text; more (paragraphs, lists, headings)
 * as the indicator's name in bold followed by the comment's blocks.
 */
export function indicatorCommentBlocks(name: string, comment: unknown, ctx: Context, unit: string | null): Block[] {
  const doc = commentDocument(comment);
  if (!doc) return [];
  const lead = text(`${name}: `, ['italic']);
  if (typeof comment === 'string' && !/[\r\n]/.test(comment.trim())) return [paragraph([lead, text(comment)], 'note')];
  const blocks = richTextBlocks(doc, ctx, unit);
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (only?.type === 'paragraph') return [paragraph([lead, ...only.content], 'note')];
  return [paragraph([text(name, ['bold'])]), ...blocks];
}

export function goalsBlocks(config: SectionConfig | null, content: GoalsContent, ctx: Context, unit: string | null): Block[] {
  const layout = config?.goals;
  const labels = goalsColumnLabels(layout);
  const decimals = layout?.decimals ?? 1;
  const assessed = goalsAssessed(layout);
  const printed = goalsPrintColumns(layout);
  const shows = (c: (typeof printed)[number]) => printed.includes(c);
  const assessmentText = (a: Assessment | null | undefined) => ` – Bedömning: ${a ? ASSESSMENT_LABELS[a] : 'Ej bedömd'}`;
  const out: Block[] = [];
  let area: string | undefined;
  for (const goal of computeGoals(content)) {
    if (layout?.areas && goal.area && goal.area !== area) out.push(paragraph([text('Målområde: ', ['bold']), text(goal.area)]));
    area = goal.area;
    out.push(paragraph([text('Kommunfullmäktiges mål: ', ['bold']), text(goal.title), ...(assessed.goals ? [text(assessmentText(goal.assessment))] : [])]));
    for (const cg of goal.committeeGoals) {
      out.push(paragraph([text('Nämndmål: ', ['bold']), text(cg.title), ...(assessed.committeeGoals ? [text(assessmentText(cg.assessment))] : [])]));
      out.push(...commentBlocks(cg.comment, ctx, unit));
      if (!cg.indicators.length) continue;
      const earlier = shows('earlier') ? earlierLabels(cg.indicators) : [];
      const columns: TableColumn[] = [
        column(labels.name, 'indikator', 'text'),
        ...(shows('unit') ? [column(labels.unit, 'enhet', 'text')] : []),
        ...earlier.map((l) => column(earlierColumnLabel(l), `utfall_${slugify(l)}`, 'number', decimals)),
        ...(shows('previous') ? [column(labels.previous, 'utfall_foregaende', 'number', decimals)] : []),
        ...(shows('value') ? [column(labels.value, 'utfall', 'number', decimals)] : []),
        ...(shows('target') ? [column(labels.target, 'mal', 'number', decimals)] : []),
        ...(shows('fulfilment') ? [column(labels.fulfilment, 'maluppfyllelse', 'percent', 0)] : []),
        ...(shows('assessment') ? [column(labels.assessment, 'bedomning', 'text')] : []),
        ...(shows('source') ? [column(labels.source, 'kalla', 'text')] : []),
      ];
      const rows: TableRow[] = cg.indicators.map((i) => ({
        cells: [
          i.name,
          ...(shows('unit') ? [i.unit === 'percent' ? '%' : 'antal'] : []),
          ...earlier.map((l) => i.earlier?.find((e) => e.label === l)?.value ?? null),
          ...(shows('previous') ? [i.previous] : []),
          ...(shows('value') ? [i.value] : []),
          ...(shows('target') ? [i.target] : []),
          // A direction target (Öka, Minska, Bibehålla) has its måluppfyllelse in words (directionMetText).
          ...(shows('fulfilment') ? [i.fulfilment ?? directionMetText(i)] : []),
          ...(shows('assessment') ? [i.assessment ? ASSESSMENT_LABELS[i.assessment] : ''] : []),
          ...(shows('source') ? [i.source ?? ''] : []),
        ],
        ...(i.assessment && shows('assessment') ? { marker: MARKER[i.assessment] } : {}),
      }));
      out.push({
        type: 'table',
        id: tableId(ctx, unit, slugify(cg.title).slice(0, 30)),
        caption: `Indikatorer för ${cg.title}`,
        columns,
        rows,
        dataset: dataset(ctx, unit),
      });
      for (const i of cg.indicators) out.push(...indicatorCommentBlocks(i.name, i.comment, ctx, unit));
    }
  }
  return out;
}

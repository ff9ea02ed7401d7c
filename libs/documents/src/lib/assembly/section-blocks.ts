/**
 * A section's approved content as document blocks, by kind: economy and generic tables, sick
 * leave (with its trend chart), action plans, internal control, goals; rich text in rich-text-blocks.ts.
 * Every figure is computed by libs/domain.
 */
import {
  ACTION_PLAN_FIELD_LABELS,
  ACTION_STATUS_LABELS,
  ActionPlanContent,
  columnLabel,
  computeEconomy,
  computeTable,
  CONTROL_RESULT_LABELS,
  economyConfigOf,
  EconomyContent,
  EconomyTableConfig,
  InternalControlContent,
  economySignNote,
  moneyDecimals,
  RISK_STATUS_LABELS,
  SectionConfig,
  sickLeaveMeasures,
  SickLeaveContent,
  SickLeaveHistory,
  sickLeaveSeries,
  tableConfigOf,
  TableContent,
  TaskContent,
} from '@rapportflode/domain';
import type { Block, TableBlock, TableColumn, TableRow } from '../model';
import { column, paragraph, text } from '../model';
import { type Context, dataset, slugify, tableId } from './context';
import type { AssemblySection, AssemblyUnit } from './input';
import { richTextBlocks } from './rich-text-blocks';
import { economyGroupHeaders, economyRows } from './economy-rows';
import { commentBlocks, goalsBlocks } from './goals-blocks';

// ---------------------------------------------------------------------------------------------
// Economy

export function economyTable(
  config: EconomyTableConfig,
  content: EconomyContent,
  ctx: Context,
  unit: string | null,
  caption: string,
  firstColumn: string,
): Block[] {
  const computed = computeEconomy(config, content);
  const decimals = moneyDecimals(config);
  const columns: TableColumn[] = [
    column(config.rowHeading ?? firstColumn, 'verksamhet', 'text'),
    ...config.columns.map((c) => (c === 'percent_of_budget' ? column(columnLabel(config, c), c, 'percent', 1) : column(columnLabel(config, c), c, 'number', decimals))),
  ];
  const comments: Array<{ label: string; comment: string }> = [];
  const rows = economyRows(config, computed, (row) => comments.push({ label: row.label, comment: row.comment ?? '' }));
  const groupHeaders = economyGroupHeaders(config);
  const table: TableBlock = {
    type: 'table',
    id: tableId(ctx, unit, 'ekonomi'),
    caption,
    unit: config.unit,
    columns,
    ...(groupHeaders ? { groupHeaders } : {}),
    rows,
    footnotes: [economySignNote(config)],
    dataset: dataset(ctx, unit),
  };
  return [table, ...comments.map((c) => paragraph([text(`${c.label}: `, ['bold']), text(c.comment)]))];
}

// ---------------------------------------------------------------------------------------------
// Sick leave

function sickLeaveBlocks(config: SectionConfig | null, content: SickLeaveContent, ctx: Context, unit: string | null, history?: SickLeaveHistory): Block[] {
  const decimals = config?.sickLeave?.decimals ?? 1;
  const measures = sickLeaveMeasures(config?.sickLeave);
  const out: Block[] = [
    {
      type: 'table',
      id: tableId(ctx, unit, 'sjukfranvaro'),
      caption: `Sjukfrånvaro${unit ? `, ${unit}` : ''}, ${ctx.cycle.periodLabel}`,
      unit: '%',
      columns: [
        column('Mått', 'matt', 'text'),
        column(ctx.cycle.periodLabel, 'varde', 'percent', decimals),
      ],
      rows: measures.map((m) => ({ cells: [m.label, m.get(content.values)] })),
      dataset: dataset(ctx, unit),
    },
  ];
  if (history && history.length > 0) {
    const series = sickLeaveSeries(history, { period: ctx.cycle.periodLabel, content }, config?.sickLeave);
    out.push({
      type: 'chart',
      id: ctx.ids.take(`diagram-sjukfranvaro${unit ? `-${slugify(unit)}` : ''}`),
      title: `Sjukfrånvaro över tid${unit ? `, ${unit}` : ''}`,
      description: `Stapeldiagram över ${series.series.map((s) => s.label.toLocaleLowerCase('sv-SE')).join(', ')} i procent för perioderna ${series.periods.join(', ')}.`,
      unit: '%',
      categories: series.periods,
      series: series.series.map((s) => ({ name: s.label, values: s.values })),
      decimals,
    });
  }
  out.push(...commentBlocks(content.comment, ctx, unit));
  return out;
}

export function sickLeaveSummary(config: SectionConfig | null, units: ReadonlyArray<{ name: string; content: SickLeaveContent }>, ctx: Context): TableBlock {
  const decimals = config?.sickLeave?.decimals ?? 1;
  const measures = sickLeaveMeasures(config?.sickLeave);
  return {
    type: 'table',
    id: tableId(ctx, null, 'per-enhet'),
    caption: `Sjukfrånvaro per enhet, ${ctx.cycle.committee}, ${ctx.cycle.periodLabel}`,
    unit: '%',
    columns: [
      column('Enhet', 'enhet', 'text'),
      ...measures.map((m) => column(m.label, m.key, 'percent', decimals)),
    ],
    rows: units.map((u) => ({ cells: [u.name, ...measures.map((m) => m.get(u.content.values))] })),
    dataset: dataset(ctx, null),
  };
}

// ---------------------------------------------------------------------------------------------
// Action plan, internal control, goals, generic tables

function actionPlanBlocks(config: SectionConfig | null, content: ActionPlanContent, ctx: Context, unit: string | null): Block[] {
  const effect = config?.actionPlan?.effect === true;
  const L = ACTION_PLAN_FIELD_LABELS;
  const columns: TableColumn[] = [
    column(L.action, 'atgard', 'text'),
    column(L.area, 'ansvarsomrade', 'text'),
    column(L.years, 'ar', 'text'),
    column(L.status, 'status', 'text'),
    column(L.comment, 'kommentar', 'text'),
    ...(effect ? [column(L.effect, 'effekt')] : []),
  ];
  const rows: TableRow[] = content.rows.map((r) => ({
    cells: [r.action, r.area, r.years, ACTION_STATUS_LABELS[r.status], r.comment ?? '', ...(effect ? [r.effect ?? null] : [])],
  }));
  return [{ type: 'table', id: tableId(ctx, unit, 'atgarder'), caption: `${ctx.sectionTitle}${unit ? `, ${unit}` : ''}`, columns, rows, dataset: dataset(ctx, unit) }];
}

function internalControlBlocks(content: InternalControlContent, ctx: Context, unit: string | null): Block[] {
  const out: Block[] = [];
  const grouped = content.plan.some((r) => r.group);
  if (content.plan.length) {
    out.push({
      type: 'table',
      id: tableId(ctx, unit, 'kontrollplan'),
      caption: `Intern kontrollplan${unit ? `, ${unit}` : ''}`,
      columns: [
        ...(grouped ? [column('Grupp', 'grupp', 'text')] : []),
        column('Kontrollområde', 'kontrollomrade', 'text'),
        column('Kontrollmål', 'kontrollmal', 'text'),
        column('Ansvarig', 'ansvarig', 'text'),
        column('Metod', 'metod', 'text'),
        column('Frekvens', 'frekvens', 'text'),
        column('Rapporteras till', 'rapporteras_till', 'text'),
        column('Resultat', 'resultat', 'text'),
        column('Kommentar', 'kommentar', 'text'),
      ],
      rows: content.plan.map((r) => ({
        cells: [
          ...(grouped ? [r.group ?? ''] : []),
          r.area,
          r.goal,
          r.responsible,
          r.method,
          r.frequency,
          r.reportedTo,
          r.result ? CONTROL_RESULT_LABELS[r.result] : '',
          r.comment ?? '',
        ],
        ...(r.result === 'deviation' ? { marker: 'yellow' as const } : r.result === 'not_done' ? { marker: 'red' as const } : {}),
      })),
      dataset: dataset(ctx, unit),
    });
  }
  for (const risks of content.risks) {
    if (!risks.rows.length) continue;
    out.push({
      type: 'table',
      id: tableId(ctx, unit, slugify(risks.title)),
      caption: `${risks.title}${unit ? `, ${unit}` : ''}`,
      columns: [
        column('Risk', 'risk', 'text'),
        column('Orsak', 'orsak', 'text'),
        column('Påverkan', 'paverkan', 'text'),
        column('Hantering', 'hantering', 'text'),
        column('Status', 'status', 'text'),
      ],
      rows: risks.rows.map((r) => ({ cells: [r.risk, r.cause, r.impact, r.handling, RISK_STATUS_LABELS[r.status]] })),
      dataset: dataset(ctx, unit),
    });
  }
  return out;
}

function genericTableBlocks(config: SectionConfig | null, content: TableContent, ctx: Context, unit: string | null): Block[] {
  const layout = tableConfigOf(config);
  const computed = computeTable(layout, content);
  const grouped = content.rows.some((r) => r.group);
  const columns: TableColumn[] = [
    ...(grouped ? [column('Grupp', 'grupp', 'text')] : []),
    ...layout.columns.map((c) => (c.type === 'number' ? column(c.label, c.key, 'number', c.decimals ?? 0) : column(c.label, c.key, 'text'))),
  ];
  const rows: TableRow[] = computed.rows.map((r) => ({ cells: [...(grouped ? [r.group ?? ''] : []), ...layout.columns.map((c) => r.cells[c.key] ?? null)] }));
  if (computed.total) rows.push({ cells: [...(grouped ? [''] : []), ...layout.columns.map((c) => computed.total?.[c.key] ?? null)], kind: 'total' });
  return [{ type: 'table', id: tableId(ctx, unit), caption: `${ctx.sectionTitle}${unit ? `, ${unit}` : ''}`, columns, rows, dataset: dataset(ctx, unit) }];
}

export function contentBlocks(section: AssemblySection, content: TaskContent, ctx: Context, unit: AssemblyUnit | null, history?: SickLeaveHistory): Block[] {
  const name = unit?.name ?? null;
  switch (content.type) {
    case 'doc':
      return richTextBlocks(content, ctx, name);
    case 'economy':
      return economyTable(
        economyConfigOf(section.config),
        content,
        ctx,
        name,
        `${section.title}${name ? `, ${name}` : `, ${ctx.cycle.committee}`}`,
        'Verksamhet',
      );
    case 'sick_leave':
      return sickLeaveBlocks(section.config, content, ctx, name, history);
    case 'action_plan':
      return actionPlanBlocks(section.config, content, ctx, name);
    case 'internal_control':
      return internalControlBlocks(content, ctx, name);
    case 'goals':
      return goalsBlocks(section.config, content, ctx, name);
    case 'table':
      return genericTableBlocks(section.config, content, ctx, name);
  }
}

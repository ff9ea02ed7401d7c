/**
 * A section's approved content as document blocks, by kind: economy and generic tables, sick
 * leave (with its trend chart), action plans, internal control, goals; rich text in rich-text-blocks.ts.
 * Every figure is computed by libs/domain.
 */
import {
  ACTION_PLAN_FIELD_LABELS,
  ACTION_STATUS_LABELS,
  ActionPlanContent,
  ASSESSMENT_LABELS,
  Assessment,
  columnLabel,
  computeEconomy,
  computeGoals,
  computeTable,
  CONTROL_RESULT_LABELS,
  ComputedRow,
  economyConfigOf,
  EconomyContent,
  EconomyTableConfig,
  goalsColumnLabels,
  GoalsContent,
  InternalControlContent,
  MONEY_DECIMALS,
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
import { paragraph, text } from '../model';
import { type Context, dataset, slugify, tableId } from './context';
import type { AssemblySection, AssemblyUnit } from './input';
import { richTextBlocks } from './rich-text-blocks';

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
  const decimals = MONEY_DECIMALS[config.unit];
  const columns: TableColumn[] = [
    { label: firstColumn, kind: 'text', key: 'verksamhet' },
    ...config.columns.map(
      (c): TableColumn =>
        c === 'percent_of_budget'
          ? { label: columnLabel(config, c), kind: 'percent', decimals: 1, key: c }
          : { label: columnLabel(config, c), kind: 'number', decimals, key: c },
    ),
  ];
  const rows: TableRow[] = [];
  const comments: Array<{ label: string; comment: string }> = [];
  const walk = (list: readonly ComputedRow[]) => {
    for (const row of list) {
      const kind: TableRow['kind'] = row.depth > 0 ? 'sub' : row.subtotal ? 'subtotal' : 'body';
      rows.push({ cells: [row.label, ...config.columns.map((c) => row.values[c] ?? null)], kind });
      if (row.comment) comments.push({ label: row.label, comment: row.comment });
      walk(row.children);
    }
  };
  walk(computed.rows);
  rows.push({ cells: ['Summa', ...config.columns.map((c) => computed.total[c] ?? null)], kind: 'total' });
  const table: TableBlock = {
    type: 'table',
    id: tableId(ctx, unit, 'ekonomi'),
    caption,
    unit: config.unit,
    columns,
    rows,
    footnotes: ['Negativa belopp är nettokostnader.'],
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
        { label: 'Mått', kind: 'text', key: 'matt' },
        { label: ctx.cycle.periodLabel, kind: 'percent', decimals, key: 'varde' },
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
  if (content.comment) out.push(paragraph(content.comment));
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
      { label: 'Enhet', kind: 'text', key: 'enhet' },
      ...measures.map((m): TableColumn => ({ label: m.label, kind: 'percent', decimals, key: m.key })),
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
    { label: L.action, kind: 'text', key: 'atgard' },
    { label: L.area, kind: 'text', key: 'ansvarsomrade' },
    { label: L.years, kind: 'text', key: 'ar' },
    { label: L.status, kind: 'text', key: 'status' },
    { label: L.comment, kind: 'text', key: 'kommentar' },
    ...(effect ? [{ label: L.effect, kind: 'number', decimals: 0, key: 'effekt' } as TableColumn] : []),
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
        ...(grouped ? [{ label: 'Grupp', kind: 'text', key: 'grupp' } as TableColumn] : []),
        { label: 'Kontrollområde', kind: 'text', key: 'kontrollomrade' },
        { label: 'Kontrollmål', kind: 'text', key: 'kontrollmal' },
        { label: 'Ansvarig', kind: 'text', key: 'ansvarig' },
        { label: 'Metod', kind: 'text', key: 'metod' },
        { label: 'Frekvens', kind: 'text', key: 'frekvens' },
        { label: 'Rapporteras till', kind: 'text', key: 'rapporteras_till' },
        { label: 'Resultat', kind: 'text', key: 'resultat' },
        { label: 'Kommentar', kind: 'text', key: 'kommentar' },
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
        { label: 'Risk', kind: 'text', key: 'risk' },
        { label: 'Orsak', kind: 'text', key: 'orsak' },
        { label: 'Påverkan', kind: 'text', key: 'paverkan' },
        { label: 'Hantering', kind: 'text', key: 'hantering' },
        { label: 'Status', kind: 'text', key: 'status' },
      ],
      rows: risks.rows.map((r) => ({ cells: [r.risk, r.cause, r.impact, r.handling, RISK_STATUS_LABELS[r.status]] })),
      dataset: dataset(ctx, unit),
    });
  }
  return out;
}

const MARKER: Readonly<Record<Assessment, NonNullable<TableRow['marker']>>> = { met: 'green', partly: 'yellow', not_met: 'red' };

function goalsBlocks(config: SectionConfig | null, content: GoalsContent, ctx: Context, unit: string | null): Block[] {
  const labels = goalsColumnLabels(config?.goals);
  const decimals = config?.goals?.decimals ?? 1;
  const out: Block[] = [];
  for (const goal of computeGoals(content)) {
    out.push(paragraph([text('Kommunfullmäktiges mål: ', ['bold']), text(goal.title)]));
    for (const cg of goal.committeeGoals) {
      const assessment = cg.assessment ? ASSESSMENT_LABELS[cg.assessment] : 'Ej bedömd';
      out.push(paragraph([text('Nämndmål: ', ['bold']), text(cg.title), text(` – Bedömning: ${assessment}`)]));
      if (cg.comment) out.push(paragraph(cg.comment));
      if (!cg.indicators.length) continue;
      out.push({
        type: 'table',
        id: tableId(ctx, unit, slugify(cg.title).slice(0, 30)),
        caption: `Indikatorer för ${cg.title}`,
        columns: [
          { label: labels.name, kind: 'text', key: 'indikator' },
          { label: labels.unit, kind: 'text', key: 'enhet' },
          { label: labels.previous, kind: 'number', decimals, key: 'utfall_foregaende' },
          { label: labels.value, kind: 'number', decimals, key: 'utfall' },
          { label: labels.target, kind: 'number', decimals, key: 'mal' },
          { label: labels.fulfilment, kind: 'percent', decimals: 0, key: 'maluppfyllelse' },
          { label: labels.assessment, kind: 'text', key: 'bedomning' },
          { label: labels.source, kind: 'text', key: 'kalla' },
        ],
        rows: cg.indicators.map((i) => ({
          cells: [i.name, i.unit === 'percent' ? '%' : 'antal', i.previous, i.value, i.target, i.fulfilment, i.assessment ? ASSESSMENT_LABELS[i.assessment] : '', i.source ?? ''],
          ...(i.assessment ? { marker: MARKER[i.assessment] } : {}),
        })),
        dataset: dataset(ctx, unit),
      });
      for (const i of cg.indicators) if (i.comment) out.push(paragraph([text(`${i.name}: `, ['italic']), text(i.comment)], 'note'));
    }
  }
  return out;
}

function genericTableBlocks(config: SectionConfig | null, content: TableContent, ctx: Context, unit: string | null): Block[] {
  const layout = tableConfigOf(config);
  const computed = computeTable(layout, content);
  const grouped = content.rows.some((r) => r.group);
  const columns: TableColumn[] = [
    ...(grouped ? [{ label: 'Grupp', kind: 'text', key: 'grupp' } as TableColumn] : []),
    ...layout.columns.map((c): TableColumn => (c.type === 'number' ? { label: c.label, kind: 'number', decimals: c.decimals ?? 0, key: c.key } : { label: c.label, kind: 'text', key: c.key })),
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

/**
 * A section's approved content as document blocks, by kind: economy and generic tables, sick
 * leave (with its trend chart), action plans, internal control, goals; rich text in rich-text-blocks.ts.
 * Every figure is computed by libs/domain.
 */
import {
  ACTION_PLAN_FIELD_LABELS,
  ACTION_STATUS_LABELS,
  ActionPlanContent,
  AuditRecommendationRow,
  columnLabel,
  computeEconomy,
  computeTable,
  controlResultLabel,
  ControlRow,
  economyConfigOf,
  EconomyContent,
  EconomyTableConfig,
  InternalControlContent,
  INTERNAL_CONTROL_LAYOUT_LABELS,
  internalControlLayoutOf,
  economySignNote,
  moneyDecimals,
  riskStatusLabel,
  RiskRow,
  SectionConfig,
  sickLeaveMeasures,
  SickLeaveContent,
  SickLeaveHistory,
  sickLeaveSeries,
  SystematicControlRow,
  tableConfigOf,
  tableTotalFlags,
  TableContent,
  TaskContent,
} from '@rapportflode/domain';
import type { Block, TableBlock, TableColumn, TableRow } from '../model';
import { column, paragraph, text } from '../model';
import { type Context, dataset, slugify, tableId } from './context';
import type { AssemblySection, AssemblyUnit } from './input';
import { byGroup, withGroupRows } from './group-rows';
import { richTextBlocks } from './rich-text-blocks';
import { compositeBlocks } from './composite-blocks';
import { commentBlocks, goalsBlocks } from './goals-blocks';
import { economyGroupHeaders, economyRowHeading, economyRows } from './economy-rows';

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
    column(economyRowHeading(config, firstColumn), 'verksamhet', 'text'),
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

/** One printed column of an internal control table: its heading, open-data key, whether it may be left out when empty, and its cell. */
interface ControlColumn<R> {
  label: string;
  key: string;
  optional: boolean;
  cell: (row: R) => string;
}

/** The columns to print: with hideEmptyColumns, optional columns empty in every row are left out. */
function printedColumns<R>(columns: ReadonlyArray<ControlColumn<R>>, rows: readonly R[], hideEmpty: boolean): Array<ControlColumn<R>> {
  return columns.filter((c) => !hideEmpty || !c.optional || rows.some((r) => c.cell(r).trim() !== ''));
}

function controlTable<R>(
  ctx: Context,
  unit: string | null,
  idPart: string,
  caption: string,
  columns: ReadonlyArray<ControlColumn<R>>,
  rows: readonly R[],
  hideEmpty: boolean,
  marker: (row: R) => TableRow['marker'] | undefined = () => undefined,
): TableBlock {
  const shown = printedColumns(columns, rows, hideEmpty);
  return {
    type: 'table',
    id: tableId(ctx, unit, idPart),
    caption: `${caption}${unit ? `, ${unit}` : ''}`,
    columns: shown.map((c) => column(c.label, c.key, 'text')),
    rows: rows.map((r) => {
      const mark = marker(r);
      return { cells: shown.map((c) => c.cell(r)), ...(mark ? { marker: mark } : {}) };
    }),
    dataset: dataset(ctx, unit),
  };
}

const GROUP_COLUMN = { label: 'Grupp', key: 'grupp', optional: false };

function internalControlBlocks(config: SectionConfig | null, content: InternalControlContent, ctx: Context, unit: string | null): Block[] {
  const settings = config?.internalControl;
  const layout = internalControlLayoutOf(settings);
  const hideEmpty = settings?.hideEmptyColumns === true;
  const caption = settings?.caption ?? INTERNAL_CONTROL_LAYOUT_LABELS[layout];
  const out: Block[] = [];
  const grouped = content.plan.some((r) => r.group);
  if (content.plan.length) {
    const columns: Array<ControlColumn<ControlRow>> = [
      ...(grouped ? [{ ...GROUP_COLUMN, cell: (r: ControlRow) => r.group ?? '' }] : []),
      { label: 'Kontrollområde', key: 'kontrollomrade', optional: false, cell: (r) => r.area },
      { label: 'Kontrollmål', key: 'kontrollmal', optional: false, cell: (r) => r.goal },
      { label: 'Ansvarig', key: 'ansvarig', optional: true, cell: (r) => r.responsible },
      { label: 'Metod', key: 'metod', optional: true, cell: (r) => r.method },
      { label: 'Frekvens', key: 'frekvens', optional: true, cell: (r) => r.frequency },
      { label: 'Rapporteras till', key: 'rapporteras_till', optional: true, cell: (r) => r.reportedTo },
      { label: 'Resultat', key: 'resultat', optional: true, cell: (r) => (r.result ? controlResultLabel(settings, r.result) : '') },
      { label: 'Kommentar', key: 'kommentar', optional: true, cell: (r) => r.comment ?? '' },
    ];
    out.push(
      controlTable(ctx, unit, 'kontrollplan', caption, columns, content.plan, hideEmpty, (r) =>
        r.result === 'deviation' ? 'yellow' : r.result === 'not_done' ? 'red' : undefined,
      ),
    );
  }
  if (content.recommendations?.length) {
    const columns: Array<ControlColumn<AuditRecommendationRow>> = [
      { label: 'Revision/Granskning', key: 'granskning', optional: false, cell: (r) => r.review },
      { label: 'Bakgrund', key: 'bakgrund', optional: true, cell: (r) => r.background },
      { label: 'Åtgärd', key: 'atgard', optional: false, cell: (r) => r.action },
      { label: 'Status', key: 'status', optional: true, cell: (r) => r.status },
    ];
    out.push(controlTable(ctx, unit, 'revision', caption, columns, content.recommendations, hideEmpty));
  }
  if (content.controls?.length) {
    const columns: Array<ControlColumn<SystematicControlRow>> = [
      { label: 'Mål/process', key: 'mal_process', optional: false, cell: (r) => r.area },
      { label: 'Kontroll', key: 'kontroll', optional: false, cell: (r) => r.control },
      { label: 'Status och kommentar', key: 'status_kommentar', optional: true, cell: (r) => r.statusComment },
    ];
    out.push(controlTable(ctx, unit, 'kontroller', caption, columns, content.controls, hideEmpty));
  }
  const riskColumns: Array<ControlColumn<RiskRow>> = [
    { label: 'Risk', key: 'risk', optional: false, cell: (r) => r.risk },
    { label: 'Orsak', key: 'orsak', optional: true, cell: (r) => r.cause },
    { label: 'Påverkan', key: 'paverkan', optional: true, cell: (r) => r.impact },
    { label: 'Hantering', key: 'hantering', optional: true, cell: (r) => r.handling },
    { label: 'Status', key: 'status', optional: false, cell: (r) => riskStatusLabel(settings, r.status) },
  ];
  for (const risks of content.risks) {
    if (!risks.rows.length) continue;
    const riskGrouped = risks.rows.some((r) => r.group);
    if (riskGrouped && settings?.riskGroups === 'tables') {
      // One table per group, in the order the groups first appear; rows without a group first.
      const groups = [...new Set(risks.rows.map((r) => r.group ?? ''))].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
      for (const group of groups) {
        const rows = risks.rows.filter((r) => (r.group ?? '') === group);
        const title = group ? `${risks.title}: ${group}` : risks.title;
        out.push(controlTable(ctx, unit, slugify(title), title, riskColumns, rows, hideEmpty));
      }
      continue;
    }
    if (riskGrouped && settings?.riskGroups === 'rows') {
      const ordered = byGroup(risks.rows, (r) => r.group);
      out.push(withGroupRows(controlTable(ctx, unit, slugify(risks.title), risks.title, riskColumns, ordered, hideEmpty), ordered, (r) => r.group));
      continue;
    }
    const columns = riskGrouped ? [{ ...GROUP_COLUMN, cell: (r: RiskRow) => r.group ?? '' }, ...riskColumns] : riskColumns;
    out.push(controlTable(ctx, unit, slugify(risks.title), risks.title, columns, risks.rows, hideEmpty));
  }
  return out;
}

function genericTableBlocks(config: SectionConfig | null, content: TableContent, ctx: Context, unit: string | null): Block[] {
  const layout = tableConfigOf(config);
  const computed = computeTable(layout, content);
  // The template's groups 'rows': a heading row above each group's rows instead of the Grupp column.
  const asRows = layout.groups === 'rows';
  const grouped = !asRows && content.rows.some((r) => r.group);
  const sourceRows = asRows ? byGroup(computed.rows, (r) => r.group) : computed.rows;
  const columns: TableColumn[] = [
    ...(grouped ? [column('Grupp', 'grupp', 'text')] : []),
    ...layout.columns.map((c) => (c.type === 'number' ? column(c.label, c.key, 'number', c.decimals ?? 0) : column(c.label, c.key, 'text'))),
  ];
  const rows: TableRow[] = sourceRows.map((r) => ({ cells: [...(grouped ? [r.group ?? ''] : []), ...layout.columns.map((c) => r.cells[c.key] ?? null)] }));
  if (computed.total) rows.push({ cells: [...(grouped ? [''] : []), ...layout.columns.map((c) => computed.total?.[c.key] ?? null)], kind: 'total' });
  const printed: TableBlock = { type: 'table', id: tableId(ctx, unit), caption: `${ctx.sectionTitle}${unit ? `, ${unit}` : ''}`, columns, rows, dataset: dataset(ctx, unit) };
  const table = asRows ? withGroupRows(printed, sourceRows, (r) => r.group) : printed;
  // A typed total that is not the rows' sum stays visible beside the computed one.
  const flags = tableTotalFlags(layout, content);
  if (!flags.length) return [table];
  return [table, { type: 'notice', tone: 'warning', title: 'Summan stämmer inte', content: flags.map((f) => paragraph(f)) }];
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
      return internalControlBlocks(section.config, content, ctx, name);
    case 'goals':
      return goalsBlocks(section.config, content, ctx, name);
    case 'table':
      return genericTableBlocks(section.config, content, ctx, name);
    case 'blocks':
      return compositeBlocks(section, content, ctx, unit, history, ctx.chartSource);
  }
}

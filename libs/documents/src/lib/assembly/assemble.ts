/**
 * Report assembly: a cycle's approved content, in template order, as one DocumentModel.
 * Pure: the caller reads the cycle, its sections, units and tasks; nothing here touches a database.
 *
 * Every section of the template becomes a numbered heading (the cycle section's own number); a
 * unit-level section has one sub-heading per unit in organisation order; content is converted by
 * kind, every figure computed by libs/domain. A section (or unit) that is not approved is never a
 * silent gap: the draft says so in its place and lists it among the missing.
 */
import {
  ACTION_PLAN_FIELD_LABELS,
  ACTION_STATUS_LABELS,
  ActionPlanContent,
  ASSESSMENT_LABELS,
  Assessment,
  columnLabel,
  committeeEconomyContent,
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
  isEmptyContent,
  MONEY_DECIMALS,
  periodInWords,
  RISK_STATUS_LABELS,
  RichTextDocument,
  SectionConfig,
  SectionKind,
  sickLeaveMeasures,
  SickLeaveContent,
  SickLeaveHistory,
  sickLeaveSeries,
  tableConfigOf,
  TableContent,
  TASK_STATE_LABELS,
  TaskContent,
  TaskState,
} from '@rapportflode/domain';
import type * as Rich from '@rapportflode/domain';
import type {
  Block,
  DocumentModel,
  DocumentStatus,
  HeadingBlock,
  Inline,
  ListBlock,
  ListItem,
  MissingItem,
  TableBlock,
  TableColumn,
  TableRow,
} from '../model';
import { paragraph, tablesOf, text } from '../model';

/** The notice printed in place of content that is not approved yet. */
export const NOT_APPROVED_NOTICE = 'Avsnittet är inte godkänt än (Utkast)';

export interface AssemblyCycle {
  /** 'Socialnämnden' */
  committee: string;
  /** 'Nacka kommun' */
  municipality: string;
  /** 'Tertialbokslut 2 2021' */
  title: string;
  year: number;
  /** ISO date, the last day of the period. */
  periodEnd: string;
  /** 'T2 2021': the open-data period of every table. */
  periodLabel: string;
  diaryNumber: string | null;
  /** Dated facts for the header block (Sammanträde …), in order. Never today's date: a version's figures must not change by the day. */
  dates: ReadonlyArray<{ label: string; date: string }>;
}

export interface AssemblySection {
  id: string;
  /** '2.3' */
  number: string;
  depth: number;
  title: string;
  kind: SectionKind;
  config: SectionConfig | null;
}

export interface AssemblyUnit {
  id: string;
  name: string;
}

export interface AssemblyTask {
  sectionId: string;
  /** null: the nämnd-level task. */
  unitId: string | null;
  state: TaskState;
  /** The approved content (the task's locked content while approved); ignored unless state is 'approved'. */
  content: TaskContent | null;
}

export interface AssemblyInput {
  cycle: AssemblyCycle;
  /** In template order. */
  sections: readonly AssemblySection[];
  /** In organisation order. */
  units: readonly AssemblyUnit[];
  tasks: readonly AssemblyTask[];
  /** Earlier periods' sick leave per unit id (optional): drawn as a trend chart. */
  sickLeaveHistory?: Readonly<Record<string, SickLeaveHistory>>;
  /** When given, the model is a frozen version; otherwise a draft with the missing list. */
  final?: { version: number; frozenAt: string; checksum: string };
}

export interface AssemblyResult {
  model: DocumentModel;
  missing: MissingItem[];
  /** Things a secretary should look at before freezing (empty approved sections, partial nämnd tables). */
  warnings: string[];
}

/** 'januari–augusti 2021' from the period's last day (the words live in libs/domain/src/lib/format.ts). */
export { periodInWords };

/** An ASCII slug for ids: 'Barn och familjeenheten' → 'barn-och-familjeenheten'. */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60) || 'x';
}

class Ids {
  private readonly used = new Set<string>();
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

type Level = HeadingBlock['level'];
const level = (n: number): Level => Math.max(1, Math.min(4, n)) as Level;

interface Context {
  ids: Ids;
  cycle: AssemblyCycle;
  /** '3 Ekonomiskt resultat' */
  sectionName: string;
  sectionTitle: string;
  /** The level a heading inside the content gets (one below the section's or the unit's heading). */
  base: number;
  headingId: string;
}

// ---------------------------------------------------------------------------------------------
// Rich text

function inlinesOf(runs: readonly Rich.TextRun[]): Inline[] {
  return runs.map((run) => {
    const marks = (run.marks ?? []).flatMap((m) => (m.type === 'bold' || m.type === 'italic' ? [m.type] : []));
    const link = (run.marks ?? []).find((m): m is { type: 'link'; href: string } => m.type === 'link');
    const inline: Inline = marks.length ? { text: run.text, marks } : { text: run.text };
    return link && /^(https?:|mailto:)/i.test(link.href) ? { ...inline, href: link.href } : inline;
  });
}

const plain = (runs: readonly Rich.TextRun[]) => runs.map((r) => r.text).join('');

function listOf(block: Rich.ListBlock, ctx: Context): ListBlock {
  const items: ListItem[] = block.items.map((item) => {
    const content: Inline[] = [];
    let children: ListBlock | undefined;
    for (const part of item) {
      if (part.type === 'paragraph' || part.type === 'heading') {
        if (content.length) content.push(text(' '));
        content.push(...inlinesOf(part.content));
      } else if (part.type === 'bullet_list' || part.type === 'ordered_list') {
        const nested = listOf(part, ctx);
        children = children ? { ...children, items: [...children.items, ...nested.items] } : nested;
      } else if (part.type === 'table') {
        if (content.length) content.push(text(' '));
        content.push(text(part.rows.map((r) => r.cells.map(plain).join(' | ')).join('; ')));
      }
    }
    return children ? { content, children } : { content };
  });
  return { type: 'list', ordered: block.type === 'ordered_list', items };
}

function richTextBlocks(doc: RichTextDocument, ctx: Context, unit: string | null): Block[] {
  const out: Block[] = [];
  let headingCount = 0;
  let tableCount = 0;
  for (const block of doc.content) {
    switch (block.type) {
      case 'heading':
        headingCount += 1;
        out.push({
          type: 'heading',
          level: level(ctx.base + block.level - 2),
          text: plain(block.content),
          id: ctx.ids.take(`${ctx.headingId}-rubrik-${headingCount}`),
        });
        break;
      case 'paragraph':
        out.push(paragraph(inlinesOf(block.content)));
        break;
      case 'bullet_list':
      case 'ordered_list':
        out.push(listOf(block, ctx));
        break;
      case 'table': {
        tableCount += 1;
        const width = Math.max(0, ...block.rows.map((r) => r.cells.length));
        const header = block.rows[0]?.header ? block.rows[0] : null;
        const columns: TableColumn[] = Array.from({ length: width }, (_, i) => ({
          label: header ? plain(header.cells[i] ?? []) : `Kolumn ${i + 1}`,
          kind: 'text',
          key: `kolumn_${i + 1}`,
        }));
        const rows: TableRow[] = block.rows
          .filter((r) => r !== header)
          .map((r) => ({ cells: Array.from({ length: width }, (_, i) => plain(r.cells[i] ?? [])) }));
        out.push({
          type: 'table',
          id: ctx.ids.take(`tabell-${slugify(ctx.sectionTitle)}${unit ? `-${slugify(unit)}` : ''}-${tableCount}`),
          caption: unit ? `${ctx.sectionTitle}, ${unit}` : ctx.sectionTitle,
          columns,
          rows,
          dataset: dataset(ctx, unit),
        });
        break;
      }
    }
  }
  return out;
}

function dataset(ctx: Context, unit: string | null): NonNullable<TableBlock['dataset']> {
  return { unit, period: ctx.cycle.periodLabel, section: ctx.sectionName };
}

function tableId(ctx: Context, unit: string | null, suffix?: string): string {
  return ctx.ids.take(['tabell', slugify(ctx.sectionTitle), unit ? slugify(unit) : null, suffix ?? null].filter(Boolean).join('-'));
}

// ---------------------------------------------------------------------------------------------
// Economy

function economyTable(
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

function sickLeaveSummary(config: SectionConfig | null, units: ReadonlyArray<{ name: string; content: SickLeaveContent }>, ctx: Context): TableBlock {
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

function contentBlocks(section: AssemblySection, content: TaskContent, ctx: Context, unit: AssemblyUnit | null, history?: SickLeaveHistory): Block[] {
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

// ---------------------------------------------------------------------------------------------

/** The report as a DocumentModel: a draft (with what is missing) or, given `final`, a frozen version. */
export function assembleReport(input: AssemblyInput): AssemblyResult {
  const { cycle } = input;
  const ids = new Ids();
  const missing: MissingItem[] = [];
  const warnings: string[] = [];
  const body: Block[] = [];
  const unitOrder = new Map(input.units.map((u, i) => [u.id, i]));
  const unitById = new Map(input.units.map((u) => [u.id, u]));

  const notice = (): Block => ({ type: 'notice', tone: 'warning', title: NOT_APPROVED_NOTICE, content: [] });

  for (const section of input.sections) {
    const sectionName = `${section.number} ${section.title}`;
    const sectionLevel = level(section.depth);
    const headingId = ids.take(`avsnitt-${section.number.replace(/\./g, '-')}`);
    body.push({ type: 'heading', level: sectionLevel, number: section.number, text: section.title, id: headingId });
    const tasks = input.tasks
      .filter((t) => t.sectionId === section.id)
      .sort((a, b) => (a.unitId === null ? -1 : (unitOrder.get(a.unitId) ?? 1e9)) - (b.unitId === null ? -1 : (unitOrder.get(b.unitId) ?? 1e9)));
    const approvedContent = (t: AssemblyTask): TaskContent | null => (t.state === 'approved' && t.content ? t.content : null);
    const ctxFor = (base: number, id: string): Context => ({ ids, cycle, sectionName, sectionTitle: section.title, base, headingId: id });

    for (const task of tasks) {
      if (!approvedContent(task)) {
        missing.push({ section: sectionName, unit: task.unitId ? (unitById.get(task.unitId)?.name ?? '') : null, state: TASK_STATE_LABELS[task.state] });
      }
    }

    const unitTasks = tasks.filter((t) => t.unitId !== null);
    const committeeTask = tasks.find((t) => t.unitId === null);

    if (committeeTask) {
      const content = approvedContent(committeeTask);
      if (content) {
        if (isEmptyContent(content)) warnings.push(`${sectionName} är godkänt men tomt.`);
        body.push(...contentBlocks(section, content, ctxFor(sectionLevel + 1, headingId), null));
      } else body.push(notice());
    }

    if (unitTasks.length) {
      // Nämnd-level tables computed from the units' approved content, ahead of the units' own parts.
      const approvedUnits = unitTasks.flatMap((t) => {
        const content = approvedContent(t);
        const unit = t.unitId ? unitById.get(t.unitId) : undefined;
        return content && unit ? [{ unit, content }] : [];
      });
      const partial = approvedUnits.length < unitTasks.length;
      const ctx = ctxFor(sectionLevel + 1, headingId);
      if (section.kind === 'economy' && approvedUnits.length > 0 && unitTasks.length > 1) {
        const config = economyConfigOf(section.config);
        const economies = approvedUnits.filter((u): u is { unit: AssemblyUnit; content: EconomyContent } => u.content.type === 'economy');
        const combined = committeeEconomyContent(
          config,
          economies.map((u) => ({ unitId: u.unit.id, name: u.unit.name, config, content: u.content })),
        );
        body.push(...economyTable(config, combined, ctx, null, `${section.title} per enhet, ${cycle.committee}`, 'Enhet / verksamhet').slice(0, 1));
        if (partial) {
          body.push(paragraph('Nämndens tabell omfattar bara de enheter vars avsnitt är godkända.', 'note'));
          warnings.push(`${sectionName}: nämndens ekonomitabell omfattar bara godkända enheter.`);
        }
      }
      if (section.kind === 'sick_leave' && approvedUnits.length > 1) {
        const sick = approvedUnits.filter((u): u is { unit: AssemblyUnit; content: SickLeaveContent } => u.content.type === 'sick_leave');
        body.push(sickLeaveSummary(section.config, sick.map((u) => ({ name: u.unit.name, content: u.content })), ctx));
      }
      for (const task of unitTasks) {
        const unit = task.unitId ? unitById.get(task.unitId) : undefined;
        if (!unit) continue;
        const unitLevel = level(sectionLevel + 1);
        const unitHeadingId = ids.take(`${headingId}-${slugify(unit.name)}`);
        body.push({ type: 'heading', level: unitLevel, text: unit.name, id: unitHeadingId });
        const content = approvedContent(task);
        if (!content) {
          body.push(notice());
          continue;
        }
        if (isEmptyContent(content)) warnings.push(`${sectionName} (${unit.name}) är godkänt men tomt.`);
        body.push(...contentBlocks(section, content, ctxFor(unitLevel + 1, unitHeadingId), unit, input.sickLeaveHistory?.[unit.id]));
      }
    }
  }

  const status: DocumentStatus = input.final ? { kind: 'final', ...input.final } : { kind: 'draft', missing };
  const dates = cycle.dates.map((d) => ({ label: d.label, date: d.date }));
  const model: DocumentModel = {
    meta: {
      kind: 'report',
      committee: cycle.committee,
      municipality: cycle.municipality,
      title: cycle.title,
      subtitle: cycle.committee,
      period: periodInWords(cycle.periodEnd),
      diaryNumber: cycle.diaryNumber,
      dates,
      language: 'sv-SE',
      runningHeader: `${cycle.committee}, ${cycle.title}`,
      status,
    },
    titlePage: true,
    tocDepth: 2,
    body,
    appendices: [],
  };
  return { model, missing, warnings };
}

/** The tables of a model for download links: id and caption with its number. */
export function tableList(model: DocumentModel): Array<{ id: string; caption: string }> {
  return tablesOf(model).map(({ number, table }) => ({ id: table.id, caption: `Tabell ${number}. ${table.caption}` }));
}

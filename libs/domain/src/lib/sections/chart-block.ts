/**
 * Charts drawn from a table of the report (a block of a sections-of-blocks section, or another
 * economy or table section of the same template): the template chooses the source, the chart type,
 * whether the categories are the table's rows or its columns, and which series are drawn. The
 * values are always derived from the source's accepted figures (`computeEconomy`, `computeTable`),
 * never typed. The chart sits beside its data table when printed (libs/documents).
 */
import { acceptedEconomy, columnLabel, computeEconomy, type EconomyColumn, type EconomyContent, type EconomyTableConfig, moneyDecimals } from './economy';
import { computeTable, type TableConfig, type TableContent } from './generic-table';
import { isRecord, SECTION_ROW_KEY } from './section-check';

export const CHART_TYPES = ['bar', 'line'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const CHART_TYPE_LABELS: Readonly<Record<ChartType, string>> = { bar: 'Stapeldiagram', line: 'Linjediagram' };

export const CHART_CATEGORIES = ['rows', 'columns'] as const;
export type ChartCategories = (typeof CHART_CATEGORIES)[number];

export const CHART_CATEGORY_LABELS: Readonly<Record<ChartCategories, string>> = {
  rows: 'Tabellens rader längs axeln, en serie per kolumn',
  columns: 'Tabellens kolumner längs axeln, en serie per rad',
};

/** The key of the total row when series are rows (`categories: 'columns'`). */
export const CHART_TOTAL_ROW = 'total';

/** The longest series list a chart takes. */
export const CHART_MAX_SERIES = 12;

/** What a template says about a chart. */
export interface ChartConfig {
  /** The key of the block (in the same section) or of the section (in the same template) it draws. */
  source: string;
  /** Default: bar. */
  type?: ChartType;
  /** Default: rows (each row of the table a category, each chosen column a series). */
  categories?: ChartCategories;
  /** Column keys (categories `rows`) or row keys (categories `columns`); empty: every number column or every row. */
  series?: readonly string[];
  title: string;
}

/** The table a chart draws from: an economy table or a table with its layout and content. */
export type ChartSource =
  | { kind: 'economy'; config: EconomyTableConfig; content: EconomyContent }
  | { kind: 'table'; config: TableConfig; content: TableContent };

/** A chart's figures: what libs/documents draws, and the editor's live preview. */
export interface ChartFigures {
  type: ChartType;
  title: string;
  unit?: string;
  decimals: number;
  categories: string[];
  series: Array<{ key: string; name: string; values: Array<number | null> }>;
  /** The alternative text: what the chart shows, in one sentence. */
  description: string;
}

/** The number columns of a source, with their headings. */
export function chartColumns(source: { kind: 'economy'; config: EconomyTableConfig } | { kind: 'table'; config: TableConfig }): Array<{ key: string; label: string }> {
  if (source.kind === 'economy') {
    return source.config.columns.filter((c) => c !== 'percent_of_budget').map((c) => ({ key: c, label: columnLabel(source.config, c) }));
  }
  return source.config.columns.filter((c) => c.type === 'number').map((c) => ({ key: c.key, label: c.label }));
}

/** Checks a chart's settings and returns them in clean form; `columns` are the source's number columns when known. */
export function checkChartConfig(
  input: unknown,
  columns: ReadonlyArray<{ key: string; label: string }> | null,
): { ok: true; chart: ChartConfig } | { ok: false; errors: string[] } {
  if (!isRecord(input)) return { ok: false, errors: ['Diagrammets inställningar saknas.'] };
  const errors: string[] = [];
  const source = input['source'];
  if (typeof source !== 'string' || !source.trim()) errors.push('Välj vilken tabell diagrammet visar.');
  const title = typeof input['title'] === 'string' ? input['title'].trim() : '';
  if (!title || title.length > 120) errors.push('Diagrammets rubrik ska vara 1–120 tecken.');
  const type = input['type'] ?? 'bar';
  if (!(CHART_TYPES as readonly unknown[]).includes(type)) errors.push('Välj stapeldiagram eller linjediagram.');
  const categories = input['categories'] ?? 'rows';
  if (!(CHART_CATEGORIES as readonly unknown[]).includes(categories)) errors.push('Välj om diagrammets axel visar tabellens rader eller kolumner.');
  const rawSeries = input['series'] ?? [];
  const series: string[] = [];
  if (!Array.isArray(rawSeries) || rawSeries.length > CHART_MAX_SERIES) errors.push(`Diagrammet kan visa högst ${CHART_MAX_SERIES} serier.`);
  else {
    for (const key of rawSeries) {
      if (typeof key !== 'string' || !SECTION_ROW_KEY.test(key)) errors.push('En serie i diagrammet har en ogiltig nyckel.');
      else if (series.includes(key)) errors.push(`Serien "${key}" förekommer två gånger i diagrammet.`);
      else if (categories === 'rows' && columns && !columns.some((c) => c.key === key)) errors.push(`Kolumnen "${key}" finns inte bland tabellens talkolumner.`);
      else series.push(key);
    }
  }
  if (columns && columns.length === 0) errors.push('Tabellen som diagrammet visar har inga talkolumner.');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    chart: {
      source: (source as string).trim(),
      title,
      ...(type !== 'bar' ? { type: type as ChartType } : {}),
      ...(categories !== 'rows' ? { categories: categories as ChartCategories } : {}),
      ...(series.length ? { series } : {}),
    },
  };
}

interface Grid {
  rows: Array<{ key: string; label: string; values: Record<string, number | null> }>;
  total: Record<string, number | null> | null;
  totalLabel: string;
}

function gridOf(source: ChartSource): Grid {
  if (source.kind === 'economy') {
    const computed = computeEconomy(source.config, acceptedEconomy(source.config, source.content));
    const pick = (v: Partial<Record<EconomyColumn, number | null>>) =>
      Object.fromEntries(source.config.columns.map((c) => [c, typeof v[c] === 'number' ? (v[c] as number) : null]));
    return {
      rows: computed.rows.map((r) => ({ key: r.key, label: r.label || '(utan namn)', values: pick(r.values) })),
      total: pick(computed.total),
      totalLabel: 'Summa',
    };
  }
  const computed = computeTable(source.config, source.content);
  const labelColumn = source.config.columns.find((c) => c.type === 'text');
  const numbers = (cells: Record<string, unknown>) =>
    Object.fromEntries(source.config.columns.filter((c) => c.type === 'number').map((c) => [c.key, typeof cells[c.key] === 'number' ? (cells[c.key] as number) : null]));
  return {
    rows: computed.rows.map((r, i) => {
      const label = labelColumn ? r.cells[labelColumn.key] : null;
      return { key: r.key, label: typeof label === 'string' && label.trim() ? label.trim() : `Rad ${i + 1}`, values: numbers(r.cells) };
    }),
    total: computed.total ? numbers(computed.total) : null,
    totalLabel: source.config.totalLabel ?? 'Totalt',
  };
}

const lower = (text: string) => text.toLocaleLowerCase('sv-SE');

/** The chart's figures from its source's accepted figures: categories, series and the sentence that describes them. */
export function chartFigures(chart: ChartConfig, source: ChartSource): ChartFigures {
  const type = chart.type ?? 'bar';
  const columns = chartColumns(source);
  const grid = gridOf(source);
  const decimals =
    source.kind === 'economy' ? moneyDecimals(source.config) : Math.max(0, ...source.config.columns.filter((c) => c.type === 'number').map((c) => c.decimals ?? 0));
  const unit = source.kind === 'economy' ? source.config.unit : undefined;
  let categories: string[];
  let series: ChartFigures['series'];
  if ((chart.categories ?? 'rows') === 'rows') {
    const chosen = chart.series?.length ? columns.filter((c) => chart.series?.includes(c.key)) : columns;
    categories = grid.rows.map((r) => r.label);
    series = chosen.map((c) => ({ key: c.key, name: c.label, values: grid.rows.map((r) => r.values[c.key] ?? null) }));
  } else {
    const rows = [...grid.rows, ...(grid.total ? [{ key: CHART_TOTAL_ROW, label: grid.totalLabel, values: grid.total }] : [])];
    const chosen = chart.series?.length ? rows.filter((r) => chart.series?.includes(r.key)) : grid.rows;
    categories = columns.map((c) => c.label);
    series = chosen.map((r) => ({ key: r.key, name: r.label, values: columns.map((c) => r.values[c.key] ?? null) }));
  }
  const what = type === 'line' ? 'Linjediagram' : 'Stapeldiagram';
  const seriesText = series.length ? series.map((s) => lower(s.name)).join(', ') : 'inga serier';
  const categoryText = categories.length ? categories.join(', ') : 'inga rader ännu';
  const description = `${what} över ${seriesText}${unit ? ` i ${unit}` : ''} för ${categoryText}.`;
  return { type, title: chart.title, ...(unit ? { unit } : {}), decimals, categories, series, description };
}


import { formatNumber, formatPercent } from '@rapportflode/domain';
import type {
  Block,
  CellValue,
  ChartBlock,
  Inline,
  ListBlock,
  TableBlock,
  TableColumn,
  TableRow,
} from '../model';
import { escapeHtml as esc, safeHref, sanitizeId } from './escape';

export type HtmlTarget = 'preview' | 'standalone' | 'print';

/** What the block renderer needs from the document as a whole. */
export interface BlockContext {
  target: HtmlTarget;
  /** HTML id by model heading id. */
  anchors: ReadonlyMap<string, string>;
  /** Table number by table (in reading order, as tablesOf gives them); empty when captions are unnumbered. */
  tableNumbers: ReadonlyMap<TableBlock, number>;
  /** Ids already used for tables and charts, to keep them unique. */
  usedIds: Set<string>;
}

export function renderInlines(content: readonly Inline[]): string {
  let out = '';
  for (const run of content) {
    let html = esc(run.text);
    if (run.marks?.includes('italic')) html = `<em>${html}</em>`;
    if (run.marks?.includes('bold')) html = `<strong>${html}</strong>`;
    const href = safeHref(run.href);
    if (href) html = `<a href="${esc(href)}">${html}</a>`;
    if (run.footnote !== undefined) html += `<sup class="footnote-ref">${esc(String(run.footnote.number))}</sup>`;
    out += html;
  }
  return out;
}

function uniqueId(ctx: BlockContext, id: string): string {
  const base = sanitizeId(id);
  let candidate = base;
  for (let n = 2; ctx.usedIds.has(candidate); n++) candidate = `${base}-${n}`;
  ctx.usedIds.add(candidate);
  return candidate;
}

export function renderBlocks(blocks: readonly Block[], ctx: BlockContext): string {
  let out = '';
  for (const block of blocks) out += renderBlock(block, ctx);
  return out;
}

/**
 * Before each chapter and appendix: the page break of print, on an empty element of its own, so
 * the heading keeps a top margin at the top of its page. A heading that starts a page with no
 * margin gets each of its words twice in Chromium's PDF bookmark ("11 Sammanfattning
 * Sammanfattning"); the report-pdf integration test reads the bookmarks back.
 */
export const CHAPTER_BREAK = '<div class="chapter-break" aria-hidden="true"></div>';

function renderBlock(block: Block, ctx: BlockContext): string {
  switch (block.type) {
    case 'heading': {
      const id = ctx.anchors.get(block.id) ?? sanitizeId(block.id);
      const number = block.number ? `<span class="hn">${esc(block.number)}</span> ` : '';
      const chapter = block.level === 1 ? CHAPTER_BREAK : '';
      return `${chapter}<h${block.level} id="${esc(id)}">${number}${esc(block.text)}</h${block.level}>\n`;
    }
    case 'paragraph': {
      const cls = block.style ? ` class="${block.style}"` : '';
      return `<p${cls}>${renderInlines(block.content)}</p>\n`;
    }
    case 'list':
      return renderList(block) + '\n';
    case 'table':
      return renderTable(block, ctx);
    case 'chart':
      return renderChart(block, ctx);
    case 'notice': {
      const id = uniqueId(ctx, `notis-${ctx.usedIds.size + 1}`);
      return (
        `<aside class="notice notice-${block.tone}" aria-labelledby="${id}">` +
        `<p class="notice-title" id="${id}"><strong>${esc(block.title)}</strong></p>` +
        `${renderBlocks(block.content, ctx)}</aside>\n`
      );
    }
    case 'facts':
      return (
        '<dl class="facts">' +
        block.rows.map((row) => `<div><dt>${esc(row.label)}</dt><dd>${esc(row.value)}</dd></div>`).join('') +
        '</dl>\n'
      );
    case 'signatures':
      return (
        '<div class="signatures">' +
        block.people
          .map((p) => `<p class="signature"><span class="name">${esc(p.name)}</span><br><span class="role">${esc(p.title)}</span></p>`)
          .join('') +
        '</div>\n'
      );
    case 'page_break':
      return '<div class="page-break" aria-hidden="true"></div>\n';
  }
}

function renderList(list: ListBlock): string {
  const tag = list.ordered ? 'ol' : 'ul';
  let out = `<${tag}>`;
  for (const item of list.items) {
    out += `<li>${renderInlines(item.content)}${item.children ? renderList(item.children) : ''}</li>`;
  }
  return `${out}</${tag}>`;
}

/** A cell's text: Swedish numbers (true minus, no-break thousands, decimal comma), `–` for none. */
export function formatCell(value: CellValue, column: TableColumn | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  const decimals = column?.decimals ?? 0;
  if (column?.kind === 'percent') return formatPercent(value, decimals);
  return formatNumber(value, decimals);
}

const MARKER_TEXT: Record<NonNullable<TableRow['marker']>, string> = {
  green: 'grön: uppnås',
  yellow: 'gul: uppnås delvis',
  red: 'röd: uppnås inte',
};

/** 'Tabell 3. Ekonomiskt utfall (tkr)'; without a number (the template's captions off): 'Ekonomiskt utfall (tkr)'. */
export function tableCaption(table: TableBlock, number: number | null): string {
  const unit = table.unit?.trim();
  const shownUnit = unit ? ` (${unit.replace(/^\((.*)\)$/, '$1')})` : '';
  return `${number === null ? '' : `Tabell ${number}. `}${table.caption}${shownUnit}`;
}

function renderTable(table: TableBlock, ctx: BlockContext): string {
  const id = uniqueId(ctx, table.id);
  const number = ctx.tableNumbers.get(table) ?? null;
  const columns = table.columns;
  const isNumeric = (i: number) => columns[i]?.kind === 'number' || columns[i]?.kind === 'percent';
  const wide = columns.length > 7 ? ' wide' : '';
  let out = `<div class="table-block${wide}"><table id="${esc(id)}">`;
  out += `<caption>${esc(tableCaption(table, number))}</caption><thead>`;
  for (const groupRow of table.groupHeaders ?? []) {
    out += '<tr class="group">';
    for (const cell of groupRow) {
      const span = Math.max(1, Math.floor(cell.span) || 1);
      const colspan = span > 1 ? ` colspan="${span}"` : '';
      out += cell.label ? `<th scope="colgroup"${colspan}>${esc(cell.label)}</th>` : `<td${colspan}></td>`;
    }
    out += '</tr>';
  }
  out += '<tr>';
  columns.forEach((column, i) => {
    out += `<th scope="col"${isNumeric(i) ? ' class="num"' : ''}>${esc(column.label)}</th>`;
  });
  out += '</tr></thead><tbody>';
  // Whether the open tbody is a group's (a group row starts one; a total after a group its own).
  let inGroup = false;
  table.rows.forEach((row, index) => {
    if (row.kind === 'group') {
      // A heading row over the rows under it, heading its own tbody: its first cell across the whole table.
      const span = Math.max(1, columns.length);
      if (index > 0) out += '</tbody><tbody>';
      out += `<tr class="group-row"><th scope="rowgroup" colspan="${span}">${esc(formatCell(row.cells[0] ?? null, columns[0]))}</th></tr>`;
      inGroup = true;
      return;
    }
    if (inGroup && row.kind === 'total') {
      out += '</tbody><tbody>';
      inGroup = false;
    }
    const kind = row.kind && row.kind !== 'body' ? row.kind : '';
    out += kind ? `<tr class="${kind}">` : '<tr>';
    const count = Math.max(columns.length, row.cells.length);
    for (let i = 0; i < count; i++) {
      const value = row.cells[i] ?? null;
      const textValue = esc(formatCell(value, columns[i]));
      if (i === 0) {
        const marker = row.marker
          ? `<span class="marker marker-${row.marker}" aria-hidden="true"></span><span class="vh"> (${MARKER_TEXT[row.marker]})</span>`
          : '';
        out += `<th scope="row">${row.marker ? `<span class="marker-wrap">${marker}</span>` : ''}${textValue}</th>`;
      } else {
        out += `<td${isNumeric(i) && typeof value !== 'string' ? ' class="num"' : ''}>${textValue}</td>`;
      }
    }
    out += '</tr>';
  });
  out += '</tbody></table>';
  if (table.footnotes?.length) {
    out += '<div class="table-notes">' + table.footnotes.map((note) => `<p>${esc(note)}</p>`).join('') + '</div>';
  }
  return `${out}</div>\n`;
}

const SERIES_COLOURS = ['#1f5f8b', '#e08a1e', '#5b8c3a', '#8b3a62', '#6b6b6b'];

/** A line chart's series: a line through each run of values (a missing value breaks it) and a point at each value. */
function chartLines(chart: ChartBlock, x: (ci: number) => number, y: (v: number) => number): string {
  let svg = '';
  chart.series.forEach((series, si) => {
    const colour = SERIES_COLOURS[si % SERIES_COLOURS.length];
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) svg += `<polyline class="line" points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`;
      run = [];
    };
    chart.categories.forEach((_, ci) => {
      const v = series.values[ci];
      if (typeof v !== 'number' || !Number.isFinite(v)) return flush();
      const point = `${x(ci).toFixed(1)},${y(v).toFixed(1)}`;
      run.push(point);
      svg += `<circle cx="${x(ci).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${colour}"/>`;
    });
    flush();
  });
  return svg;
}

function renderChart(chart: ChartBlock, ctx: BlockContext): string {
  const id = uniqueId(ctx, chart.id);
  const decimals = chart.decimals ?? 0;
  const fmt = (v: number) => formatNumber(v, decimals);
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const range = max - min || 1;
  const width = 640;
  const height = 280;
  const left = 56;
  const right = 12;
  const top = 12;
  const legendHeight = 22 * Math.ceil(chart.series.length / 3);
  const bottom = 28 + legendHeight;
  const plotH = height - top - bottom;
  const plotW = width - left - right;
  const y = (v: number) => top + ((max - v) / range) * plotH;
  const groupW = plotW / Math.max(1, chart.categories.length);
  const barW = Math.max(2, (groupW * 0.7) / Math.max(1, chart.series.length));
  let svg = '';
  for (let t = 0; t <= 4; t++) {
    const v = min + (range * t) / 4;
    const yy = y(v).toFixed(1);
    svg += `<line x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}" class="grid"/>`;
    svg += `<text x="${left - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle">${esc(fmt(v))}</text>`;
  }
  chart.categories.forEach((category, ci) => {
    const gx = left + ci * groupW + groupW * 0.15;
    if (chart.chartType !== 'line') {
      chart.series.forEach((series, si) => {
        const v = series.values[ci];
        if (typeof v !== 'number' || !Number.isFinite(v)) return;
        const y0 = y(Math.max(0, v));
        const h = Math.abs(y(v) - y(0));
        svg += `<rect x="${(gx + si * barW).toFixed(1)}" y="${y0.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${SERIES_COLOURS[si % SERIES_COLOURS.length]}"/>`;
      });
    }
    svg += `<text x="${(left + ci * groupW + groupW / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${esc(category)}</text>`;
  });
  if (chart.chartType === 'line') svg += chartLines(chart, (ci) => left + ci * groupW + groupW / 2, y);
  svg += `<line x1="${left}" x2="${width - right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" class="axis"/>`;
  chart.series.forEach((series, si) => {
    const lx = left + (si % 3) * 190;
    const ly = height - legendHeight + 4 + Math.floor(si / 3) * 22;
    svg += `<rect x="${lx}" y="${ly}" width="12" height="12" fill="${SERIES_COLOURS[si % SERIES_COLOURS.length]}"/>`;
    svg += `<text x="${lx + 18}" y="${ly + 6}" dominant-baseline="middle">${esc(series.name)}</text>`;
  });
  const unit = chart.unit ? ` (${esc(chart.unit)})` : '';
  const table =
    `<table class="chart-data"><caption>${esc(chart.title)}${unit}</caption><thead><tr><th scope="col"></th>` +
    chart.series.map((s) => `<th scope="col" class="num">${esc(s.name)}</th>`).join('') +
    '</tr></thead><tbody>' +
    chart.categories
      .map(
        (category, ci) =>
          `<tr><th scope="row">${esc(category)}</th>` +
          chart.series.map((s) => `<td class="num">${esc(formatCell(s.values[ci] ?? null, { label: '', kind: 'number', decimals }))}</td>`).join('') +
          '</tr>',
      )
      .join('') +
    '</tbody></table>';
  const data =
    ctx.target === 'print'
      ? chart.printData
        ? table
        : ''
      : `<details class="chart-details"><summary>Visa diagrammets data som tabell</summary>${table}</details>`;
  return (
    `<figure class="chart" id="${esc(id)}">` +
    `<figcaption>${esc(chart.title)}${unit}</figcaption>` +
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(chart.title)}</title><desc id="${id}-d">${esc(chart.description)}</desc>${svg}</svg>` +
    `<p class="chart-description">${esc(chart.description)}</p>${data}</figure>\n`
  );
}

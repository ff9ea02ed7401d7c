// The model's tables (and charts, as their data tables) and the facts block as docx tables.
import {
  AlignmentType,
  BorderStyle,
  type IShadingAttributesProperties,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ChartBlock, ColumnKind, FactsBlock, TableBlock, TableColumn, TableRow as ModelRow } from '../lib/model';
import { formatCell, tableCaption } from '../lib/html';
import { CONTENT_WIDTH, MUTED } from './styles';
import { type DocxContext, type FileChild, para, textRuns } from './paragraphs';

function isNumeric(kind: ColumnKind): boolean {
  return kind === 'number' || kind === 'percent';
}

// The same words as the HTML's markers.
const MARKERS = {
  green: { color: '2E7D32', label: 'grön: uppnås' },
  yellow: { color: 'C99700', label: 'gul: uppnås delvis' },
  red: { color: 'C62828', label: 'röd: uppnås inte' },
} as const;

const GRID_BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' } as const;
const HEADER_FILL: IShadingAttributesProperties = { type: ShadingType.CLEAR, color: 'auto', fill: 'E8ECF2' };
const CELL_MARGINS = { top: 30, bottom: 30, left: 70, right: 70 };
/** Wide tables (7 pt text) keep a narrower gap beside the figures, so ten number columns fit the page. */
const NARROW_CELL_MARGINS = { top: 30, bottom: 30, left: 35, right: 35 };
const cellMargins = (size: number) => (size <= 14 ? NARROW_CELL_MARGINS : CELL_MARGINS);

/**
 * Grid widths (twips) summing to the text width: each number column as wide as its longest
 * figure needs at the table's font size (so Word and LibreOffice never break `−2 077 035` over
 * two lines), the rest shared by the text columns, the first one favoured.
 */
function columnWidths(table: GridTable): number[] {
  const kinds = table.columns.map((c) => c.kind);
  // An average digit or letter at `size` half-points is about half an em: size * 10 twips per 2 … ≈ size * 5.5.
  const perChar = table.size * 5.5;
  const margins = cellMargins(table.size);
  const padding = margins.left + margins.right + 40;
  const longest = kinds.map((_, i) =>
    Math.max(
      table.columns[i].label.split(/\s+/).reduce((max, word) => Math.max(max, word.length), 0),
      // A group row spans the whole table and does not widen its first column.
      ...table.rows.map((row) => (row.kind !== 'group' && i < row.cells.length ? formatCell(row.cells[i], table.columns[i]).length : 0)),
    ),
  );
  const numberWidths = kinds.map((kind, i) => (isNumeric(kind) ? Math.ceil(longest[i] * perChar + padding) : 0));
  let numbersTotal = numberWidths.reduce((a, b) => a + b, 0);
  const textColumns = kinds.filter((kind) => !isNumeric(kind)).length;
  // Text columns keep at least ~2 cm each, but never more than 60 % of the width together.
  const textMinimum = Math.min(textColumns * 1_200, CONTENT_WIDTH * 0.6);
  // More figures than the page holds: every figure column shrinks alike (the cells then wrap, as they must).
  const scale = numbersTotal > 0 && numbersTotal + textMinimum > CONTENT_WIDTH ? (CONTENT_WIDTH - textMinimum) / numbersTotal : 1;
  const widths = numberWidths.map((w) => Math.floor(w * scale));
  numbersTotal = widths.reduce((a, b) => a + b, 0);
  const weights = kinds.map((kind, i) => (isNumeric(kind) ? 0 : Math.min(Math.max(longest[i], 6), 40) * (i === 0 ? 1.5 : 1)));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const rest = CONTENT_WIDTH - numbersTotal;
  kinds.forEach((kind, i) => {
    if (!isNumeric(kind)) widths[i] = Math.floor((weights[i] / (weightSum || 1)) * rest);
  });
  widths[0] += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellParagraph(children: ParagraphChild[], align: 'left' | 'right' | 'center', indentLeft = 0): Paragraph {
  return new Paragraph({
    style: 'TableText',
    alignment: align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    ...(indentLeft ? { indent: { left: indentLeft } } : {}),
    children,
  });
}

/** A heading row over the rows under it: its first cell, bold, across every column, kept with the next row. */
function groupRow(row: ModelRow, columns: number, size: number): TableRow {
  const label = formatCell(row.cells[0] ?? null, undefined);
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        columnSpan: Math.max(1, columns),
        margins: cellMargins(size),
        children: [new Paragraph({ style: 'TableText', keepNext: true, children: textRuns(label, { bold: true, size }) })],
      }),
    ],
  });
}

interface GridTable {
  columns: readonly TableColumn[];
  groupHeaders?: TableBlock['groupHeaders'];
  rows: readonly ModelRow[];
  size: number;
}

function gridTable(table: GridTable): Table {
  const { size } = table;
  const kinds = table.columns.map((c) => c.kind);
  const headerRows: TableRow[] = [];
  for (const group of table.groupHeaders ?? []) {
    let column = 0;
    const cells = group.map((cell) => {
      const span = Math.max(1, cell.span);
      const numeric = kinds.slice(column, column + span).every(isNumeric);
      column += span;
      return new TableCell({
        columnSpan: span,
        shading: HEADER_FILL,
        margins: cellMargins(size),
        children: [cellParagraph(textRuns(cell.label, { bold: true, size }), numeric && span > 1 ? 'center' : numeric ? 'right' : 'left')],
      });
    });
    headerRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: cells }));
  }
  headerRows.push(
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: table.columns.map(
        ({ label }, i) =>
          new TableCell({
            shading: HEADER_FILL,
            margins: cellMargins(size),
            children: [cellParagraph(textRuns(label, { bold: true, size }), isNumeric(kinds[i]) ? 'right' : 'left')],
          }),
      ),
    }),
  );
  const bodyRows = table.rows.map((row) => {
    if (row.kind === 'group') return groupRow(row, kinds.length, size);
    const bold = row.kind === 'total' || row.kind === 'subtotal';
    const cells = kinds.map((kind, i) => {
      const value = i < row.cells.length ? row.cells[i] : null;
      const numeric = isNumeric(kind);
      const children: ParagraphChild[] = textRuns(formatCell(value, table.columns[i]), { bold, size });
      if (i === 0 && row.marker) {
        const marker = MARKERS[row.marker];
        children.push(new TextRun({ text: '  \u25cf', color: marker.color, size }), new TextRun({ text: ` ${marker.label}`, color: MUTED, size }));
      }
      return new TableCell({
        margins: cellMargins(size),
        ...(row.kind === 'total' ? { borders: { top: { style: BorderStyle.SINGLE, size: 8, color: '404040' } } } : {}),
        children: [cellParagraph(children, numeric ? 'right' : 'left', i === 0 && row.kind === 'sub' ? 284 : 0)],
      });
    });
    return new TableRow({ cantSplit: true, children: cells });
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: columnWidths(table),
    borders: { top: GRID_BORDER, bottom: GRID_BORDER, left: GRID_BORDER, right: GRID_BORDER, insideHorizontal: GRID_BORDER, insideVertical: GRID_BORDER },
    rows: [...headerRows, ...bodyRows],
  });
}

function captionParagraph(ctx: DocxContext, caption: string): Paragraph {
  return para(ctx, { style: 'Caption', keepNext: true, keepLines: true, children: textRuns(caption) });
}

function runSize(columns: number): number {
  return columns > 9 ? 14 : columns > 7 ? 16 : 18;
}

export function tableBlock(ctx: DocxContext, block: TableBlock): FileChild[] {
  ctx.tableNumber += 1;
  const columns: readonly TableColumn[] = block.columns;
  const out: FileChild[] = [
    captionParagraph(ctx, tableCaption(block, ctx.captions ? ctx.tableNumber : null)),
    gridTable({
      columns,
      groupHeaders: block.groupHeaders,
      rows: block.rows,
      size: runSize(columns.length),
    }),
  ];
  for (const note of block.footnotes ?? []) out.push(para(ctx, { style: 'Note', spacing: { before: 60 }, children: textRuns(note) }));
  if (!block.footnotes?.length) out.push(para(ctx, { spacing: { after: 0 }, children: [] }));
  return out;
}

/** DOCX cannot show our SVG reliably: the chart is its data table, with the title as caption and the description. */
export function chartBlock(ctx: DocxContext, block: ChartBlock): FileChild[] {
  ctx.chartNumber += 1;
  const columns: TableColumn[] = [
    { label: '', kind: 'text' },
    ...block.series.map((s): TableColumn => ({ label: s.name, kind: 'number', decimals: block.decimals ?? 0 })),
  ];
  const unit = block.unit?.trim().replace(/^\((.*)\)$/, '$1');
  return [
    captionParagraph(ctx, `Diagram ${ctx.chartNumber}. ${block.title}${unit ? ` (${unit})` : ''}`),
    gridTable({
      columns,
      rows: block.categories.map((category, i) => ({ cells: [category, ...block.series.map((s) => s.values[i] ?? null)] })),
      size: runSize(columns.length),
    }),
    para(ctx, { style: 'Note', spacing: { before: 60 }, children: textRuns(block.description) }),
  ];
}
export function factsTable(rows: FactsBlock['rows']): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const widths = [Math.round(CONTENT_WIDTH * 0.28), CONTENT_WIDTH - Math.round(CONTENT_WIDTH * 0.28)];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              borders: { top: none, bottom: none, left: none, right: none },
              children: [cellParagraph(textRuns(row.label, { bold: true }), 'left')],
            }),
            new TableCell({
              borders: { top: none, bottom: none, left: none, right: none },
              children: [cellParagraph(textRuns(row.value), 'left')],
            }),
          ],
        }),
    ),
  });
}

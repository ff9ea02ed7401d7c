/**
 * The one document model. The assembled report (delårsrapport / tertialbokslut) and the
 * tjänsteskrivelse are built as a DocumentModel, and every output — the in-app preview, the
 * standalone HTML file, the PDF, the DOCX and the open-data CSV/JSON of the tables — is rendered
 * from it and from nothing else.
 *
 * The model holds facts, not formatting: numbers are numbers (renderers format them the Swedish
 * way: `−9 504`, `3,8`), dates are ISO dates, text is plain text (every renderer escapes it; a
 * section whose content holds `<script>` prints those characters). Headings carry their number
 * (`2.3`) as assembly gave it, so every format shows the same numbering.
 */

/** ISO date, YYYY-MM-DD. */
export type DocumentDate = string;

export type DocumentKind = 'report' | 'memo' | 'kallelse';

export interface DocumentMeta {
  kind: DocumentKind;
  /** 'Socialnämnden' */
  committee: string;
  /** 'Nacka kommun' */
  municipality: string;
  /** The document's title: 'Tertialbokslut 2 2021', 'Delårsrapport 2021'. */
  title: string;
  /** Under the title on the title page: 'Socialnämnden', or the memo's subject line. */
  subtitle?: string;
  /** The period the report covers, in words: 'januari–augusti 2021'. */
  period?: string;
  /** 'SN.2021.73', 'SN 2019/1703'; null when the cycle has none. */
  diaryNumber: string | null;
  /** Dated facts shown in the header block: Upprättad, Sammanträde … in this order. */
  dates: ReadonlyArray<{ label: string; date: DocumentDate }>;
  /** Always Swedish; renderers put it on the document (html lang, PDF /Lang, DOCX w:lang). */
  language: 'sv-SE';
  /** The running header on every page but the first: 'Socialnämnden, Tertialbokslut 2 2021'. */
  runningHeader: string;
  /**
   * A draft is marked UTKAST on every page and in every format, with what is missing; a final
   * document is a frozen version and says which.
   */
  status: DocumentStatus;
}

export type DocumentStatus =
  | { kind: 'draft'; missing: readonly MissingItem[] }
  | { kind: 'final'; version: number; frozenAt: string; checksum: string };

/** A section that is not (yet) in the document: shown on the draft's first page, never a silent gap. */
export interface MissingItem {
  /** '2.3 Ekonomi' */
  section: string;
  /** 'Omsorgsenheten'; null for a nämnd-level section. */
  unit: string | null;
  /** Swedish state as the overview shows it: 'Ej påbörjad', 'Utkast', 'Inlämnad', 'Återskickad' … */
  state: string;
}

export interface DocumentModel {
  meta: DocumentMeta;
  /** The title page (a report has one; a memo has a header block instead). */
  titlePage: boolean;
  /** Table of contents from the headings of levels 1..tocDepth (0: none). */
  tocDepth: 0 | 1 | 2 | 3;
  body: Block[];
  appendices: Appendix[];
  /**
   * Print choices of the report's template (libs/domain/src/lib/template-layout.ts) that the
   * renderers apply; absent, or an option absent: numbered table captions and, in the PDF,
   * every chapter on a new page (the model of a report printed before these choices).
   */
  layout?: DocumentLayout;
}

export interface DocumentLayout {
  /** false: table captions without 'Tabell N.'. */
  captions?: false;
  /** false: chapters (level-1 headings) follow on the same page in the PDF. */
  chapterPageBreak?: false;
}

/** 'Bilaga 1 Sjukfrånvaro per enhet': its own numbered part after the body, starting on a new page. */
export interface Appendix {
  number: number;
  title: string;
  id: string;
  body: Block[];
  /**
   * An uploaded PDF bilaga (its body is empty): the PDF appends its pages after the main text
   * with a bookmark; HTML and DOCX name it with its page count (see appendixAttachmentNote).
   */
  attachment?: AppendixAttachment;
}

export interface AppendixAttachment {
  /** The stored file (report_appendix.id). */
  fileId: string;
  fileName: string;
  pages: number;
  sha256: string;
}

export type Mark = 'bold' | 'italic';

export interface Inline {
  text: string;
  marks?: readonly Mark[];
  /** http(s) or mailto only (the content sanitiser's rule); anything else is never put here. */
  href?: string;
  /**
   * A footnote on the text: its marker (the number, superscript) follows the text; in a report
   * the numbers run on through the document. HTML prints the notes as `footnote` paragraphs at
   * the end of the section (see footnotes.ts), a report's PDF at the foot of the marker's page
   * (pdf/footnotes.ts); DOCX makes real footnotes of `text` and leaves those paragraphs out.
   */
  footnote?: { number: number; text: string };
}

export interface HeadingBlock {
  type: 'heading';
  /** 1 = chapter. */
  level: 1 | 2 | 3 | 4;
  /** '2.3'; absent for unnumbered headings. */
  number?: string;
  text: string;
  /** Unique in the document: the anchor for the TOC, bookmarks and links. */
  id: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  content: readonly Inline[];
  /**
   * 'note': smaller, muted (sources, remarks); 'lead': an introduction; 'footnote': the text of a
   * footnote at the end of its section (not in DOCX, which has the note as a real footnote).
   */
  style?: 'note' | 'lead' | 'footnote';
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: readonly ListItem[];
}

export interface ListItem {
  content: readonly Inline[];
  /** A nested list under the item. */
  children?: ListBlock;
}

export type ColumnKind = 'text' | 'number' | 'percent';

export interface TableColumn {
  /** The printed heading: 'Budget 2021', 'Prognos'. */
  label: string;
  kind: ColumnKind;
  /** Decimals for number and percent columns (0 for tkr, 1 for mnkr, 2 for sick-leave %). */
  decimals?: number;
  /** Open-data name of the column: 'budget', 'prognos' (stable across cycles; defaults to the label). */
  key?: string;
}

export type CellValue = string | number | null;

export interface TableRow {
  cells: readonly CellValue[];
  /**
   * 'total': the bold sum row; 'subtotal'; 'sub': an indented sub-row of the row above; 'group': a
   * heading row over the rows under it ('Mål: Trygg och säker vård'): its first cell is printed bold
   * across the whole table and kept with the next row; open data leaves it out and gives the rows
   * under it its text as `grupp` (see open-data.ts).
   */
  kind?: 'body' | 'sub' | 'subtotal' | 'total' | 'group';
  /** 'Avvikelse', 'Uppnås' …: shown as a coloured mark beside the text (goals' assessments). */
  marker?: 'green' | 'yellow' | 'red';
}

export interface TableBlock {
  type: 'table';
  /** Unique in the document; also the open-data file's name (`tabell-3-ekonomi-omsorgsenheten`). */
  id: string;
  /** 'Tabell 3. Ekonomiskt utfall per verksamhet' (the number is given by the renderers, in order). */
  caption: string;
  /** '(Tkr)', 'mnkr', '%': printed after the caption and over the number columns. */
  unit?: string;
  columns: readonly TableColumn[];
  /**
   * Header rows above `columns` (grouped headings such as 'Utfall' spanning three columns): each
   * cell with its span. The last header row is always the columns' own labels.
   */
  groupHeaders?: ReadonlyArray<ReadonlyArray<{ label: string; span: number }>>;
  rows: readonly TableRow[];
  footnotes?: readonly string[];
  /** For open data: the unit (enhet) and period the table belongs to. */
  dataset?: { unit: string | null; period: string; section: string };
}

/**
 * A bar or line chart; HTML/PDF draw it as SVG, DOCX shows its data table (and, with a `chartType`,
 * a Word chart of the same figures). Always has a text alternative.
 */
export interface ChartBlock {
  type: 'chart';
  id: string;
  /** 'bar' or 'line'; absent: a bar chart drawn as before (no Word chart, data table in the screen view only). */
  chartType?: 'bar' | 'line';
  /** The data table is printed under the chart in the print view too (PDF), not only on screen. */
  printData?: boolean;
  title: string;
  /** The alternative text: what the chart shows, in one or two sentences. */
  description: string;
  unit?: string;
  categories: readonly string[];
  series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | null> }>;
  decimals?: number;
}

/** A framed notice: the draft's list of missing sections, a warning about figures. */
export interface NoticeBlock {
  type: 'notice';
  tone: 'info' | 'warning';
  title: string;
  content: readonly Block[];
}

/** Label–value lines: the memo's header (Upprättad, Diarienummer, Nämnd). */
export interface FactsBlock {
  type: 'facts';
  rows: ReadonlyArray<{ label: string; value: string }>;
}

/** Names and titles under a memo: 'Karin Lindqvist, Förvaltningschef'. */
export interface SignaturesBlock {
  type: 'signatures';
  people: ReadonlyArray<{ name: string; title: string }>;
}

export interface PageBreakBlock {
  type: 'page_break';
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | ChartBlock
  | NoticeBlock
  | FactsBlock
  | SignaturesBlock
  | PageBreakBlock;

/** Plain text as one inline run (most text in the model). */
export function text(value: string, marks?: readonly Mark[]): Inline {
  return marks && marks.length > 0 ? { text: value, marks } : { text: value };
}

export function paragraph(value: string | readonly Inline[], style?: ParagraphBlock['style']): ParagraphBlock {
  const content = typeof value === 'string' ? [text(value)] : value;
  return style ? { type: 'paragraph', content, style } : { type: 'paragraph', content };
}

/** A heading; `number` absent for unnumbered headings (`heading(2, '2.3', 'Attraktiva livsmiljöer', 'h-2-3')`). */
export function heading(level: HeadingBlock['level'], number: string | undefined, value: string, id: string): HeadingBlock {
  return number ? { type: 'heading', level, number, text: value, id } : { type: 'heading', level, text: value, id };
}

/** A table column: whole numbers unless told otherwise; text columns carry no decimals. */
export function column(label: string, key: string, kind: ColumnKind = 'number', decimals = 0): TableColumn {
  return kind === 'text' ? { label, kind, key } : { label, kind, decimals, key };
}

/** Every heading of the body and the appendices, in order (TOC, bookmarks, outline checks). */
export function headingsOf(model: DocumentModel): HeadingBlock[] {
  const out: HeadingBlock[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'heading') out.push(block);
      if (block.type === 'notice') walk(block.content);
    }
  };
  walk(model.body);
  for (const appendix of model.appendices) walk(appendix.body);
  return out;
}

/** Every table of the document in order, with its number ('Tabell 3'), body first, then appendices. */
export function tablesOf(model: DocumentModel): Array<{ number: number; table: TableBlock }> {
  const out: Array<{ number: number; table: TableBlock }> = [];
  const walk = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'table') out.push({ number: out.length + 1, table: block });
      if (block.type === 'notice') walk(block.content);
    }
  };
  walk(model.body);
  for (const appendix of model.appendices) walk(appendix.body);
  return out;
}

/**
 * The content of a report's narrative sections ("Sammanfattning", "Tre viktigaste händelserna",
 * …): headings, paragraphs, lists, bold/italic, links and simple tables, stored as JSON.
 * sanitize.ts is the one gate between a request and storage; text.ts reads a document as plain text.
 */
/**
 * A footnote is a mark on the text it explains: its marker (a number, given by the renderers in
 * document order) stands right after the marked run, and `note` (plain text) is printed at the
 * end of the section (HTML, PDF) or as a real footnote (DOCX). Footnotes stand in paragraphs (those
 * in lists too), not in headings or table cells.
 */
export type InlineMark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'link'; href: string }
  | { type: 'footnote'; note: string };

export interface TextRun {
  type: 'text';
  text: string;
  marks?: InlineMark[];
}

export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3 | 4;
  content: TextRun[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** A stable anchor for comments: `[A-Za-z0-9_-]{1,40}`, unique within the document. */
  id?: string;
  content: TextRun[];
}

export interface ListBlock {
  type: 'bullet_list' | 'ordered_list';
  /** Each item holds paragraphs or nested lists only. */
  items: Block[][];
}

export interface TableRow {
  header?: boolean;
  cells: TextRun[][];
}

export interface TableBlock {
  type: 'table';
  rows: TableRow[];
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock;

export interface RichTextDocument {
  type: 'doc';
  version: 1;
  content: Block[];
}

export function emptyDocument(): RichTextDocument {
  return { type: 'doc', version: 1, content: [] };
}

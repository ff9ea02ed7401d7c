// The model's text as docx paragraphs: the render state, text runs, inline formatting, headings, lists.
// All text goes in as text runs: docx escapes it.
import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  type IBordersOptions,
  type IParagraphOptions,
  type IShadingAttributesProperties,
  Paragraph,
  type ParagraphChild,
  Table,
  TextRun,
} from 'docx';
import type { HeadingBlock, Inline, ListBlock } from '../lib/model';
import { BULLET_LIST, ORDERED_LIST } from './styles';

export type FileChild = Paragraph | Table;

/** A notice's box: every paragraph inside it gets the same border and shading, so Word draws one frame. */
interface Frame {
  border: IBordersOptions;
  shading: IShadingAttributesProperties;
}

/** Render state: table and chart numbers in document order, list instances. */
export class DocxContext {
  tableNumber = 0;
  chartNumber = 0;
  /** false: table captions without 'Tabell N.' (DocumentModel.layout). */
  captions = true;
  private listInstance = 0;
  frame?: Frame;

  nextListInstance(): number {
    this.listInstance += 1;
    return this.listInstance;
  }
}

// Characters XML 1.0 does not allow (a stray one would make Word refuse the file).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function clean(value: string): string {
  return value.replace(NOT_XML, '');
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
}

/** Text as runs, a line break for each newline. */
export function textRuns(value: string, style: RunStyle = {}): TextRun[] {
  return clean(value)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

export function inlineChildren(content: readonly Inline[], base: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of content) {
    const style: RunStyle = {
      ...base,
      ...(inline.marks?.includes('bold') ? { bold: true } : {}),
      ...(inline.marks?.includes('italic') ? { italics: true } : {}),
    };
    if (inline.href && SAFE_LINK.test(inline.href.trim())) {
      const runs = clean(inline.text)
        .split(/\r\n|\r|\n/)
        .map((line, i) => new TextRun({ text: line, ...style, color: '0563C1', underline: {}, ...(i > 0 ? { break: 1 } : {}) }));
      out.push(new ExternalHyperlink({ link: clean(inline.href.trim()), children: runs }));
    } else {
      out.push(...textRuns(inline.text, style));
    }
    // A real footnote: Word numbers it and prints its text at the foot of the page.
    if (inline.footnote !== undefined) {
      out.push(new FootnoteReferenceRun({ children: [new Paragraph({ children: textRuns(inline.footnote.text) })] }));
    }
  }
  return out;
}

/** A paragraph, framed when inside a notice. */
export function para(ctx: DocxContext, options: IParagraphOptions): Paragraph {
  return new Paragraph(ctx.frame ? { ...options, border: ctx.frame.border, shading: ctx.frame.shading } : options);
}

const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;


export function headingParagraph(ctx: DocxContext, level: HeadingBlock['level'], value: string, pageBreakBefore = false): Paragraph {
  return para(ctx, {
    heading: HEADING_LEVELS[level],
    keepNext: true,
    keepLines: true,
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: textRuns(value),
  });
}

export function listParagraphs(ctx: DocxContext, list: ListBlock, level: number, instance: number): Paragraph[] {
  const reference = list.ordered ? ORDERED_LIST : BULLET_LIST;
  const out: Paragraph[] = [];
  for (const item of list.items) {
    out.push(para(ctx, { numbering: { reference, level: Math.min(level, 8), instance }, children: inlineChildren(item.content) }));
    if (item.children && item.children.items.length > 0) {
      // Same kind of list: the same instance, whose deeper level restarts after each item. Another kind: a list of its own.
      const childInstance = item.children.ordered === list.ordered ? instance : ctx.nextListInstance();
      out.push(...listParagraphs(ctx, item.children, level + 1, childInstance));
    }
  }
  return out;
}

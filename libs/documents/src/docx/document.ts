// The DOCX document: title page or memo header, table of contents, body, appendices, running header and footer.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  PageBreak,
  PageNumber,
  Paragraph,
  type Table,
  TableOfContents,
  TabStopType,
  TextRun,
} from 'docx';
import type { Block, DocumentModel, FactsBlock, MissingItem, NoticeBlock } from '../lib/model';
import { appendixAttachmentNote, appendixLabel, finalStatusLine } from '../lib/html';
import { noticeBlock, renderBlocks } from './blocks';
import { DocxContext, headingParagraph, textRuns } from './paragraphs';
import { factsTable } from './tables';
import { CONTENT_WIDTH, NUMBERING, PAGE, STYLES } from './styles';

type FileChild = Paragraph | Table | TableOfContents;

export const DRAFT_MARK = 'UTKAST';

/** The draft's notice on the first page: what is not (yet) in the document (the HTML's words). */
export function draftNotice(missing: readonly MissingItem[]): NoticeBlock {
  const content: Block[] = [{ type: 'paragraph', content: [{ text: 'Detta är ett utkast och inte en fastställd version.' }] }];
  if (missing.length > 0) {
    content.push(
      { type: 'paragraph', content: [{ text: 'Saknas eller är inte godkänt ännu:' }] },
      {
        type: 'list',
        ordered: false,
        items: missing.map((item) => ({ content: [{ text: `${item.section}${item.unit ? `, ${item.unit}` : ''}: ${item.state}` }] })),
      },
    );
  }
  return { type: 'notice', tone: 'warning', title: DRAFT_MARK, content };
}

function statusBlocks(ctx: DocxContext, model: DocumentModel): FileChild[] {
  const status = model.meta.status;
  if (status.kind === 'draft') return noticeBlock(ctx, draftNotice(status.missing));
  return [new Paragraph({ style: 'Note', spacing: { before: 240 }, children: textRuns(finalStatusLine(status)) })];
}

/** The title page: the same lines as the HTML's, then the draft's notice or the frozen version. */
function titlePage(ctx: DocxContext, model: DocumentModel): FileChild[] {
  const { meta } = model;
  const out: FileChild[] = [
    new Paragraph({ spacing: { before: 2400 }, children: textRuns(meta.municipality, { bold: true, size: 28 }) }),
    new Paragraph({ children: textRuns(meta.committee, { size: 28 }) }),
    new Paragraph({ style: 'Title', children: textRuns(meta.title) }),
  ];
  if (meta.subtitle && meta.subtitle !== meta.committee) out.push(new Paragraph({ children: textRuns(meta.subtitle, { size: 32 }) }));
  const lines: string[] = [];
  if (meta.period) lines.push(`Period: ${meta.period}`);
  if (meta.diaryNumber) lines.push(`Diarienummer: ${meta.diaryNumber}`);
  for (const date of meta.dates) lines.push(`${date.label}: ${date.date}`);
  lines.forEach((line, i) => out.push(new Paragraph({ spacing: { before: i === 0 ? 360 : 0, after: 60 }, children: textRuns(line) })));
  out.push(...statusBlocks(ctx, model));
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

function tableOfContents(model: DocumentModel): FileChild[] {
  return [
    new Paragraph({ style: 'TOCHeading', children: textRuns('Innehåll') }),
    new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: `1-${model.tocDepth}` }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** The memo's header block: the first facts block of the body, or Upprättad/Diarienummer/Nämnd from the meta. */
function memoFacts(model: DocumentModel): { facts: FactsBlock; rest: readonly Block[] } {
  const [first, ...rest] = model.body;
  if (first?.type === 'facts') return { facts: first, rest };
  const { meta } = model;
  const rows: Array<{ label: string; value: string }> = meta.dates.map((d) => ({ label: d.label, value: d.date }));
  if (meta.diaryNumber) rows.push({ label: 'Diarienummer', value: meta.diaryNumber });
  rows.push({ label: 'Nämnd', value: meta.committee });
  return { facts: { type: 'facts', rows }, rest: model.body };
}

function runningHeader(model: DocumentModel): Paragraph {
  const draft = model.meta.status.kind === 'draft';
  return new Paragraph({
    style: 'RunningHeader',
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
    children: [
      ...textRuns(model.meta.runningHeader),
      ...(draft ? [new TextRun({ text: `\t${DRAFT_MARK}`, bold: true, color: 'C62828' })] : []),
    ],
  });
}

function pageFooter(): Paragraph {
  return new Paragraph({
    style: 'RunningFooter',
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ children: [PageNumber.CURRENT, '(', PageNumber.TOTAL_PAGES, ')'] })],
  });
}

/** Builds the docx Document for the model (Packer turns it into the file). */
export function buildDocxDocument(model: DocumentModel): Document {
  const ctx = new DocxContext();
  ctx.captions = model.layout?.captions !== false;
  const { meta } = model;
  // The memo and the kallelse: a header block instead of a title page.
  const memo = meta.kind === 'memo' || meta.kind === 'kallelse';
  const withTitlePage = !memo && model.titlePage;
  const children: FileChild[] = [];

  if (memo) {
    const { facts, rest } = memoFacts(model);
    children.push(factsTable(facts.rows), new Paragraph({ spacing: { after: 0 }, children: [] }));
    children.push(...statusBlocks(ctx, model));
    // The title as Heading 1 unless the body has its own (as the HTML: never printed twice).
    if (!rest.some((b) => b.type === 'heading' && b.level === 1)) children.push(headingParagraph(ctx, 1, meta.title));
    if (meta.subtitle) children.push(new Paragraph({ style: 'Lead', children: textRuns(meta.subtitle) }));
    children.push(...renderBlocks(ctx, rest));
  } else {
    if (withTitlePage) {
      children.push(...titlePage(ctx, model));
    } else {
      children.push(new Paragraph({ style: 'Title', children: textRuns(meta.title) }));
      if (meta.subtitle) children.push(new Paragraph({ style: 'Lead', children: textRuns(meta.subtitle) }));
      children.push(...statusBlocks(ctx, model));
    }
    if (model.tocDepth > 0) children.push(...tableOfContents(model));
    children.push(...renderBlocks(ctx, model.body));
  }
  for (const appendix of model.appendices) {
    children.push(headingParagraph(ctx, 1, appendixLabel(appendix), true));
    // Word cannot hold the PDF itself: an uploaded bilaga is named with its page count.
    const note = appendixAttachmentNote(appendix);
    children.push(...renderBlocks(ctx, note !== null ? [{ type: 'paragraph', content: [{ text: note }], style: 'note' }] : appendix.body));
  }

  const draft = meta.status.kind === 'draft';
  const firstHeader = draft
    ? new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: DRAFT_MARK, bold: true, color: 'C62828', size: 18 })] })
    : new Paragraph({});

  return new Document({
    title: meta.title,
    subject: [meta.committee, meta.municipality].filter(Boolean).join(', '),
    creator: 'Rapportflöde',
    lastModifiedBy: 'Rapportflöde',
    description: meta.runningHeader,
    keywords: meta.diaryNumber ?? undefined,
    features: { updateFields: false },
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: PAGE.header, footer: PAGE.footer },
          },
          titlePage: withTitlePage,
        },
        headers: {
          default: new Header({ children: [runningHeader(model)] }),
          ...(withTitlePage ? { first: new Header({ children: [firstHeader] }) } : {}),
        },
        footers: {
          default: new Footer({ children: [pageFooter()] }),
          ...(withTitlePage ? { first: new Footer({ children: [new Paragraph({})] }) } : {}),
        },
        children,
      },
    ],
  });
}

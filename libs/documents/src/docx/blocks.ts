// The model's blocks as docx paragraphs and tables: notices, signatures, and every block by its type.
import { BorderStyle, PageBreak, Paragraph, ShadingType } from 'docx';
import type { Block, NoticeBlock, SignaturesBlock } from '../lib/model';
import { headingLabel } from '../lib/html';
import { DocxContext, type FileChild, headingParagraph, inlineChildren, listParagraphs, para, textRuns } from './paragraphs';
import { chartBlock, factsTable, tableBlock } from './tables';
import { wordChart } from './chart';

const NOTICE_TONES = {
  info: { color: '4A6FA5', fill: 'EEF3FA' },
  warning: { color: 'B26A00', fill: 'FFF4E0' },
} as const;

export function noticeBlock(ctx: DocxContext, block: NoticeBlock): FileChild[] {
  const tone = NOTICE_TONES[block.tone];
  const side = { style: BorderStyle.SINGLE, size: 8, color: tone.color, space: 6 } as const;
  const outer = ctx.frame;
  ctx.frame = {
    border: { top: side, bottom: side, left: { ...side, size: 24 }, right: side },
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: tone.fill },
  };
  try {
    const out: FileChild[] = [para(ctx, { keepNext: true, spacing: { before: 120 }, children: textRuns(block.title, { bold: true }) })];
    for (const child of block.content) out.push(...renderBlock(ctx, child));
    // A plain paragraph closes the box, so the next framed paragraph is a box of its own.
    ctx.frame = outer;
    out.push(para(ctx, { spacing: { after: 0 }, children: [] }));
    return out;
  } finally {
    ctx.frame = outer;
  }
}

function signatures(ctx: DocxContext, block: SignaturesBlock): Paragraph[] {
  return block.people.flatMap((person) => [
    para(ctx, { keepNext: true, keepLines: true, spacing: { before: 480, after: 0 }, children: textRuns(person.name) }),
    para(ctx, { keepLines: true, children: textRuns(person.title, { italics: true }) }),
  ]);
}

export function renderBlock(ctx: DocxContext, block: Block): FileChild[] {
  switch (block.type) {
    case 'heading':
      return [headingParagraph(ctx, block.level, headingLabel(block))];
    case 'paragraph':
      // A footnote's text: in DOCX a real footnote of the run that refers to it.
      if (block.style === 'footnote') return [];
      return [
        para(ctx, {
          ...(block.style === 'note' ? { style: 'Note' } : block.style === 'lead' ? { style: 'Lead' } : {}),
          children: inlineChildren(block.content),
        }),
      ];
    case 'list':
      return listParagraphs(ctx, block, 0, ctx.nextListInstance());
    case 'table':
      return tableBlock(ctx, block);
    case 'chart': {
      // A bar or line chart of a section of blocks: the Word chart under the caption, then the data table.
      const [caption, ...rest] = chartBlock(ctx, block);
      const chart = wordChart(block);
      return chart ? [caption, chart, ...rest] : [caption, ...rest];
    }
    case 'notice':
      return noticeBlock(ctx, block);
    case 'facts':
      return [factsTable(block.rows), para(ctx, { spacing: { after: 0 }, children: [] })];
    case 'signatures':
      return signatures(ctx, block);
    case 'page_break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export function renderBlocks(ctx: DocxContext, blocks: readonly Block[]): FileChild[] {
  return blocks.flatMap((block) => renderBlock(ctx, block));
}

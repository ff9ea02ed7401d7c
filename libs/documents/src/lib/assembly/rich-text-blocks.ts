/** Rich text (the editor's document) as document blocks: headings one level below the section's, lists, tables. */
import type { RichTextDocument } from '@rapportflode/domain';
import type * as Rich from '@rapportflode/domain';
import type { Block, Inline, ListBlock, ListItem, TableColumn, TableRow } from '../model';
import { Footnotes } from '../footnotes';
import { paragraph, text } from '../model';
import { type Context, dataset, level, slugify } from './context';

function inlinesOf(runs: readonly Rich.TextRun[], notes?: Footnotes): Inline[] {
  return runs.map((run, index) => {
    const marks = (run.marks ?? []).flatMap((m) => (m.type === 'bold' || m.type === 'italic' ? [m.type] : []));
    const link = (run.marks ?? []).find((m): m is { type: 'link'; href: string } => m.type === 'link');
    const footnote = notes?.markerAfter(runs, index);
    const inline: Inline = {
      text: run.text,
      ...(marks.length ? { marks } : {}),
      ...(footnote !== undefined ? { footnote } : {}),
    };
    return link && /^(https?:|mailto:)/i.test(link.href) ? { ...inline, href: link.href } : inline;
  });
}

const plain = (runs: readonly Rich.TextRun[]) => runs.map((r) => r.text).join('');

function listOf(block: Rich.ListBlock, ctx: Context, notes: Footnotes): ListBlock {
  const items: ListItem[] = block.items.map((item) => {
    const content: Inline[] = [];
    let children: ListBlock | undefined;
    for (const part of item) {
      if (part.type === 'paragraph' || part.type === 'heading') {
        if (content.length) content.push(text(' '));
        content.push(...inlinesOf(part.content, notes));
      } else if (part.type === 'bullet_list' || part.type === 'ordered_list') {
        const nested = listOf(part, ctx, notes);
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

export function richTextBlocks(doc: RichTextDocument, ctx: Context, unit: string | null): Block[] {
  const out: Block[] = [];
  let headingCount = 0;
  let tableCount = 0;
  const notes = Footnotes.continuing(ctx.ids);
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
        out.push(paragraph(inlinesOf(block.content, notes)));
        break;
      case 'bullet_list':
      case 'ordered_list':
        out.push(listOf(block, ctx, notes));
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
  out.push(...notes.paragraphs());
  return out;
}

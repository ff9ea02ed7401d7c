/** A rich-text document as plain text: for search, diffs, the figures check and comments' anchors. */
import type { Block, ListBlock, RichTextDocument, TextRun } from './model';

/**
 * The document as plain text: blocks separated by a blank line (empty blocks left out), list
 * items on lines of their own prefixed `- ` or `1. ` (nested lists indented), table rows on lines
 * of their own with the cells separated by tabs.
 */
export function plainText(document: RichTextDocument): string {
  return document.content
    .map(blockText)
    .filter((text) => text !== '')
    .join('\n\n');
}

/** Every paragraph, those in lists included, in document order: the anchors comments attach to. */
export function paragraphTexts(document: RichTextDocument): Array<{ id: string | null; text: string }> {
  const result: Array<{ id: string | null; text: string }> = [];
  const visit = (blocks: Block[]): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph') result.push({ id: block.id ?? null, text: runsText(block.content) });
      else if (block.type === 'bullet_list' || block.type === 'ordered_list') block.items.forEach(visit);
    }
  };
  visit(document.content);
  return result;
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return runsText(block.content);
    case 'bullet_list':
    case 'ordered_list':
      return listLines(block, '').join('\n');
    case 'table':
      return block.rows
        .map((row) => row.cells.map((cell) => runsText(cell).replace(/[\t\n]+/g, ' ')).join('\t'))
        .join('\n');
  }
}

function listLines(list: ListBlock, indent: string): string[] {
  const lines: string[] = [];
  list.items.forEach((item, index) => {
    const marker = list.type === 'bullet_list' ? '- ' : `${index + 1}. `;
    const inner = indent + ' '.repeat(marker.length);
    if (item.length === 0 || item[0].type !== 'paragraph') lines.push(indent + marker.trimEnd());
    item.forEach((block, at) => {
      if (block.type === 'bullet_list' || block.type === 'ordered_list') {
        lines.push(...listLines(block, inner));
      } else if (block.type === 'paragraph') {
        runsText(block.content)
          .split('\n')
          .forEach((line, lineAt) => lines.push((at === 0 && lineAt === 0 ? indent + marker : inner) + line));
      }
    });
  });
  return lines;
}

function runsText(runs: TextRun[]): string {
  return runs.map((run) => run.text).join('');
}

import { type TemplateLayout } from '@rapportflode/domain';
import type { EditorSection, RowNumber } from './template-sections';

/** The panel "Utskrift"'s example: the report's table of contents and a table caption as the layout prints them. */
export interface LayoutPreview {
  /** The TOC's lines ('2.1 Ekonomi', 'Bilaga 1 Sjukfrånvaro'), indented by level; empty with tocDepth 0. */
  toc: Array<{ label: string; level: number }>;
  /** 'Tabell 1. Ekonomiskt resultat (tkr)' or 'Ekonomiskt resultat (tkr)'. */
  caption: string;
  /** How chapters follow each other in the PDF, in words. */
  chapters: string;
}

/**
 * The example follows assembly (libs/documents/src/lib/assembly/assemble.ts): an appendix is
 * 'Bilaga N' with its title and its sub-sections unnumbered; unnumbered headings drop the number.
 */
export function layoutPreview(rows: readonly EditorSection[], numbers: readonly RowNumber[], layout: TemplateLayout): LayoutPreview {
  const toc: LayoutPreview['toc'] = [];
  let appendices = 0;
  let inAppendix = false;
  rows.forEach((row, i) => {
    const at = numbers[i];
    if (!at) return;
    const title = row.title.trim() || 'Nytt avsnitt utan rubrik';
    if (at.depth === 1) inAppendix = row.placement === 'appendix';
    if (at.depth > layout.tocDepth && !(inAppendix && at.depth === 1 && layout.tocDepth > 0)) return;
    if (inAppendix && at.depth === 1) {
      appendices += 1;
      toc.push({ label: `Bilaga ${appendices} ${title}`, level: 1 });
    } else {
      toc.push({ label: layout.numberedHeadings && !inAppendix ? `${at.number} ${title}` : title, level: at.depth });
    }
  });
  const table = rows.find((row) => row.kind === 'economy' || row.kind === 'table')?.title.trim() || 'Ekonomiskt resultat';
  return {
    toc,
    caption: `${layout.captions ? 'Tabell 1. ' : ''}${table}`,
    chapters: layout.chapterPageBreak ? 'Varje kapitel börjar på en ny sida i PDF-filen.' : 'Kapitlen följer direkt efter varandra i PDF-filen.',
  };
}

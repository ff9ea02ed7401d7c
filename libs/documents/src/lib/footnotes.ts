/**
 * Footnotes of rich text in documents: numbered from 1 in each section's text, the marker after
 * the text the note explains (runs next to each other under the same note share one marker), the
 * notes as note paragraphs after the section's text, in every format alike (HTML, PDF, DOCX).
 */
import type { TextRun } from '@rapportflode/domain';
import type { ParagraphBlock } from './model';

export class Footnotes {
  readonly notes: string[] = [];

  /** The number of the footnote whose marker goes after `runs[index]`, if one does. */
  markerAfter(runs: readonly TextRun[], index: number): number | undefined {
    const note = noteOf(runs[index]);
    if (note === null || noteOf(runs[index + 1]) === note) return undefined;
    this.notes.push(note);
    return this.notes.length;
  }

  /** The notes as paragraphs (none when there are none). */
  paragraphs(): ParagraphBlock[] {
    return this.notes.map((note, i) => ({
      type: 'paragraph',
      style: 'note',
      content: [{ text: '', footnote: i + 1 }, { text: ` ${note}` }],
    }));
  }
}

function noteOf(run: TextRun | undefined): string | null {
  for (const mark of run?.marks ?? []) if (mark.type === 'footnote') return mark.note;
  return null;
}

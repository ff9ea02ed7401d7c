/**
 * Footnotes of rich text in documents: numbered from 1 in each section's text, the marker after
 * the text the note explains (runs next to each other under the same note share one marker), the
 * notes as `footnote` paragraphs after the section's text (HTML, PDF); DOCX makes real footnotes.
 */
import type { TextRun } from '@rapportflode/domain';
import type { ParagraphBlock } from './model';

export class Footnotes {
  readonly notes: string[] = [];

  /** The number of the footnote whose marker goes after `runs[index]`, if one does. */
  markerAfter(runs: readonly TextRun[], index: number): { number: number; text: string } | undefined {
    const note = noteOf(runs[index]);
    if (note === null || noteOf(runs[index + 1]) === note) return undefined;
    this.notes.push(note);
    return { number: this.notes.length, text: note };
  }

  /** The notes as paragraphs (none when there are none). */
  paragraphs(): ParagraphBlock[] {
    return this.notes.map((note, i) => ({
      type: 'paragraph',
      style: 'footnote',
      content: [{ text: '', footnote: { number: i + 1, text: note } }, { text: ` ${note}` }],
    }));
  }
}

function noteOf(run: TextRun | undefined): string | null {
  for (const mark of run?.marks ?? []) if (mark.type === 'footnote') return mark.note;
  return null;
}

/**
 * Footnotes of rich text in documents: the marker after the text the note explains (runs next to
 * each other under the same note share one marker), the notes as `footnote` paragraphs after the
 * section's text (HTML; the PDF moves each to the foot of its marker's page, pdf/footnotes.ts);
 * DOCX makes real footnotes. In a report the numbers run on through the whole document
 * (Footnotes.continuing, one count per report); a memo's text counts from 1.
 */
import type { TextRun } from '@rapportflode/domain';
import type { ParagraphBlock } from './model';

/** One count per report: keyed by the object the report's assembly shares (its Ids). */
const REPORT_COUNTS = new WeakMap<object, { count: number }>();

export class Footnotes {
  readonly notes: Array<{ number: number; text: string }> = [];

  constructor(private readonly counter: { count: number } = { count: 0 }) {}

  /** Footnotes numbered on from the last note of the same report (`report`: what its assembly shares). */
  static continuing(report: object): Footnotes {
    let counter = REPORT_COUNTS.get(report);
    if (!counter) {
      counter = { count: 0 };
      REPORT_COUNTS.set(report, counter);
    }
    return new Footnotes(counter);
  }

  /** The number of the footnote whose marker goes after `runs[index]`, if one does. */
  markerAfter(runs: readonly TextRun[], index: number): { number: number; text: string } | undefined {
    const note = noteOf(runs[index]);
    if (note === null || noteOf(runs[index + 1]) === note) return undefined;
    this.counter.count += 1;
    const footnote = { number: this.counter.count, text: note };
    this.notes.push(footnote);
    return footnote;
  }

  /** The notes as paragraphs (none when there are none). */
  paragraphs(): ParagraphBlock[] {
    return this.notes.map((note) => ({
      type: 'paragraph',
      style: 'footnote',
      content: [{ text: '', footnote: { number: note.number, text: note.text } }, { text: ` ${note.text}` }],
    }));
  }
}

function noteOf(run: TextRun | undefined): string | null {
  for (const mark of run?.marks ?? []) if (mark.type === 'footnote') return mark.note;
  return null;
}

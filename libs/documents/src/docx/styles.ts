// Page geometry, styles and list definitions of the DOCX (docx 9.15.2).
import { AlignmentType, BorderStyle, type IStylesOptions, LevelFormat, type INumberingOptions } from 'docx';

/** A4 in twentieths of a point, with 2.5 cm margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: 1417,
  header: 708,
  footer: 708,
} as const;

/** The width between the margins, for table grids and the header's right tab. */
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const FONT = 'Calibri';
/** Half-points. */
export const BODY_SIZE = 21;
export const MUTED = '595959';

export const BULLET_LIST = 'rf-bullet';
export const ORDERED_LIST = 'rf-ordered';

const BULLETS = ['\u2022', '\u2013', '\u25aa'];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

function indent(level: number) {
  return { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } };
}

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLET_LIST,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: LevelFormat.BULLET,
        text: BULLETS[level % BULLETS.length],
        alignment: AlignmentType.LEFT,
        style: indent(level),
      })),
    },
    {
      reference: ORDERED_LIST,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: ORDERED_FORMATS[level % ORDERED_FORMATS.length],
        text: level % ORDERED_FORMATS.length === 0 ? `%${level + 1}.` : `%${level + 1})`,
        alignment: AlignmentType.LEFT,
        start: 1,
        style: indent(level),
      })),
    },
  ],
};

const heading = (size: number, before: number) => ({
  run: { font: FONT, size, bold: true, color: '1F3864' },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

export const STYLES: IStylesOptions = {
  default: {
    // w:lang sv-SE in the docDefaults: Word proofs and hyphenates the text as Swedish.
    document: {
      run: { font: FONT, size: BODY_SIZE, language: { value: 'sv-SE', eastAsia: 'sv-SE', bidirectional: 'ar-SA' } },
      paragraph: { spacing: { after: 120, line: 264 } },
    },
    title: { run: { font: FONT, size: 56, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 240 } } },
    heading1: heading(32, 360),
    heading2: heading(26, 280),
    heading3: heading(23, 240),
    heading4: { ...heading(21, 200), run: { font: FONT, size: 21, bold: true, italics: true, color: '1F3864' } },
    caption: {
      run: { font: FONT, size: 19, bold: true, italics: false, color: '262626' },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
    },
  },
  paragraphStyles: [
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONT, size: 32, bold: true, color: '1F3864' },
      paragraph: { spacing: { before: 240, after: 240 } },
    },
    { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: MUTED } },
    { id: 'Lead', name: 'Lead', basedOn: 'Normal', next: 'Normal', run: { size: 24 } },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      next: 'TableText',
      paragraph: { spacing: { before: 20, after: 20, line: 240 } },
    },
    {
      id: 'RunningHeader',
      name: 'Running Header',
      basedOn: 'Normal',
      run: { size: 18, color: MUTED },
      paragraph: {
        spacing: { after: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF', space: 4 } },
      },
    },
    { id: 'RunningFooter', name: 'Running Footer', basedOn: 'Normal', run: { size: 18, color: MUTED }, paragraph: { spacing: { after: 0 } } },
  ],
};

import { PDFHexString, PDFName, type PDFArray, type PDFContext, type PDFPageLeaf, type PDFRef } from 'pdf-lib';
import { fontKeyIn, num, pageFonts, type StandardText } from './text';

/** A4 portrait, in points; the margins follow the generated documents' (22/18/20/20 mm). */
export const TOC_PAGE_SIZE: [number, number] = [595.28, 841.89];
const LEFT = 56.69;
const RIGHT = 595.28 - 51.02;
const TOP = 841.89 - 62.36;
/** The lowest baseline of an entry: the stamp 'Sida k av N' sits below. */
const BOTTOM = 70;
/** Where the titles start: the part's 'Ärende 12' label sits left of it. */
const TITLE_X = LEFT + 64;
/** Room kept at the right of the titles for the leader and the page number. */
const NUMBER_ROOM = 44;

const PART = { size: 11, leading: 14.5, before: 12 };
const DOC = { size: 10, leading: 13, before: 3 };

export interface TocEntrySource {
  level: 1 | 2;
  /** 'Ärende 3' on a part line; null on the kallelse part and on documents. */
  label: string | null;
  title: string;
  /** The document (flat index over all parts) whose first page the line points at. */
  target: number;
}

export interface TocTarget {
  pageNumber: number;
  /** The destination for the page, [page /XYZ left top null]. */
  dest: PDFArray;
}

interface PlacedEntry {
  entry: TocEntrySource;
  x: number;
  /** Baselines, top to bottom. */
  lines: { text: string; y: number }[];
  size: number;
  bold: boolean;
}

interface PlacedText {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  gray: number;
}

export interface TocFonts {
  regular: StandardText;
  bold: StandardText;
}

export interface TocHeader {
  municipality: string;
  committee: string;
  title: string;
  meetingDate: string;
}

/**
 * The table of contents ('Innehåll'), laid out before any page number is known (numbers are
 * right-aligned in a column of their own), so its page count is known before the sources are
 * copied; drawn once the pages of the package exist.
 */
export class TableOfContents {
  private readonly pages: { texts: PlacedText[]; entries: PlacedEntry[] }[] = [];

  constructor(
    private readonly fonts: TocFonts,
    header: TocHeader,
    entries: TocEntrySource[],
  ) {
    this.layout(header, entries);
  }

  get pageCount(): number {
    return this.pages.length;
  }

  private layout(header: TocHeader, entries: TocEntrySource[]): void {
    const { regular, bold } = this.fonts;
    const first: PlacedText[] = [];
    let y = TOP;
    first.push({ text: regular.printable(`${header.municipality} · ${header.committee}`), x: LEFT, y, size: 9, bold: false, gray: 0.35 });
    y -= 26;
    for (const line of bold.wrap(bold.printable(header.title), 16, RIGHT - LEFT)) {
      first.push({ text: line, x: LEFT, y, size: 16, bold: true, gray: 0 });
      y -= 20;
    }
    first.push({ text: regular.printable(`Sammanträde ${header.meetingDate}`), x: LEFT, y: y - 2, size: 10, bold: false, gray: 0.2 });
    y -= 36;
    first.push({ text: 'Innehåll', x: LEFT, y, size: 13, bold: true, gray: 0 });
    y -= 10;
    let page = { texts: first, entries: [] as PlacedEntry[] };
    this.pages.push(page);

    const newPage = () => {
      page = { texts: [{ text: 'Innehåll (forts.)', x: LEFT, y: TOP, size: 13, bold: true, gray: 0 }], entries: [] };
      this.pages.push(page);
      y = TOP - 10;
    };

    const measure = (entry: TocEntrySource) => {
      const style = entry.level === 1 ? PART : DOC;
      const font = entry.level === 1 ? bold : regular;
      const x = entry.level === 1 && entry.label === null ? LEFT : TITLE_X;
      const lines = font.wrap(font.printable(entry.title), style.size, RIGHT - NUMBER_ROOM - x);
      return { style, x, lines, height: style.before + style.leading * lines.length };
    };

    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i];
      const m = measure(entry);
      // A part line is kept together with its first document.
      const next = entry.level === 1 && entries[i + 1]?.level === 2 ? measure(entries[i + 1]).height : 0;
      const lastBaseline = y - m.height - next + (next ? DOC.leading - DOC.size : m.style.leading - m.style.size);
      if (page.entries.length > 0 && lastBaseline < BOTTOM) newPage();
      y -= m.style.before;
      const lines = m.lines.map((text) => {
        const baseline = y - m.style.size;
        y -= m.style.leading;
        return { text, y: baseline };
      });
      page.entries.push({ entry, x: m.x, lines, size: m.style.size, bold: entry.level === 1 });
    }
  }

  /** Draws page `index` of the table of contents on `page` (a fresh A4 page), with a link annotation per line. */
  draw(context: PDFContext, index: number, page: PDFPageLeaf, targetOf: (entry: TocEntrySource) => TocTarget): void {
    const { regular, bold } = this.fonts;
    const fontDict = pageFonts(context, page);
    const keys = { regular: fontKeyIn(fontDict, regular), bold: fontKeyIn(fontDict, bold) };
    const ops: string[] = [];
    const text = (t: PlacedText) => {
      const font = t.bold ? bold : regular;
      ops.push(`BT /${t.bold ? keys.bold : keys.regular} ${num(t.size)} Tf ${num(t.gray)} g 1 0 0 1 ${num(t.x)} ${num(t.y)} Tm ${font.hex(t.text)} Tj ET`);
    };
    const { texts, entries } = this.pages[index];
    texts.forEach(text);
    const annots: PDFRef[] = [];
    for (const placed of entries) {
      const { entry, size, bold: isBold } = placed;
      const target = targetOf(entry);
      const font = isBold ? bold : regular;
      if (entry.label) text({ text: font.printable(entry.label), x: LEFT, y: placed.lines[0].y, size, bold: isBold, gray: 0 });
      for (const line of placed.lines) text({ text: line.text, x: placed.x, y: line.y, size, bold: isBold, gray: 0 });
      const last = placed.lines[placed.lines.length - 1];
      const number = String(target.pageNumber);
      const numberWidth = font.width(number, size);
      text({ text: number, x: RIGHT - numberWidth, y: last.y, size, bold: isBold, gray: 0 });
      // A dot leader from the end of the title to the number (its own q/Q: Tc is graphics state).
      const from = placed.x + font.width(last.text, size) + 6;
      const to = RIGHT - numberWidth - 6;
      const step = regular.width('.', size) + LEADER_SPACING;
      const dots = Math.floor((to - from) / step);
      if (dots > 1) {
        const start = to - dots * step + LEADER_SPACING;
        ops.push(`q BT /${keys.regular} ${num(size)} Tf ${LEADER_SPACING} Tc 0.55 g 1 0 0 1 ${num(start)} ${num(last.y)} Tm ${regular.hex('.'.repeat(dots))} Tj ET Q`);
      }
      const left = (entry.label ? LEFT : placed.x) - 2;
      const spoken = `${entry.label ? `${entry.label} ` : ''}${entry.title}, sida ${target.pageNumber}`;
      annots.push(
        context.register(
          context.obj({
            Type: 'Annot',
            Subtype: 'Link',
            Rect: [round(left), round(last.y - 3.5), round(RIGHT + 2), round(placed.lines[0].y + size)],
            Border: [0, 0, 0],
            F: 4,
            Contents: PDFHexString.fromText(spoken),
            Dest: target.dest,
          }),
        ),
      );
    }
    page.set(PDFName.of('Contents'), context.register(context.flateStream(`${ops.join('\n')}\n`)));
    if (annots.length) page.set(PDFName.of('Annots'), context.obj(annots));
  }
}

const LEADER_SPACING = 2.2;
const round = (value: number) => Math.round(value * 100) / 100;

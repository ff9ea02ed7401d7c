import { PDFArray, PDFName, type PDFContext, type PDFPageLeaf, type PDFRef } from 'pdf-lib';
import { resolve } from './objects';
import { pageFrame, uprightMatrix, type PageFrame } from './frame';
import { fontKeyIn, num, pageFonts, type StandardText } from './text';

/** Distances of the stamps from the displayed page's edges, in points. */
const EDGE_RIGHT = 28;
const BASELINE_BOTTOM = 20;
const BASELINE_TOP = 26;
const PAGE_SIZE = 8;
const ITEM_SIZE = 9;

export interface StampFonts {
  regular: StandardText;
  bold: StandardText;
}

/** Appends a content stream; the page's own streams are first wrapped in q … Q so their graphics state cannot move the stamp. */
export function appendContent(context: PDFContext, page: PDFPageLeaf, stream: PDFRef): void {
  const contents = page.get(PDFName.of('Contents'));
  if (contents === undefined) {
    page.set(PDFName.of('Contents'), stream);
    return;
  }
  const own = resolve(context, contents, PDFArray);
  const parts = own ? own.asArray() : [contents];
  page.set(
    PDFName.of('Contents'),
    context.obj([context.getPushGraphicsStateContentStream(), ...parts, context.getPopGraphicsStateContentStream(), stream]),
  );
}

function textOp(font: string, size: number, matrix: number[], hex: string): string {
  return `BT /${font} ${size} Tf ${matrix.map(num).join(' ')} Tm ${hex} Tj ET`;
}

/**
 * Stamps a page, upright whatever its /Rotate and wherever its CropBox lies: `pageText`
 * ('Sida 12 av 148') at the bottom right, `itemText` ('Ärende 3') at the top right.
 */
export function stampPage(context: PDFContext, page: PDFPageLeaf, fonts: StampFonts, pageText: string, itemText: string | null): PageFrame {
  const frame = pageFrame(context, page);
  const fontDict = pageFonts(context, page);
  const ops = ['q', '0.25 g'];
  const pageLine = fonts.regular.printable(pageText);
  const pageWidth = fonts.regular.width(pageLine, PAGE_SIZE);
  ops.push(
    textOp(
      fontKeyIn(fontDict, fonts.regular),
      PAGE_SIZE,
      uprightMatrix(frame, frame.displayWidth - EDGE_RIGHT - pageWidth, BASELINE_BOTTOM),
      fonts.regular.hex(pageLine),
    ),
  );
  if (itemText) {
    const itemLine = fonts.bold.printable(itemText);
    const itemWidth = fonts.bold.width(itemLine, ITEM_SIZE);
    ops.push(
      textOp(
        fontKeyIn(fontDict, fonts.bold),
        ITEM_SIZE,
        uprightMatrix(frame, frame.displayWidth - EDGE_RIGHT - itemWidth, frame.displayHeight - BASELINE_TOP),
        fonts.bold.hex(itemLine),
      ),
    );
  }
  ops.push('Q');
  appendContent(context, page, context.register(context.stream(`${ops.join('\n')}\n`)));
  return frame;
}

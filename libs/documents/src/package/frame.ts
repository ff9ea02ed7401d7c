import { PDFArray, PDFName, PDFNumber, type PDFContext, type PDFDict, type PDFObject } from 'pdf-lib';
import { resolve } from './objects';

/**
 * A page's visible area as the viewer shows it: the CropBox (within the MediaBox) in user space
 * and the page's /Rotate, so that text can be placed upright relative to the displayed page.
 */
export interface PageFrame {
  x0: number;
  y0: number;
  /** Width and height of the visible box in user space (before rotation). */
  width: number;
  height: number;
  rotate: 0 | 90 | 180 | 270;
  /** Width and height as displayed (after rotation). */
  displayWidth: number;
  displayHeight: number;
}

type Box = [number, number, number, number];

function readBox(context: PDFContext, value: PDFObject | undefined): Box | undefined {
  const array = resolve(context, value, PDFArray);
  if (!array || array.size() < 4) return undefined;
  const n = [0, 1, 2, 3].map((i) => resolve(context, array.get(i), PDFNumber)?.asNumber());
  if (n.some((v) => v === undefined || !Number.isFinite(v))) return undefined;
  const [a, b, c, d] = n as number[];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

/** The frame of a page dictionary whose inheritable entries are its own (as after a copy). */
export function pageFrame(context: PDFContext, page: PDFDict): PageFrame {
  const media = readBox(context, page.get(PDFName.of('MediaBox'))) ?? [0, 0, 612, 792];
  const crop = readBox(context, page.get(PDFName.of('CropBox')));
  let box = media;
  if (crop) {
    const clipped: Box = [Math.max(crop[0], media[0]), Math.max(crop[1], media[1]), Math.min(crop[2], media[2]), Math.min(crop[3], media[3])];
    if (clipped[2] > clipped[0] && clipped[3] > clipped[1]) box = clipped;
  }
  const raw = resolve(context, page.get(PDFName.of('Rotate')), PDFNumber)?.asNumber() ?? 0;
  const rotate = ((((Math.round(raw / 90) * 90) % 360) + 360) % 360) as PageFrame['rotate'];
  const width = box[2] - box[0];
  const height = box[3] - box[1];
  const sideways = rotate === 90 || rotate === 270;
  return { x0: box[0], y0: box[1], width, height, rotate, displayWidth: sideways ? height : width, displayHeight: sideways ? width : height };
}

/** User-space point of the displayed point (u, v), measured from the displayed page's lower left corner. */
export function userPoint(frame: PageFrame, u: number, v: number): [number, number] {
  const { x0, y0, width, height } = frame;
  switch (frame.rotate) {
    case 90:
      return [x0 + width - v, y0 + u];
    case 180:
      return [x0 + width - u, y0 + height - v];
    case 270:
      return [x0 + v, y0 + height - u];
    default:
      return [x0 + u, y0 + v];
  }
}

/** The matrix (a b c d e f) that puts an upright text origin at the displayed point (u, v). */
export function uprightMatrix(frame: PageFrame, u: number, v: number): [number, number, number, number, number, number] {
  const [e, f] = userPoint(frame, u, v);
  switch (frame.rotate) {
    case 90:
      return [0, 1, -1, 0, e, f];
    case 180:
      return [-1, 0, 0, -1, e, f];
    case 270:
      return [0, -1, 1, 0, e, f];
    default:
      return [1, 0, 0, 1, e, f];
  }
}

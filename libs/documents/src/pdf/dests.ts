import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

export interface PdfFacts {
  pages: number;
  /** Page number (1-based) of each named destination, by name. */
  dests: Record<string, number>;
}

/** The page count and the named destinations (`/Dests` of the catalog) of a Chromium PDF. */
export async function readPdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const dests: Record<string, number> = {};
  const dict = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dict) {
    for (const [key, value] of dict.entries()) {
      const array = value instanceof PDFArray ? value : value instanceof PDFRef ? doc.context.lookupMaybe(value, PDFArray) : undefined;
      const target = array?.get(0);
      const page = target ? pageIndex.get(target.toString()) : undefined;
      if (page !== undefined) dests[decodeURIComponent(key.decodeText())] = page;
    }
  }
  return { pages: doc.getPageCount(), dests };
}

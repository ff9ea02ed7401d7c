import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, StandardFonts } from 'pdf-lib';
import { stampPage } from '../package/stamp';
import { StandardText } from '../package/text';

/** An uploaded bilaga to append: its bookmark's title ('Bilaga 3 Revisionsrapport') and its PDF. */
export interface AttachedPdf {
  title: string;
  pdf: Uint8Array;
}

/**
 * Appends the bilagor's pages after the report's own, each with a top-level bookmark to its first
 * page after the report's bookmarks, and numbers them as the report's footer does (`7(9)`, stamped
 * as the meeting package stamps its pages: package/stamp.ts). The report keeps its catalog (tags, outline, /Lang); a copied
 * page loses /StructParents (and its annotations /StructParent), which would point into the
 * report's structure tree. The bilagor were checked before they were stored
 * (backend/src/modules/meetings/attachment-check.ts).
 */
export async function appendAttachedPdfs(report: Uint8Array, attached: readonly AttachedPdf[]): Promise<Uint8Array> {
  if (attached.length === 0) return report;
  const doc = await PDFDocument.load(report, { updateMetadata: false });
  const { context, catalog } = doc;
  const reportPages = doc.getPageCount();
  let outlinesRef = catalog.get(PDFName.of('Outlines'));
  let outlines = outlinesRef instanceof PDFRef ? context.lookupMaybe(outlinesRef, PDFDict) : undefined;
  if (!(outlinesRef instanceof PDFRef) || !outlines) {
    outlines = context.obj({ Type: 'Outlines' });
    outlinesRef = context.register(outlines);
    catalog.set(PDFName.of('Outlines'), outlinesRef);
  }
  const outlineDict = outlines;
  let last = outlineDict.get(PDFName.of('Last'));
  let added = 0;
  for (const part of attached) {
    const source = await PDFDocument.load(part.pdf, { updateMetadata: false });
    const pages = await doc.copyPages(source, source.getPageIndices());
    for (const page of pages) {
      page.node.delete(PDFName.of('StructParents'));
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (const annot of annots?.asArray() ?? []) context.lookupMaybe(annot, PDFDict)?.delete(PDFName.of('StructParent'));
      doc.addPage(page);
    }
    const itemRef = context.nextRef();
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(part.title));
    item.set(PDFName.of('Parent'), outlinesRef);
    item.set(PDFName.of('Dest'), context.obj([pages[0].ref, PDFName.of('Fit')]));
    if (last instanceof PDFRef) {
      item.set(PDFName.of('Prev'), last);
      context.lookupMaybe(last, PDFDict)?.set(PDFName.of('Next'), itemRef);
    } else {
      outlineDict.set(PDFName.of('First'), itemRef);
    }
    context.assign(itemRef, item);
    outlineDict.set(PDFName.of('Last'), itemRef);
    last = itemRef;
    added += 1;
  }
  const total = doc.getPageCount();
  const fonts = { regular: new StandardText(doc.embedStandardFont(StandardFonts.Helvetica), 'RfHelv'), bold: new StandardText(doc.embedStandardFont(StandardFonts.HelveticaBold), 'RfHelvB') };
  doc.getPages().slice(reportPages).forEach((page, i) => stampPage(context, page.node, fonts, `${reportPages + i + 1}(${total})`, null));
  const count = outlineDict.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0;
  // A closed outline root counts negatively; the report's is open (all its items shown).
  outlineDict.set(PDFName.of('Count'), PDFNumber.of(count >= 0 ? count + added : count - added));
  return doc.save();
}

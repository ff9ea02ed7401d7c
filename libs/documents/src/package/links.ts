import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFContext, type PDFDocument, type PDFObject, type PDFObjectCopier, type PDFPageLeaf } from 'pdf-lib';
import { resolve } from './objects';

/** The key of a named destination, whether given as a name (/Dests) or a string (the /Names /Dests tree). */
function destKey(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFName) return value.decodeText();
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

/** The named destinations of a source: /Dests in the catalog (PDF 1.1, as Chromium writes it) and the /Names /Dests name tree. */
export function namedDestinations(source: PDFDocument): Map<string, PDFObject> {
  const context = source.context;
  const found = new Map<string, PDFObject>();
  const dests = resolve(context, source.catalog.get(PDFName.of('Dests')), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) found.set(key.decodeText(), value);
  const names = resolve(context, source.catalog.get(PDFName.of('Names')), PDFDict);
  const tree = resolve(context, names?.get(PDFName.of('Dests')), PDFDict);
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict | undefined) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const pairs = resolve(context, node.get(PDFName.of('Names')), PDFArray);
    if (pairs) {
      for (let i = 0; i + 1 < pairs.size(); i += 2) {
        const key = destKey(context.lookup(pairs.get(i)));
        if (key !== undefined && !found.has(key)) found.set(key, pairs.get(i + 1));
      }
    }
    const kids = resolve(context, node.get(PDFName.of('Kids')), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i += 1) walk(resolve(context, kids.get(i), PDFDict));
  };
  walk(tree);
  return found;
}

/** The explicit destination array of a named destination's value: the array itself, or the /D of a dictionary. */
function explicitDest(context: PDFContext, value: PDFObject | undefined): PDFArray | undefined {
  const direct = resolve(context, value, PDFArray);
  if (direct) return direct;
  const dict = resolve(context, value, PDFDict);
  return dict ? resolve(context, dict.get(PDFName.of('D')), PDFArray) : undefined;
}

/**
 * Fixes up the annotations of a page just copied from `source`: a link to a named destination
 * (which lives in the source's catalog, not copied) is given the explicit destination instead,
 * copied with the same copier so that it points at the package's copy of the page. Links with
 * explicit destinations need nothing (the copier maps their page references). The marks of the
 * source's tag structure (/StructParents, /StructParent, /Tabs /S) are removed: the structure
 * tree is not copied.
 */
export function fixCopiedPage(
  out: PDFContext,
  page: PDFPageLeaf,
  source: PDFDocument,
  copier: PDFObjectCopier,
  destinations: () => Map<string, PDFObject>,
): void {
  page.delete(PDFName.of('StructParents'));
  if (page.get(PDFName.of('Tabs')) === PDFName.of('S')) page.delete(PDFName.of('Tabs'));
  const annots = resolve(out, page.get(PDFName.of('Annots')), PDFArray);
  if (!annots) return;
  for (let i = 0; i < annots.size(); i += 1) {
    const annot = resolve(out, annots.get(i), PDFDict);
    if (!annot) continue;
    annot.delete(PDFName.of('StructParent'));
    if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
    const action = resolve(out, annot.get(PDFName.of('A')), PDFDict);
    const [holder, key] =
      action && action.get(PDFName.of('S')) === PDFName.of('GoTo') ? [action, PDFName.of('D')] : [annot, PDFName.of('Dest')];
    const name = destKey(out.lookup(holder.get(key)));
    if (name === undefined) continue;
    const target = explicitDest(source.context, destinations().get(name));
    if (target) holder.set(key, copier.copy(target));
  }
}

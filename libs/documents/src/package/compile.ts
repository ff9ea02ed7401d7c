/// <reference types="node" />
import { createHash } from 'node:crypto';
import {
  EncryptedPDFError,
  ParseSpeeds,
  PDFArray,
  PDFDocument,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  StandardFonts,
  type PDFObject,
} from 'pdf-lib';
import { pageFrame, userPoint, type PageFrame } from './frame';
import { fixCopiedPage, namedDestinations } from './links';
import { folderName, safePdfName, UniqueNames } from './names';
import { writeOutline, writePageLabels, type OutlineNode } from './outline';
import { stampPage } from './stamp';
import { StandardText } from './text';
import { TableOfContents, TOC_PAGE_SIZE, type TocEntrySource } from './toc';
import type { CompiledPackage, ManifestEntry, PackageDocument, PackageInput, PackagePart } from './types';

const PRODUCER = 'Rapportflöde';

/** The bytes as a Uint8Array of this realm (a Buffer, or a view made elsewhere, without copying). */
export const bytesOf = (view: Uint8Array): Uint8Array => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function fail(message: string, cause?: unknown): never {
  throw new Error(`Handlingarna kan inte sammanställas: ${message}`, cause === undefined ? undefined : { cause });
}

/** 'ärende 2 "Åtgärdsplan för äldreomsorgen"' or '"Kallelse och föredragningslista"'. */
function partName(part: PackagePart): string {
  return part.itemNumber === null ? `"${part.title}"` : `ärende ${part.itemNumber} "${part.title}"`;
}

function documentName(part: PackagePart, doc: PackageDocument): string {
  return `dokumentet "${doc.title}" i ${partName(part)}`;
}

/** The meeting date as 'YYYY-MM-DD' (a timestamp is cut to its date). */
function meetingDay(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value ?? '');
  const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : null;
  if (!day || !date || date.getUTCMonth() !== Number(day[2]) - 1 || date.getUTCDate() !== Number(day[3])) {
    fail(`sammanträdesdagen "${value}" är inte ett datum (ÅÅÅÅ-MM-DD).`);
  }
  return `${day[1]}-${day[2]}-${day[3]}`;
}

function validate(input: PackageInput): void {
  if (!input || !Array.isArray(input.parts) || input.parts.length === 0) fail('paketet har inga delar (varken kallelse eller ärenden).');
  if (!input.title?.trim()) fail('paketet saknar titel.');
  if (!input.committee?.trim()) fail('nämnden saknas.');
  for (const part of input.parts) {
    if (part.itemNumber !== null && !(Number.isInteger(part.itemNumber) && part.itemNumber > 0)) {
      fail(`ärendenumret ${String(part.itemNumber)} för "${part.title}" är inte ett positivt heltal.`);
    }
    if (!part.title?.trim()) fail(`${part.itemNumber === null ? 'kallelsedelen' : `ärende ${part.itemNumber}`} saknar titel.`);
    if (!Array.isArray(part.documents) || part.documents.length === 0) fail(`${partName(part)} har inga dokument.`);
    for (const doc of part.documents) if (!doc.title?.trim()) fail(`ett dokument i ${partName(part)} saknar titel.`);
  }
}

/** '%PDF-' within the first kilobyte, as readers accept it. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.indexOf('%PDF-', 0, 'latin1') >= 0;
}

/**
 * An /Encrypt entry in a trailer (or cross-reference stream) dictionary: those are never
 * compressed. Asked only once loading has failed (pdf-lib refuses encrypted files, and its error
 * class does not survive its ES5 build for instanceof).
 */
function isEncrypted(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('/Encrypt', 0, 'latin1') >= 0;
}

interface Source {
  part: PackagePart;
  doc: PackageDocument;
  pdf: PDFDocument;
  pages: number;
  file: string;
  sha256: string;
}

async function loadSource(part: PackagePart, doc: PackageDocument): Promise<Omit<Source, 'file'>> {
  const what = documentName(part, doc);
  if (!ArrayBuffer.isView(doc.pdf) || doc.pdf.byteLength === 0) fail(`${what} är tomt.`);
  const bytes = bytesOf(doc.pdf);
  if (!looksLikePdf(bytes)) fail(`${what} är inte en PDF-fil.`);
  let pdf: PDFDocument;
  let pages: number;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    pages = pdf.getPageCount();
  } catch (error) {
    if (error instanceof EncryptedPDFError || isEncrypted(bytes)) fail(`${what} är krypterat (lösenordsskyddat) och kan inte tas med.`, error);
    fail(`${what} kan inte läsas som PDF (${error instanceof Error ? error.message : String(error)}).`, error);
  }
  if (pages === 0) fail(`${what} har inga sidor.`);
  return { part, doc, pdf, pages, sha256: sha256(bytes) };
}

/** ZIP paths: a folder per part ('00 …' for the kallelse, '03 …' for ärende 3), unique safe file names in each. */
function zipPaths(parts: PackagePart[]): string[][] {
  const highest = Math.max(0, ...parts.map((p) => p.itemNumber ?? 0));
  const digits = Math.max(2, String(highest).length);
  const folders = new UniqueNames();
  return parts.map((part) => {
    const folder = folders.claim(folderName(part.itemNumber, part.title, digits));
    const files = new UniqueNames();
    return part.documents.map((doc) => `${folder}/${files.claim(safePdfName(doc.fileName ?? '', doc.title))}`);
  });
}

const itemLabel = (part: PackagePart): string | null => (part.itemNumber === null ? null : `Ärende ${part.itemNumber}`);

/** The part's level-1 title: 'Ärende 2 Åtgärdsplan för äldreomsorgen', or the kallelse part's own title. */
export const partTitle = (part: PackagePart): string => (part.itemNumber === null ? part.title : `Ärende ${part.itemNumber} ${part.title}`);

/** [page /XYZ left top null]: the displayed page's top left corner, the zoom unchanged. */
function destination(doc: PDFDocument, ref: PDFRef, frame: PageFrame): PDFArray {
  const [left, top] = userPoint(frame, 0, frame.displayHeight);
  return doc.context.obj([ref, PDFName.of('XYZ'), PDFNumber.of(left), PDFNumber.of(top), PDFNull]);
}

/** See package.ts. */
export async function compilePackage(input: PackageInput): Promise<CompiledPackage> {
  validate(input);
  const meetingDate = meetingDay(input.meetingDate);
  const generatedAt = input.generatedAt ?? new Date();
  const paths = zipPaths(input.parts);
  const sources: Source[] = [];
  for (const [p, part] of input.parts.entries()) {
    for (const [d, doc] of part.documents.entries()) sources.push({ ...(await loadSource(part, doc)), file: paths[p][d] });
  }

  const out = await PDFDocument.create({ updateMetadata: false });
  const context = out.context;
  const fonts = {
    regular: new StandardText(out.embedStandardFont(StandardFonts.Helvetica), 'RfHelv'),
    bold: new StandardText(out.embedStandardFont(StandardFonts.HelveticaBold), 'RfHelvB'),
  };

  const entries: TocEntrySource[] = [];
  let flat = 0;
  for (const part of input.parts) {
    entries.push({ level: 1, label: itemLabel(part), title: part.title, target: flat });
    for (const doc of part.documents) entries.push({ level: 2, label: null, title: doc.title, target: flat++ });
  }
  const toc = new TableOfContents(fonts, { municipality: input.municipality ?? '', committee: input.committee, title: input.title, meetingDate }, entries);
  const tocPages = Array.from({ length: toc.pageCount }, () => out.addPage(TOC_PAGE_SIZE));

  // Every source's pages, copied through one copier per source from their references, so that
  // a reference to a page (a link's destination, an annotation's /P) lands on the package's copy.
  const firstPages: { ref: PDFRef; frame: PageFrame; number: number }[] = [];
  const itemOfPage: (string | null)[] = tocPages.map(() => null);
  const added = new Set<PDFRef>();
  for (const source of sources) {
    const copier = PDFObjectCopier.for(source.pdf.context, context);
    let dests: Map<string, PDFObject> | undefined;
    const destinations = () => (dests ??= namedDestinations(source.pdf));
    source.pdf.getPages().forEach((page, i) => {
      let ref = copier.copy(page.ref) as PDFRef;
      const copied = context.lookup(ref);
      if (!(copied instanceof PDFPageLeaf)) fail(`${documentName(source.part, source.doc)}: sida ${i + 1} kunde inte kopieras.`);
      let leaf = copied;
      if (added.has(ref)) {
        // The same page object twice in a source's page tree: the second gets a copy of its own.
        leaf = leaf.clone();
        ref = context.register(leaf);
      }
      added.add(ref);
      fixCopiedPage(context, leaf, source.pdf, copier, destinations);
      out.addPage(PDFPage.of(leaf, ref, out));
      itemOfPage.push(itemLabel(source.part));
      if (i === 0) firstPages.push({ ref, frame: pageFrame(context, leaf), number: out.getPageCount() });
    });
  }
  const pageCount = out.getPageCount();

  const destOf = (index: number) => () => destination(out, firstPages[index].ref, firstPages[index].frame);
  tocPages.forEach((page, i) =>
    toc.draw(context, i, page.node, (entry) => ({ pageNumber: firstPages[entry.target].number, dest: destOf(entry.target)() })),
  );

  const outline: OutlineNode[] = [];
  flat = 0;
  for (const part of input.parts) {
    const first = flat;
    const children = part.documents.map((doc) => ({ title: doc.title, dest: destOf(flat++), children: [] }));
    outline.push({ title: partTitle(part), dest: destOf(first), children });
  }
  writeOutline(context, out.catalog, outline);
  // The printed number is the page's place in the package, the table of contents included: one decimal range.
  writePageLabels(context, out.catalog, [{ start: 0, first: 1 }]);

  out.getPages().forEach((page, i) => stampPage(context, page.node, fonts, `Sida ${i + 1} av ${pageCount}`, itemOfPage[i]));

  out.setTitle(input.title, { showInWindowTitleBar: true });
  out.setAuthor(input.committee);
  out.setSubject(`${input.committee}${input.municipality ? `, ${input.municipality}` : ''}: sammanträde ${meetingDate}`);
  out.setLanguage('sv-SE');
  out.setProducer(PRODUCER);
  out.setCreator(PRODUCER);
  out.setCreationDate(generatedAt);
  out.setModificationDate(generatedAt);

  // Without object streams: measured on the benchmark's 400 pages, they cost ~10 ms more (of ~80 ms
  // CPU) for an 18 % smaller file. objectsPerTick Infinity: no timer waits between objects (50, the
  // default, adds ~100 ms of waiting and no work).
  const pdf = await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });

  const manifest: ManifestEntry[] = sources.map((source, i) => ({
    itemNumber: source.part.itemNumber,
    itemTitle: source.part.title,
    document: source.doc.title,
    file: source.file,
    pages: source.pages,
    firstPage: firstPages[i].number,
    sha256: source.sha256,
  }));
  return { pdf, pageCount, tocPages: tocPages.length, manifest, sha256: sha256(pdf), meetingDate, fileName: `Handlingar-${meetingDate}.pdf`, generatedAt: generatedAt.toISOString() };
}

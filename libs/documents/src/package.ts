/// <reference types="node" />
// Nämndhandlingar entry point (pdf-lib and fflate; server only): the documents of a meeting
// compiled into one PDF, and a ZIP of the originals with that PDF and a manifest.
//
//   compilePackage(input: PackageInput): Promise<CompiledPackage>
//     input: { committee, municipality, meetingDate ('YYYY-MM-DD'), title, parts, generatedAt? }
//     parts: PackagePart[] = { itemNumber: number | null, title, documents: PackageDocument[] }
//       itemNumber null is the kallelse/föredragningslista part (first), 1…n the ärenden
//     documents: { title, fileName, pdf: Uint8Array } (a Buffer will do)
//     → { pdf, pageCount, tocPages, manifest: ManifestEntry[], sha256, meetingDate, fileName, generatedAt }
//     ManifestEntry: { itemNumber, itemTitle, document, file (its path in the ZIP), pages,
//       firstPage (in the merged PDF, 1-based), sha256 (of the original bytes) }
//   zipPackage(input, compiled): Uint8Array
//     '00 Kallelse och föredragningslista/kallelse.pdf', '01 Delårsrapport 2026 för socialnämnden/
//     tjansteskrivelse.pdf' … (each original byte for byte, stored: a generated tagged PDF stays
//     tagged), 'Handlingar-<date>.pdf' (the merged PDF) and 'manifest.json' (PackageManifest: the
//     entries, the package's file, pages and sha256, committee, municipality, meeting date, generated
//     at). Names keep å ä ö (the ZIP flags them UTF-8), lose what Windows or macOS refuse, and are
//     made unique case-insensitively ('bilaga.pdf', 'bilaga (2).pdf'). It refuses documents whose
//     bytes are not the ones compiled.
//   Bad input fails with an Error whose message names the part or document ('Handlingarna kan inte
//   sammanställas: dokumentet "Bilaga 2" i ärende 3 "Internkontrollplan 2027" är inte en PDF-fil.'):
//   no parts, a part without documents, an empty, non-PDF, unreadable, encrypted or page-less source,
//   a meeting date that is not a date.
//   The same input with the same generatedAt gives the same bytes.
//
// The merged PDF:
//   - pages: the table of contents ('Innehåll', A4, as many pages as it needs), then every part in
//     order with its documents in order. Each line of the contents (part, document) carries its
//     page number and is a /Link annotation with /Dest [page /XYZ left top null] to that page.
//   - outlines: level 1 the parts ('Kallelse och föredragningslista', 'Ärende 2 Åtgärdsplan för
//     äldreomsorgen'), level 2 their documents, each to its first page; titles are UTF-16 hex
//     strings, all items open; /PageMode /UseOutlines.
//   - numbering: a page's number is its place in the package, the contents included (the contents
//     page is 1). Every page, the contents too, is stamped 'Sida k av N' at the bottom right and,
//     on an ärende's pages, 'Ärende n' at the top right (Helvetica 8 pt / Helvetica-Bold 9 pt, each
//     embedded once), upright on the displayed page whatever its size, /Rotate or CropBox offset; the
//     page's own content is wrapped in q … Q first. /PageLabels is one decimal range from the first
//     page, so a viewer's page label, the stamp and the contents' numbers are the same number.
//   - metadata: /Title (the package title, shown in the title bar), /Author (the committee),
//     /Subject, /Producer and /Creator 'Rapportflöde', dates = generatedAt, catalog /Lang sv-SE.
//   Measured on a renderPdf tjänsteskrivelse (tagged, 13 pages) and a pdf-lib form, merged and read
//   back with pdftotext, pdfinfo and qpdf, the merged PDF keeps: every page's content (pdftotext
//   gives the same text for 13 pages of 13, besides the stamps), fonts and images, page sizes,
//   boxes and rotation, and the annotations: URI links as they are, and the documents' internal
//   links (Chromium writes them to named destinations, which live in the source's catalog) turned
//   into explicit destinations to the package's copy of the page (23 of 23). It loses what lives in
//   a source's catalog: the tag structure (pdfinfo 'Tagged: yes' becomes 'no'; /StructParents and
//   /StructParent are removed as they would point nowhere), the document's own bookmarks, named
//   destinations, page labels and /Lang, form fields (a widget is copied with its appearance, so
//   the filled value still shows and prints, but there is no /AcroForm: it is not a field any
//   more), embedded files (attachments: pdfdetach lists none); and, as the catalog is not copied,
//   optional-content settings, document JavaScript and open actions. The ZIP keeps the originals
//   for all that.
//   Speed (test/bench/package.bench.ts, BENCHMARKS.md): 20 ärenden, 400 pages in about 0.2 s with
//   pdf-lib sources and about 0.75 s with rendered tagged tjänsteskrivelser (pdf-lib parsing their
//   structure trees is most of it), against a target of 2 s. The work is synchronous CPU: run it
//   where blocking the event loop for that long is acceptable (the worker).
export { compilePackage } from './package/compile';
export { MANIFEST_FILE, zipPackage, type PackageManifest } from './package/zip';
export type { CompiledPackage, ManifestEntry, PackageDocument, PackageInput, PackagePart } from './package/types';

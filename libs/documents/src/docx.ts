// DOCX renderer entry point (docx package): server only.
import { Packer } from 'docx';
import { buildDocxDocument } from './docx/document';
import type { DocumentModel } from './lib/model';

/**
 * The document as a Word file (A4, sv-SE, Word's own Heading 1–4 styles with the numbers in the text,
 * a TOC field Word fills in on update, header rows repeated on every page). Charts are given as their
 * data tables: DOCX cannot show our SVG reliably.
 */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  return Packer.toBuffer(buildDocxDocument(model));
}

export { buildDocxDocument } from './docx/document';

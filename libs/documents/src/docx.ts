// DOCX renderer entry point (docx package): server only.
import type { DocumentModel } from './lib/model';

/** The document as a Word file. To be implemented. */
export async function renderDocx(_model: DocumentModel): Promise<Buffer> {
  throw new Error('renderDocx is not implemented yet');
}

// PDF renderer entry point (playwright-core driving Chromium): server only.
import type { DocumentModel } from './lib/model';

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
  /** The page each heading (and appendix) landed on, by id. */
  headingPages: Record<string, number>;
}

/**
 * The document as a tagged A4 PDF, printed by Chromium from renderHtml(model, { target: 'print' }).
 * `browser` is a playwright-core Browser the caller keeps warm. To be implemented.
 */
export async function renderPdf(_model: DocumentModel, _browser: unknown): Promise<RenderedPdf> {
  throw new Error('renderPdf is not implemented yet');
}

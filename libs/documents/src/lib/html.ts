import type { DocumentModel } from './model';

export interface HtmlOptions {
  /**
   * 'preview': the in-app preview (a complete HTML page shown in a sandboxed iframe);
   * 'standalone': the accessible HTML file to download; 'print': the page Chromium prints to PDF
   * (print CSS: A4, running header, `page(total)` footer, fixed TOC lines with number slots).
   */
  target: 'preview' | 'standalone' | 'print';
  /** TOC page numbers by heading id, filled in by the PDF renderer's second pass. */
  tocPages?: Readonly<Record<string, number>>;
}

/** The whole document as one HTML page (escaped text, lang="sv-SE"). To be implemented. */
export function renderHtml(_model: DocumentModel, _options: HtmlOptions): string {
  throw new Error('renderHtml is not implemented yet');
}

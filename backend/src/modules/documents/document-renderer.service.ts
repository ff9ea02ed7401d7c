import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { renderHtml, type DocumentModel } from '@rapportflode/documents';
import { renderDocx } from '@rapportflode/documents/docx';
import { PdfBrowser, renderPdf, sourceSansFontCss } from '@rapportflode/documents/pdf';
import { DomainError } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config.service';

/** PDF renders at a time: each holds a Chromium page; more wait their turn. */
export const MAX_CONCURRENT_PDF = 2;

/**
 * Every rendering of a DocumentModel (the report and the tjänsteskrivelse) behind one provider:
 * HTML (the preview, and the standalone file with the PDF's fonts inlined), DOCX, and PDF with
 * one warm Chromium for the whole process (closed when the application stops) and at most
 * MAX_CONCURRENT_PDF renders at once. A PDF that cannot be printed (Chromium missing or crashed)
 * is a 503 with a Swedish message; the other formats still work.
 */
@Injectable()
export class DocumentRenderer implements OnModuleDestroy {
  private readonly logger = new Logger('Documents');
  private readonly browser: PdfBrowser;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private fontCss: string | null = null;

  constructor(config: AppConfig) {
    this.browser = new PdfBrowser({ executablePath: config.get('CHROMIUM_PATH') });
  }

  html(model: DocumentModel, target: 'preview' | 'standalone'): string {
    if (target === 'preview') return renderHtml(model, { target });
    this.fontCss ??= sourceSansFontCss();
    return renderHtml(model, { target, fontCss: this.fontCss });
  }

  /** `attachments`: an uploaded bilaga's PDF by file id, appended after the report's pages (renderPdf). */
  async pdf(model: DocumentModel, attachments?: ReadonlyMap<string, Uint8Array>): Promise<Buffer> {
    await this.acquire();
    try {
      const rendered = await renderPdf(model, await this.browser.browser(), attachments);
      return rendered.pdf;
    } catch (error) {
      this.logger.error(`PDF not rendered: ${(error as Error).message}`);
      throw new DomainError(
        'pdf_unavailable',
        'PDF-filen kunde inte skapas just nu. Försök igen om en stund, eller hämta dokumentet som Word eller HTML.',
      );
    } finally {
      this.release();
    }
  }

  docx(model: DocumentModel): Promise<Buffer> {
    return renderDocx(model);
  }

  async onModuleDestroy(): Promise<void> {
    await this.browser.close();
  }

  private acquire(): Promise<void> {
    if (this.running < MAX_CONCURRENT_PDF) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes on
    else this.running -= 1;
  }
}

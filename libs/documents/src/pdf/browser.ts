import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export interface PdfBrowserOptions {
  /** Default: CHROMIUM_PATH, else /usr/bin/chromium. */
  executablePath?: string;
  args?: string[];
}

/**
 * One warm Chromium for PDF rendering: launched on first use, reused, launched again after it
 * disconnects (crash or kill). The backend wraps it in a provider and closes it on shutdown.
 */
export class PdfBrowser {
  private launching: Promise<Browser> | null = null;

  constructor(private readonly options: PdfBrowserOptions = {}) {}

  browser(): Promise<Browser> {
    if (!this.launching) {
      const launching = chromium.launch({
        executablePath: this.options.executablePath ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        args: this.options.args ?? ['--no-sandbox'],
      });
      this.launching = launching;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.launching === launching) this.launching = null;
          }),
        () => {
          if (this.launching === launching) this.launching = null;
        },
      );
    }
    return this.launching;
  }

  async close(): Promise<void> {
    const launching = this.launching;
    this.launching = null;
    if (!launching) return;
    try {
      await (await launching).close();
    } catch {
      // a browser that failed to launch or already died has nothing to close
    }
  }
}

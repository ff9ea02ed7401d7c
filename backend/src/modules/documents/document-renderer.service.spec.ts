import type { DocumentModel } from '@rapportflode/documents';
import { DocumentRenderer, MAX_CONCURRENT_PDF } from './document-renderer.service';
import type { AppConfig } from '../../config/app-config.service';

const launched = { count: 0, closed: 0 };
let active = 0;
let peak = 0;
const finishers: Array<() => void> = [];

jest.mock('@rapportflode/documents/pdf', () => ({
  PdfBrowser: class {
    browser() {
      launched.count += 1;
      return Promise.resolve({});
    }
    close() {
      launched.closed += 1;
      return Promise.resolve();
    }
  },
  renderPdf: () => {
    active += 1;
    peak = Math.max(peak, active);
    return new Promise((resolve) =>
      finishers.push(() => {
        active -= 1;
        resolve({ pdf: Buffer.from('%PDF-'), pages: 1, headingPages: {} });
      }),
    );
  },
}));
jest.mock('@rapportflode/documents/docx', () => ({ renderDocx: () => Promise.resolve(Buffer.from('PK')) }));

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('DocumentRenderer', () => {
  it('renders at most two PDFs at a time, lets the rest wait their turn, and closes the browser on shutdown', async () => {
    const renderer = new DocumentRenderer({ get: () => '/usr/bin/chromium' } as unknown as AppConfig);
    const model = {} as DocumentModel;
    const all = Promise.all(Array.from({ length: 5 }, () => renderer.pdf(model)));
    await flush();
    expect(active).toBe(MAX_CONCURRENT_PDF);
    while (finishers.length) {
      finishers.shift()?.();
      await flush();
    }
    const pdfs = await all;
    expect(pdfs).toHaveLength(5);
    expect(peak).toBe(2);
    expect(active).toBe(0);
    await renderer.onModuleDestroy();
    expect(launched.closed).toBe(1);
  });
});

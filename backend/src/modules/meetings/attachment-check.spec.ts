import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_PAGES } from '@rapportflode/domain';
import { PDFArray, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { DomainError } from '../../common/domain-error';
import { checkAttachmentPdf } from './attachment-check';

async function makePdf(
  options: { pages?: number; title?: string; build?: (doc: PDFDocument) => void | Promise<void>; objectStreams?: boolean } = {},
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  if (options.title) doc.setTitle(options.title);
  for (let i = 0; i < (options.pages ?? 2); i += 1) {
    doc.addPage([595, 842]).drawText(`Bilaga till nämndens protokoll, sida ${i + 1}`, { x: 50, y: 780, size: 12, font });
  }
  await options.build?.(doc);
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? false, addDefaultPage: false }));
}

function setOpenAction(doc: PDFDocument, action: Record<string, unknown>): void {
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj(action as never));
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

function messageOf(error: DomainError): string {
  return (error.getResponse() as { message: string }).message;
}

function detailsOf(error: DomainError): string[] {
  return (error.getResponse() as { details?: string[] }).details ?? [];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rf-attachment-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** qpdf's --encrypt (exit code 3 means warnings only). */
function encrypt(pdf: Buffer, userPassword: string, extra: string[] = []): Buffer {
  const input = join(dir, `in-${randomBytes(4).toString('hex')}.pdf`);
  const output = `${input}.encrypted.pdf`;
  writeFileSync(input, pdf);
  try {
    execFileSync('qpdf', [...extra, '--encrypt', userPassword, 'owner-password', '256', '--', input, output], { stdio: 'pipe' });
  } catch (error) {
    if ((error as { status?: number }).status !== 3) throw error;
  }
  return readFileSync(output);
}

describe('checkAttachmentPdf', () => {
  it('accepts a valid PDF and gives its pages, SHA-256 and title', async () => {
    const pdf = await makePdf({ pages: 3, title: '  Revisionsrapport 2026 — granskning av äldrenämnden ' });
    const checked = await checkAttachmentPdf(pdf, 'revision.pdf');
    expect(checked).toEqual({
      pages: 3,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      title: 'Revisionsrapport 2026 — granskning av äldrenämnden',
    });
  });

  it('gives null for the title when the document has none, also with object streams', async () => {
    const checked = await checkAttachmentPdf(await makePdf({ pages: 1, objectStreams: true }), 'a.pdf');
    expect(checked.pages).toBe(1);
    expect(checked.title).toBeNull();
  });

  it('uses the limits of the domain by default', async () => {
    expect(ATTACHMENT_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(ATTACHMENT_MAX_PAGES).toBe(500);
    const pdf = await makePdf({ pages: ATTACHMENT_MAX_PAGES });
    expect((await checkAttachmentPdf(pdf, 'full.pdf')).pages).toBe(500);
    const over = await makePdf({ pages: ATTACHMENT_MAX_PAGES + 1 });
    expect((await failure(checkAttachmentPdf(over, 'over.pdf'))).code).toBe('attachment_too_many_pages');
  });

  it('accepts a PDF that qpdf rewrote with object streams and a cross-reference stream', async () => {
    const input = join(dir, 'plain.pdf');
    const output = join(dir, 'qpdf-objstm.pdf');
    writeFileSync(input, await makePdf({ pages: 4, title: 'Delårsrapport' }));
    execFileSync('qpdf', ['--object-streams=generate', input, output]);
    const checked = await checkAttachmentPdf(readFileSync(output), 'qpdf.pdf');
    expect(checked).toMatchObject({ pages: 4, title: 'Delårsrapport' });
  });

  it('accepts a header after a short prefix, as viewers do', async () => {
    const pdf = Buffer.concat([Buffer.alloc(200, 0x20), await makePdf({ pages: 1 })]);
    expect((await checkAttachmentPdf(pdf, 'prefix.pdf')).pages).toBe(1);
  });

  describe('a file that is not a PDF', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00', 'latin1'),
      randomBytes(300),
    ]);
    const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), randomBytes(300)]);

    it.each([
      ['a PNG', png],
      ['a ZIP', zip],
      ['an empty file', Buffer.alloc(0)],
      ['text mentioning %PDF- too late', Buffer.concat([Buffer.alloc(1100, 0x41), Buffer.from('%PDF-1.7\n')])],
    ])('refuses %s named .pdf', async (_label, bytes) => {
      const error = await failure(checkAttachmentPdf(bytes, 'protokoll.pdf'));
      expect(error.code).toBe('attachment_not_pdf');
      expect(error.getStatus()).toBe(415);
      expect(messageOf(error)).toBe('Filen «protokoll.pdf» är ingen PDF. Bilagor laddas upp som PDF.');
    });

    it('accepts a PDF whatever its name', async () => {
      expect((await checkAttachmentPdf(await makePdf({ pages: 1 }), 'skannad.png')).pages).toBe(1);
    });
  });

  it('refuses a file over the size limit, naming the limit in MB', async () => {
    const pdf = await makePdf({ pages: 1 });
    const padded = (bytes: number) => Buffer.concat([pdf, Buffer.alloc(bytes - pdf.length, 0x0a)]);
    const error = await failure(checkAttachmentPdf(padded(3.3 * 1024 * 1024), 'stor.pdf', { maxBytes: 2 * 1024 * 1024, maxPages: 10 }));
    expect(error.code).toBe('attachment_too_large');
    expect(error.getStatus()).toBe(413);
    expect(messageOf(error)).toBe('Filen «stor.pdf» är 3,3 MB. En bilaga får vara högst 2 MB.');
    const small = await failure(checkAttachmentPdf(padded(600 * 1024), 'liten.pdf', { maxBytes: 512 * 1024, maxPages: 10 }));
    expect(messageOf(small)).toBe('Filen «liten.pdf» är 0,59 MB. En bilaga får vara högst 0,5 MB.');
    // At the limit itself the file passes.
    expect((await checkAttachmentPdf(padded(512 * 1024), 'lagom.pdf', { maxBytes: 512 * 1024, maxPages: 10 })).pages).toBe(1);
  });

  it('checks a file of nearly 50 MB in seconds', async () => {
    const pdf = await makePdf({
      pages: 2,
      build: (doc) => {
        // An image-sized stream of random bytes, the bulk of a scanned bilaga.
        const image = doc.context.register(doc.context.stream(randomBytes(48 * 1024 * 1024), { Type: 'XObject', Subtype: 'Image' }));
        doc.getPage(0).node.set(PDFName.of('Thumb'), image);
      },
    });
    expect(pdf.length).toBeGreaterThan(48 * 1024 * 1024);
    expect(pdf.length).toBeLessThan(ATTACHMENT_MAX_BYTES);
    const started = performance.now();
    expect((await checkAttachmentPdf(pdf, 'skanning.pdf')).pages).toBe(2);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 60_000);

  describe('encryption', () => {
    it('refuses a file with a user password', async () => {
      const error = await failure(checkAttachmentPdf(encrypt(await makePdf(), 'hemligt'), 'låst.pdf'));
      expect(error.code).toBe('attachment_encrypted');
      expect(error.getStatus()).toBe(400);
      expect(messageOf(error)).toBe(
        'Filen «låst.pdf» är krypterad eller lösenordsskyddad. Spara den utan lösenord och ladda upp igen.',
      );
    });

    it('refuses a file encrypted with an empty user password (it opens without one)', async () => {
      const error = await failure(checkAttachmentPdf(encrypt(await makePdf(), ''), 'behörigheter.pdf'));
      expect(error.code).toBe('attachment_encrypted');
    });

    it('refuses an encrypted file whose trailer is a cross-reference stream', async () => {
      const encrypted = encrypt(await makePdf(), '', ['--object-streams=generate']);
      expect(encrypted.toString('latin1')).not.toMatch(/\btrailer\b/);
      expect((await failure(checkAttachmentPdf(encrypted, 'x.pdf'))).code).toBe('attachment_encrypted');
    });
  });

  describe('active content', () => {
    it('refuses JavaScript in an OpenAction', async () => {
      const pdf = await makePdf({
        build: (doc) => setOpenAction(doc, { Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hej")') }),
      });
      const error = await failure(checkAttachmentPdf(pdf, 'skript.pdf'));
      expect(error.code).toBe('attachment_active_content');
      expect(error.getStatus()).toBe(400);
      expect(messageOf(error)).toBe(
        'Filen «skript.pdf» innehåller JavaScript, vilket inte är tillåtet i en bilaga. Spara den som en vanlig PDF utan sådant innehåll (till exempel som PDF/A) och ladda upp igen.',
      );
      expect(detailsOf(error)).toEqual(['JavaScript']);
    });

    it('finds JavaScript hidden in a compressed object stream', async () => {
      const pdf = await makePdf({
        objectStreams: true,
        build: (doc) => {
          const action = doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of('this.print()') }));
          doc.getPage(1).node.set(PDFName.of('AA'), doc.context.obj({ O: action }));
        },
      });
      // Nothing of it is visible in the file's bytes: only inflating the object stream shows it.
      expect(pdf.includes('/JS')).toBe(false);
      expect(pdf.includes('/JavaScript')).toBe(false);
      expect(pdf.includes('/ObjStm')).toBe(true);
      const error = await failure(checkAttachmentPdf(pdf, 'dold.pdf'));
      expect(error.code).toBe('attachment_active_content');
      expect(detailsOf(error)).toEqual(['JavaScript']);
    });

    it('finds a /JS key on its own, and names written with #-escapes in either case', async () => {
      const onlyJs = await makePdf({ build: (doc) => setOpenAction(doc, { JS: PDFString.of('1') }) });
      expect(detailsOf(await failure(checkAttachmentPdf(onlyJs, 'a.pdf')))).toEqual(['JavaScript']);

      const plain = await makePdf({
        build: (doc) => setOpenAction(doc, { S: 'Launch', F: PDFString.of('cmd.exe') }),
      });
      const escaped = Buffer.from(plain.toString('latin1').replace('/Launch', '/La#75n#63h'), 'latin1');
      expect(escaped.includes('/Launch')).toBe(false);
      const error = await failure(checkAttachmentPdf(escaped, 'b.pdf'));
      expect(error.code).toBe('attachment_active_content');
      expect(detailsOf(error)).toEqual(['åtgärder som startar program eller öppnar filer (Launch)']);
    });

    it('refuses an embedded file (attach), also inside object streams', async () => {
      for (const objectStreams of [false, true]) {
        const pdf = await makePdf({
          objectStreams,
          build: (doc) => doc.attach(Buffer.from('enhet;utfall\nHemtjänst;-9504\n'), 'underlag.csv', { mimeType: 'text/csv' }),
        });
        const error = await failure(checkAttachmentPdf(pdf, 'med-fil.pdf'));
        expect(error.code).toBe('attachment_active_content');
        expect(messageOf(error)).toContain('innehåller inbäddade filer');
      }
    });

    it('names everything found: a launch action, rich media and an XFA form', async () => {
      const pdf = await makePdf({
        objectStreams: true,
        build: (doc) => {
          setOpenAction(doc, { S: 'Launch', F: PDFString.of('start.bat') });
          doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [], XFA: PDFString.of('<xdp/>') }));
          const annotation = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [0, 0, 10, 10] }));
          doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([annotation]));
        },
      });
      const error = await failure(checkAttachmentPdf(pdf, 'allt.pdf'));
      expect(error.code).toBe('attachment_active_content');
      expect(detailsOf(error)).toEqual([
        'åtgärder som startar program eller öppnar filer (Launch)',
        'multimedieinnehåll (RichMedia)',
        'XFA-formulär',
      ]);
      expect(messageOf(error)).toContain(
        'innehåller åtgärder som startar program eller öppnar filer (Launch), multimedieinnehåll (RichMedia) och XFA-formulär,',
      );
    });

    it('does not mistake text on a page for active content', async () => {
      const pdf = await makePdf({
        build: async (doc) => {
          const font = await doc.embedFont(StandardFonts.Helvetica);
          doc.getPage(0).drawText('/JavaScript /JS /Launch /EmbeddedFiles /XFA /Encrypt', { x: 50, y: 600, font });
        },
      });
      expect((await checkAttachmentPdf(pdf, 'text.pdf')).pages).toBe(2);
    });
  });

  describe('pages', () => {
    it('refuses more pages than the limit', async () => {
      const error = await failure(checkAttachmentPdf(await makePdf({ pages: 5 }), 'lång.pdf', { maxBytes: ATTACHMENT_MAX_BYTES, maxPages: 4 }));
      expect(error.code).toBe('attachment_too_many_pages');
      expect(error.getStatus()).toBe(400);
      expect(messageOf(error)).toBe('Filen «lång.pdf» har 5 sidor. En bilaga får ha högst 4 sidor: dela upp den i flera bilagor.');
    });

    it('accepts exactly the limit', async () => {
      expect((await checkAttachmentPdf(await makePdf({ pages: 4 }), 'x.pdf', { maxBytes: ATTACHMENT_MAX_BYTES, maxPages: 4 })).pages).toBe(4);
    });

    it('refuses a document without pages', async () => {
      const error = await failure(checkAttachmentPdf(await makePdf({ pages: 0 }), 'tom.pdf'));
      expect(error.code).toBe('attachment_invalid');
      expect(messageOf(error)).toBe('Filen «tom.pdf» har inga sidor. Kontrollera filen och ladda upp igen.');
    });

    it('refuses a page tree that loops back on itself', async () => {
      const pdf = await makePdf({
        build: (doc) => {
          const root = doc.catalog.get(PDFName.of('Pages'));
          (doc.catalog.Pages().lookup(PDFName.of('Kids')) as PDFArray).push(root as never);
        },
      });
      expect((await failure(checkAttachmentPdf(pdf, 'slinga.pdf'))).code).toBe('attachment_invalid');
    });
  });

  describe('damaged files', () => {
    it.each([0.3, 0.6, 0.95])('refuses a PDF cut off at %p of its length', async (fraction) => {
      const pdf = await makePdf({ pages: 3 });
      const error = await failure(checkAttachmentPdf(pdf.subarray(0, Math.floor(pdf.length * fraction)), 'avbruten.pdf'));
      expect(error.code).toBe('attachment_invalid');
      expect(error.getStatus()).toBe(400);
      expect(messageOf(error)).toBe(
        'Filen «avbruten.pdf» kan inte läsas som PDF: den är skadad eller ofullständig. Spara den på nytt som PDF och ladda upp igen.',
      );
    });

    it('refuses a file whose object stream cannot be inflated (what is in it stays unknown)', async () => {
      const pdf = await makePdf({ pages: 2, objectStreams: true });
      const text = pdf.toString('latin1');
      const data = text.indexOf('stream\n', text.indexOf('/ObjStm')) + 'stream\n'.length;
      const damaged = Buffer.from(pdf);
      for (let i = data + 2; i < data + 40; i += 1) damaged[i] ^= 0x5a;
      expect((await failure(checkAttachmentPdf(damaged, 'trasig.pdf'))).code).toBe('attachment_invalid');
    });

    it('refuses a header followed by nothing readable', async () => {
      const junk = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000), Buffer.from('\nstartxref\n9\n%%EOF\n')]);
      expect((await failure(checkAttachmentPdf(junk, 'skräp.pdf'))).code).toBe('attachment_invalid');
    });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DomainError } from '../../common/domain-error';
import { extractPdfText, extractPdfTexts } from './pdf-text';

async function twoPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const first = doc.addPage([595, 842]);
  first.drawText('Månadsrapport för äldrenämnden', { x: 50, y: 780, size: 14, font });
  first.drawText('Prognosen är -9 504 tkr för året.', { x: 50, y: 750, size: 11, font });
  const second = doc.addPage([595, 842]);
  second.drawText('Åtgärder: översyn av övertid, Östermalm', { x: 50, y: 780, size: 11, font });
  doc.addPage([595, 842]); // no text at all
  return doc.save();
}

describe('extractPdfText', () => {
  it('gives the text of each page, å ä ö included', async () => {
    const pages = await extractPdfText(await twoPages());
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Månadsrapport för äldrenämnden');
    expect(pages[0]).toContain('Prognosen är -9 504 tkr för året.');
    expect(pages[0]).not.toContain('Åtgärder');
    expect(pages[1]).toContain('Åtgärder: översyn av övertid, Östermalm');
    expect(pages[2].trim()).toBe('');
  });

  it('leaves the caller its bytes (the worker reads a copy)', async () => {
    const bytes = await twoPages();
    const length = bytes.length;
    await extractPdfText(bytes);
    expect(bytes.length).toBe(length);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('reads several files at once, each its own text', async () => {
    const make = async (word: string) => {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.addPage().drawText(word, { x: 50, y: 700, font });
      return doc.save();
    };
    const words = ['Bilaga ett', 'Bilaga två', 'Bilaga tre'];
    const texts = await Promise.all(words.map(async (word) => extractPdfText(await make(word))));
    expect(texts.map((pages) => pages[0].trim())).toEqual(words);
  });

  it('reads a file encrypted with an empty user password, and refuses one that needs a password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-pdf-text-'));
    try {
      const input = join(dir, 'in.pdf');
      writeFileSync(input, await twoPages());
      const encrypted = (user: string) => {
        const output = join(dir, `out-${user || 'empty'}.pdf`);
        execFileSync('qpdf', ['--encrypt', user, 'owner-password', '256', '--', input, output]);
        return readFileSync(output);
      };
      expect((await extractPdfText(encrypted('')))[1]).toContain('Östermalm');
      const error = await extractPdfText(encrypted('hemligt')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('attachment_encrypted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops a worker that takes longer than its time limit', async () => {
    const error = await extractPdfText(await twoPages(), { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('attachment_invalid');
    expect((error as DomainError).message).toContain('det tog för lång tid');
    // The next call has its turn again.
    expect((await extractPdfText(await twoPages()))[0]).toContain('Månadsrapport');
  });

  it('refuses a file that is not a readable PDF with attachment_invalid', async () => {
    const error = await extractPdfText(Buffer.from('%PDF-1.7\nthis is not a pdf at all\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('attachment_invalid');
  });
});

describe('extractPdfTexts', () => {
  it('reads several PDFs in one worker, each answer in its file’s place', async () => {
    const one = await PDFDocument.create();
    one.addPage([595, 842]).drawText('Kallelse till socialnämnden', { x: 50, y: 780, size: 12, font: await one.embedFont(StandardFonts.Helvetica) });
    const [first, second] = await extractPdfTexts([await one.save(), await twoPages()]);
    expect(first).toEqual([expect.stringContaining('Kallelse till socialnämnden')]);
    expect(second).toHaveLength(3);
    expect(second[1]).toContain('Östermalm');
    expect(await extractPdfTexts([])).toEqual([]);
  });

  it('refuses the whole batch with the first file it cannot read', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\nnot really a pdf\n%%EOF');
    await expect(extractPdfTexts([await twoPages(), broken])).rejects.toMatchObject({ code: 'attachment_invalid' });
  });
});

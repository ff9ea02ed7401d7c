import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RichTextDocument } from '@rapportflode/domain';
import type { Browser } from 'playwright-core';
import { assembleReport, type AssemblyInput } from './lib/assembly/assemble';
import { renderHtml } from './lib/html';
import { PdfBrowser, renderPdf } from './pdf';
import { footnotesOf } from './pdf/footnotes';

const OUT = join(__dirname, '../../../tmp/documents');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

const FILLER = 'Verksamheten har under perioden arbetat vidare med uppdraget och följt upp resultaten månad för månad. ';
const NOTES = ['alfa', 'beta', 'gamma', 'delta'];

/** A section's text: filler paragraphs and one paragraph whose word `Belopp-<name>` carries the note `Not <name>: …`. */
function text(name: string, fillers: number): RichTextDocument {
  const filler = { type: 'paragraph' as const, content: [{ type: 'text' as const, text: FILLER.repeat(6) }] };
  return {
    type: 'doc',
    version: 1,
    content: [
      ...Array.from({ length: fillers }, () => filler),
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Utfallet blev ' },
          { type: 'text', text: `Belopp-${name}`, marks: [{ type: 'footnote', note: `Not ${name}: enligt bokslutet per augusti, före periodiseringar.` }] },
          { type: 'text', text: ' för perioden.' },
        ],
      },
      filler,
    ],
  };
}

function input(withNotes: boolean): AssemblyInput {
  const doc = (name: string, fillers: number) => {
    const d = text(name, fillers);
    return withNotes ? d : (JSON.parse(JSON.stringify(d).replace(/,"marks":\[\{"type":"footnote","note":"[^"]*"\}\]/g, '')) as RichTextDocument);
  };
  return {
    cycle: {
      committee: 'Socialnämnden',
      municipality: 'Gnesta kommun',
      title: 'Delårsrapport 2024',
      year: 2024,
      periodEnd: '2024-08-31',
      periodLabel: 'T2 2024',
      diaryNumber: 'SN 2024/7',
      dates: [{ label: 'Sammanträde', date: '2024-10-01' }],
    },
    sections: NOTES.map((name, i) => ({ id: `s${i}`, number: String(i + 1), depth: 1, title: `Kapitel ${name}`, kind: 'narrative' as const, config: null })),
    units: [],
    // One note in each chapter's text; the chapters of different lengths, so the markers fall at different heights.
    tasks: NOTES.map((name, i) => ({ sectionId: `s${i}`, unitId: null, state: 'approved' as const, content: doc(name, i === 0 ? 3 : i * 4) })),
  };
}

describe('footnotes in the report', () => {
  const model = assembleReport(input(true)).model;

  it('are numbered on through the whole report, not from 1 in each section', () => {
    expect([...footnotesOf(model).entries()].map(([n, t]) => `${n} ${t.slice(0, 9)}`)).toEqual(['1 Not alfa:', '2 Not beta:', '3 Not gamma', '4 Not delta']);
    // The HTML keeps them after each section's text.
    const html = renderHtml(model, { target: 'standalone' });
    expect(html).toContain('<p class="footnote"><sup class="footnote-ref">3</sup> Not gamma: enligt bokslutet');
  });

  describe('in the PDF', () => {
    const browsers = new PdfBrowser();
    let browser: Browser;
    let file: string;
    let pages: string[];
    let withMs: number;
    let withoutMs: number;

    beforeAll(async () => {
      browser = await browsers.browser();
      const plain = assembleReport(input(false)).model;
      await renderPdf(plain, browser); // warm
      let started = Date.now();
      await renderPdf(plain, browser);
      withoutMs = Date.now() - started;
      started = Date.now();
      const rendered = await renderPdf(model, browser);
      withMs = Date.now() - started;
      mkdirSync(OUT, { recursive: true });
      file = join(OUT, 'report-footnotes.pdf');
      writeFileSync(file, rendered.pdf);
      pages = run('pdftotext', ['-layout', file, '-']).split('\f');
    }, 120_000);
    afterAll(() => browsers.close());

    it('prints each note at the foot of the page where its marker is, below the text, and nowhere else', () => {
      for (const name of NOTES) {
        const markerPages = pages.flatMap((p, i) => (p.includes(`Belopp-${name}`) ? [i] : []));
        const notePages = pages.flatMap((p, i) => (p.includes(`Not ${name}:`) ? [i] : []));
        expect({ name, notePages }).toEqual({ name, notePages: markerPages });
        const lines = pages[markerPages[0]].split('\n');
        const marker = lines.findIndex((l) => l.includes(`Belopp-${name}`));
        const note = lines.findIndex((l) => l.includes(`Not ${name}:`));
        expect(note).toBeGreaterThan(marker);
        // The page's footer stays below the notes.
        expect(lines.slice(note).join('\n')).toMatch(/\d+\(\d+\)/);
      }
      // The notes are not printed a second time after their sections.
      expect(pages.join('').match(/Not alfa:/g)).toHaveLength(1);
    });

    it('costs a measured extra on top of the print (logged; well under the print itself on a report this size)', () => {
      console.log(`footnotes at the foot: ${withMs} ms with, ${withoutMs} ms without (${pages.length - 1} pages)`);
      expect(withMs - withoutMs).toBeLessThan(10_000);
    });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { kallelseInput, kallelseItems } from '../testing/kallelse-fixture';
import { kallelseModel } from './lib/kallelse-model';
import { headingsOf } from './lib/model';
import { PdfBrowser, renderPdf } from './pdf';

const OUT = join(__dirname, '../../../tmp/documents');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== '\f');

describe('renderPdf, a kallelse (Chromium)', () => {
  const browsers = new PdfBrowser();
  let browser: Browser;

  beforeAll(async () => {
    browser = await browsers.browser();
  }, 120_000);
  afterAll(() => browsers.close());

  it('prints a tagged Swedish PDF without a title page: header block, Kallelse, the ärenden in order, running header from page 2', async () => {
    const model = kallelseModel(kallelseInput, kallelseItems('internal'));
    const result = await renderPdf(model, browser);
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'kallelse.pdf');
    writeFileSync(file, result.pdf);

    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Tagged:\s+yes/);
    const root = run('qpdf', ['--show-object=trailer', file]).match(/\/Root (\d+) \d+ R/)?.[1];
    expect(run('qpdf', [`--show-object=${root}`, file])).toContain('/Lang (sv-SE)');

    const first = lines(run('pdftotext', ['-f', '1', '-l', '1', file, '-']));
    expect(first.slice(0, 2)).toEqual(['Nacka kommun', 'Sammanträde']);
    expect(first).toContain('Kallelse');
    expect(first).toContain('tisdag 15 december 2026 kl. 13.00');
    expect(result.headingPages['kallelse']).toBe(1);

    const all = lines(run('pdftotext', [file, '-']));
    const at = headingsOf(model).filter((h) => h.level === 3).map((h) => all.indexOf(h.text));
    expect(at).toHaveLength(6);
    at.forEach((index, i) => expect(index).toBeGreaterThan(i === 0 ? all.indexOf('Beslutsärenden') : at[i - 1]));
    expect(all.indexOf('Beslutsärenden')).toBeLessThan(all.indexOf('Informationsärenden'));
    expect(all.indexOf('Informationsärenden')).toBeLessThan(all.indexOf('Anmälningar'));
    expect(all.join(' ')).toContain('Förhinder anmäls till Maria Ek, 08-718 80 00, maria.ek@nacka.se.');
    for (let page = 2; page <= result.pages; page++) {
      expect(lines(run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']))).toContain('Socialnämnden, Kallelse 15 december 2026, version 2');
    }
    run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', String(result.pages), file, join(OUT, 'kallelse')]);
  });
});

import type { ReportStatusDto, ReportVersionDto, SaveContentResponse, TaskDto, TaskListResponse } from '@rapportflode/api-contract';
import { formatNumber } from '@rapportflode/domain';
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NACKA_CHAPTER_TITLES } from '../../libs/documents/testing/nacka-fixture';
import { fieldInstructions, paragraphsOf, rowsOf, tablesXmlOf, textOf, unzip } from '../../libs/documents/testing/read-docx';
import { ECONOMY_ROWS, nackaT2Content, NackaUnit, sickLeaveValues, verksamhetRow } from '../support/nacka-t2-content';
import { useTestApp } from './support/app';
import { openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

/**
 * The Nacka T2 fixture cycle end to end: a cycle of the demo template "Tertialbokslut 2"
 * for 2016, every task filled from reference 000 by the person who writes it, approved by the
 * economist, frozen as version 1 and downloaded as PDF and Word. The PDF is checked with poppler
 * (pdfinfo, pdftotext, pdftoppm) and qpdf, the DOCX by reading its XML back.
 * Page images for the visual check land in tmp/report-pdf/.
 */
const YEAR = 2016;
const PNG_DIR = join(__dirname, '../../tmp/report-pdf');
/** The sections of the template in order (backend/src/modules/templates/demo-templates.seed.ts): reference 000's chapters. */
const CHAPTERS = NACKA_CHAPTER_TITLES;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
/** A number as pdftotext gives it back: formatNumber's characters, the no-break space as a plain one. */
const printed = (value: number, decimals = 0) => formatNumber(value, decimals).replace(/\u00a0/g, ' ');
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== '\f');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the Nacka T2 fixture cycle as PDF and Word', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let pdfFile: string;
  let pages: number;
  let status: ReportStatusDto;
  let header: string;
  let docx: Map<string, string>;
  /** The chapters (the template's top-level sections) as numbered in the cycle: `1 Sammanfattning`. */
  const chapters = () => {
    const top = Math.min(...status.sections.map((s) => s.depth));
    return status.sections.filter((s) => s.depth === top).map((s) => `${s.number} ${s.title}`);
  };
  const pageText = (page: number, layout = false) => run('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(page), '-l', String(page), pdfFile, '-']);

  beforeAll(async () => {
    const base = app.running.baseUrl;
    const [secretary, economist, camilla, fredrik] = await signedInAll(base, [DEMO.nackaSecretary, DEMO.nackaEconomist, DEMO.unitHeadBarnOchFamilj, DEMO.unitHeadOmsorgsenheten]);
    const cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), YEAR);

    // Who writes what: the unit heads their units' tasks, the secretary (else the economist) the nämnd's.
    const writerOf = new Map<string, HttpClient>();
    for (const who of [camilla, fredrik, secretary, economist]) {
      for (const task of (await who.get<TaskListResponse>('/api/tasks/mine')).body.tasks) {
        if (task.cycleId === cycle.id && !writerOf.has(task.id)) writerOf.set(task.id, who);
      }
    }
    const initial = (await secretary.get<ReportStatusDto>(`/api/cycles/${cycle.id}/report`)).body;
    const content = nackaT2Content();
    const step = async (who: HttpClient, id: string, transition: string, version: number) => {
      const result = await who.post<TaskDto>(`/api/tasks/${id}/transitions`, { transition, version });
      if (result.status !== 201) throw new Error(`${transition} of ${id} answered ${result.status}: ${JSON.stringify(result.body)}`);
      return result.body;
    };
    for (const section of initial.sections) {
      const given = content[section.title];
      if (!given) throw new Error(`no content for section ${section.title}`);
      for (const task of section.tasks) {
        const value = task.unitName === null ? given.committee : given.units?.[task.unitName as NackaUnit];
        if (value === undefined) throw new Error(`no content for ${section.title} (${task.unitName})`);
        const writer = writerOf.get(task.taskId);
        if (!writer) throw new Error(`nobody writes ${section.title} (${task.unitName})`);
        const current = (await writer.get<TaskDto>(`/api/tasks/${task.taskId}`)).body;
        const saved = await writer.put<SaveContentResponse>(`/api/tasks/${task.taskId}/content`, { version: current.version, content: value });
        if (saved.status !== 200) throw new Error(`saving ${section.title} (${task.unitName}) answered ${saved.status}: ${JSON.stringify(saved.body)}`);
        const submitted = await step(writer, task.taskId, 'submit', saved.body.version);
        await step(economist, task.taskId, 'approve', submitted.version);
      }
    }

    status = (await secretary.get<ReportStatusDto>(`/api/cycles/${cycle.id}/report`)).body;
    expect(status).toMatchObject({ ready: true, missing: [], warnings: [] });
    const frozen = await secretary.post<ReportVersionDto>(`/api/cycles/${cycle.id}/report/versions`, {});
    expect(frozen.status).toBe(201);
    // The running header is the version's nämnd and title (as the JSON download names them).
    const data = await secretary.get<{ document: { committee: string; title: string } }>(`/api/cycles/${cycle.id}/report/document?format=json&version=1`);
    header = `${data.body.document.committee}, ${data.body.document.title}`;

    const [pdf, word] = await Promise.all([
      secretary.download(`/api/cycles/${cycle.id}/report/document?format=pdf&version=1`),
      secretary.download(`/api/cycles/${cycle.id}/report/document?format=docx&version=1`),
    ]);
    expect([pdf.status, word.status]).toEqual([200, 200]);
    // Kept next to the page images for a look by hand (tmp/ is not committed).
    mkdirSync(PNG_DIR, { recursive: true });
    pdfFile = join(PNG_DIR, 'report.pdf');
    writeFileSync(pdfFile, pdf.body);
    writeFileSync(join(PNG_DIR, 'report.docx'), word.body);
    pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdfFile]))?.[1]);
    docx = unzip(word.body);
  }, 240_000);

  it('fills every section of the template, numbered as the cycle numbers them', () => {
    expect(status.cycle).toMatchObject({ title: `Tertialbokslut 2 ${YEAR}`, year: YEAR });
    expect(status.cycle.committeeName).toMatch(/^Socialnämnden/);
    expect(chapters()).toEqual(CHAPTERS.map((title, i) => `${i + 1} ${title}`));
    expect(status.sections.length).toBe(15);
    expect(status.sections.flatMap((s) => s.tasks).every((t) => t.approved)).toBe(true);
  });

  it('is a tagged A4 PDF in Swedish', () => {
    const info = run('pdfinfo', [pdfFile]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+(595|594\.96) x (842|841\.92) pts/);
    expect(pages).toBeGreaterThan(5);
    const root = /\/Root (\d+) \d+ R/.exec(run('qpdf', ['--show-object=trailer', pdfFile]))?.[1];
    expect(root).toBeDefined();
    expect(run('qpdf', [`--show-object=${root}`, pdfFile])).toContain('/Lang (sv-SE)');
  });

  it('has a bookmark for every chapter and section, titled as its heading and pointing at its page', () => {
    type Outline = { title: string; destpageposfrom1?: number; kids?: Outline[] };
    const outlines = (JSON.parse(run('qpdf', ['--json', '--json-key=outlines', pdfFile])) as { outlines: Outline[] }).outlines;
    expect(outlines.map((o) => o.title)).toEqual(chapters());
    const sammanfattning = outlines[0];
    expect(sammanfattning.kids?.map((k) => k.title)).toEqual(['1.1 Tre viktigaste händelserna', '1.2 Nulägesbeskrivning']);
    // Each chapter's bookmark opens the page the chapter starts on.
    for (const chapter of outlines) {
      const page = run('pdftotext', ['-f', String(chapter.destpageposfrom1), '-l', String(chapter.destpageposfrom1), pdfFile, '-']);
      expect(lines(page)).toContain(chapter.title);
    }
  });

  it('prints the chapters in the template’s order with their numbers', () => {
    const all = lines(run('pdftotext', [pdfFile, '-']));
    const chapterLines = chapters();
    // After the table of contents (which lists them too), each heading is a line of its own, in order.
    const tocEnd = all.indexOf(chapterLines[chapterLines.length - 1]);
    expect(tocEnd).toBeGreaterThan(0);
    let at = tocEnd + 1;
    for (const chapter of chapterLines) {
      const found = all.indexOf(chapter, at);
      expect({ chapter, found: found >= at }).toEqual({ chapter, found: true });
      at = found + 1;
    }
    const subsections = status.sections.filter((s) => s.number.includes('.')).map((s) => `${s.number} ${s.title}`);
    expect(subsections).toEqual([
      '1.1 Tre viktigaste händelserna',
      '1.2 Nulägesbeskrivning',
      '2.1 Maximalt värde för skattepengarna',
      '2.2 Bästa utveckling för alla',
      '2.3 Attraktiva livsmiljöer i hela Nacka',
      '2.4 Stark balanserad tillväxt',
    ]);
    for (const sub of subsections) expect(all.slice(tocEnd + 1)).toContain(sub);
  });

  it('numbers the table of contents with the pages the headings are really on', () => {
    // The TOC starts on page 2 and runs until its last chapter's line: `label ……  page`.
    const last = chapters()[chapters().length - 1];
    const entries: Array<{ label: string; page: number }> = [];
    expect(pageText(2)).toContain('Innehåll');
    for (let page = 2; page <= pages && !entries.some((e) => e.label === last); page++) {
      for (const line of pageText(page, true).split('\n')) {
        const match = /^\s*(\S.*?)[\s.]{2,}(\d+)\s*$/.exec(line);
        if (match) entries.push({ label: match[1], page: Number(match[2]) });
      }
    }
    const labels = entries.map((e) => e.label);
    // Every section is listed, chapters in order, and under the unit sections their units' headings.
    expect(labels.filter((l) => chapters().includes(l))).toEqual(chapters());
    for (const section of status.sections) expect(labels).toContain(`${section.number} ${section.title}`);
    expect(labels.slice(labels.indexOf('3 Ekonomiskt resultat') + 1, labels.indexOf('4 Investeringar'))).toEqual(['Barn och familjeenheten', 'Omsorgsenheten']);
    expect(entries.length).toBe(status.sections.length + 5);
    for (const entry of entries) {
      expect(entry.page).toBeGreaterThanOrEqual(2);
      expect(entry.page).toBeLessThanOrEqual(pages);
      expect({ entry: entry.label, onItsPage: lines(pageText(entry.page)).includes(entry.label) }).toEqual({ entry: entry.label, onItsPage: true });
    }
  });

  it('prints the running header and N(T) on every page but the title page', () => {
    expect(header).toBe(`Socialnämnden, Tertialbokslut 2 ${YEAR}`);
    const first = pageText(1);
    expect(first).toContain(`Tertialbokslut 2 ${YEAR}`);
    expect(first).not.toContain(header);
    expect(first).not.toMatch(/\b\d+\(\d+\)/);
    for (let page = 2; page <= pages; page++) {
      const text = lines(pageText(page));
      expect({ page, header: text.includes(header), footer: text.includes(`${page}(${pages})`) }).toEqual({ page, header: true, footer: true });
    }
  });

  it('prints the economy tables with the reference’s figures in Swedish format', () => {
    const text = run('pdftotext', ['-layout', pdfFile, '-']);
    const rows = text.split('\n');
    const columns = ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'];
    const all = Object.values(ECONOMY_ROWS).flat().map(verksamhetRow);
    const total = columns.map((c) => sum(all.map((r) => r[c])));
    // The computed total is the reference's printed Summa (43 136 … −593 401 … −898 743), but for the
    // budget columns, where the printed total is one off the sum of its rows.
    expect(total[2]).toBe(-593401);
    const totalLine = rows.find((l) => l.trim().startsWith('Summa') && l.includes(printed(total[2])));
    expect(totalLine).toBeDefined();
    for (const value of [total[0], total[1], total[2], total[7], total[8]]) expect(totalLine).toContain(printed(value));
    expect(printed(total[2])).toBe('−593 401');

    // A unit's own row, as printed in its table and in the nämnd table.
    const funktion = verksamhetRow('Personer med funktionsnedsättning');
    const funktionLines = rows.filter((l) => l.includes(printed(funktion.net)));
    expect(funktionLines.length).toBe(2);
    for (const line of funktionLines) {
      expect(line.trim()).toMatch(/^Personer med\b/);
      for (const value of [funktion.income, funktion.costs, funktion.net, funktion.budget_net, funktion.budget_deviation, funktion.annual_budget, funktion.forecast, funktion.forecast_deviation]) {
        expect(line).toContain(printed(value));
      }
    }
    // The unit's subtotal row in the nämnd table.
    const omsorg = ECONOMY_ROWS.Omsorgsenheten.map(verksamhetRow);
    expect(rows.some((l) => l.trim().startsWith('Omsorgsenheten') && l.includes(printed(sum(omsorg.map((r) => r.net)))))).toBe(true);
    // Sick leave with two decimals.
    for (const unit of ['Omsorgsenheten', 'Barn och familjeenheten'] as const) {
      const v = sickLeaveValues(unit);
      for (const value of [v.total, v.shortTerm, v.longTerm]) expect(text).toContain(printed(value, 2));
    }
    expect(text).toContain('2,85');
    expect(text).toContain('0,60');
  });

  it('renders the title page and the economy table’s page to PNG for a visual check', () => {
    mkdirSync(PNG_DIR, { recursive: true });
    let economyPage = 0;
    for (let page = 2; page <= pages && !economyPage; page++) {
      const text = pageText(page);
      if (text.includes('Summa') && text.includes(printed(-593401))) economyPage = page;
    }
    expect(economyPage).toBeGreaterThan(2);
    for (const [page, name] of [
      [1, 'title'],
      [economyPage, 'economy'],
    ] as const) {
      const prefix = join(PNG_DIR, name);
      run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdfFile, prefix]);
      expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
    }
  });

  it('writes a Word file with heading styles, repeating table headers, a TOC field and Swedish', () => {
    const document = docx.get('word/document.xml') ?? '';
    const paragraphs = paragraphsOf(document);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(chapters());
    const heading2 = paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(heading2).toContain('1.1 Tre viktigaste händelserna');
    expect(heading2).toContain('2.4 Stark balanserad tillväxt');

    const tables = tablesXmlOf(document);
    expect(tables.length).toBeGreaterThan(10);
    expect(paragraphs.filter((p) => p.style === 'Caption').length).toBe(tables.length);
    for (const table of tables) expect(rowsOf(table)[0]).toContain('<w:tblHeader/>');
    expect(fieldInstructions(document).some((f) => /^TOC\b.*\\o "1-\d"/.test(f))).toBe(true);
    expect(docx.get('word/styles.xml')).toContain('<w:lang w:val="sv-SE"');

    // The nämnd economy table: its total row has the Swedish-formatted sums (no-break spaces kept).
    const all = Object.values(ECONOMY_ROWS).flat().map(verksamhetRow);
    const economy = tables.find((t) => textOf(t).includes('Omsorgsenheten') && textOf(t).includes('Barn och familjeenheten'));
    expect(economy).toBeDefined();
    const totalRow = rowsOf(economy ?? '').find((r) => textOf(r).startsWith('Summa'));
    expect(textOf(totalRow ?? '')).toContain(formatNumber(sum(all.map((r) => r.net))));
    expect(textOf(totalRow ?? '')).toContain(formatNumber(-898743));
    expect(document).toContain('Anmälningar kring oro för barn som far illa');
  });
});

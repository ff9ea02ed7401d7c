import { InternalControlConfig, InternalControlContent, TableConfig, TableContent } from '@rapportflode/domain';
import { renderDocx } from '../../docx';
import { nackaT2Fixture } from '../../../testing/nacka-fixture';
import { rowsOf, tablesXmlOf, textOf, unzip } from '../../../testing/read-docx';
import { renderHtml } from '../html';
import type { Block, DocumentModel, TableBlock } from '../model';
import { tableCsv, tablesJson } from '../open-data';
import { Ids } from './context';
import type { AssemblyCycle } from './input';
import { contentBlocks } from './section-blocks';

const cycle: AssemblyCycle = {
  committee: 'Socialnämnden',
  municipality: 'Gnesta kommun',
  title: 'Delårsrapport 2021',
  year: 2021,
  periodEnd: '2021-08-31',
  periodLabel: 'T2 2021',
  diaryNumber: null,
  dates: [],
};

function blocks(config: InternalControlConfig | null, content: InternalControlContent): TableBlock[] {
  const ctx = { ids: new Ids(), cycle, sectionName: '8 Intern kontroll', sectionTitle: 'Intern kontroll', base: 2, headingId: 'h-8' };
  const section = { id: 's', number: '8', depth: 1, title: 'Intern kontroll', kind: 'internal_control' as const, config: config ? { internalControl: config } : null };
  return contentBlocks(section, content, ctx, null) as TableBlock[];
}

function model(body: Block[]): DocumentModel {
  return { ...nackaT2Fixture(), body, appendices: [] };
}

// Risks under two goals, one risk without a goal, in the order a writer typed them.
const risks: InternalControlContent = {
  type: 'internal_control',
  plan: [],
  risks: [
    {
      key: 'verksamhet',
      title: 'Verksamhetsrisker',
      rows: [
        { key: 'a', group: 'Mål: Trygg och säker vård', risk: 'Fallolyckor.', cause: 'Hög belastning.', impact: '', handling: 'Fallriskbedömning.', status: 'active' },
        { key: 'b', group: 'Mål: God arbetsmiljö', risk: 'Kompetensbrist.', cause: 'Få sökande.', impact: '', handling: 'Rekrytering.', status: 'active' },
        { key: 'c', risk: 'Kvalitetsuppföljningar.', cause: '', impact: '', handling: 'Inköp av system.', status: 'inactive' },
        { key: 'd', group: 'Mål: Trygg och säker vård', risk: 'Läkemedelsfel.', cause: '', impact: '', handling: 'Signeringslistor.', status: 'active' },
      ],
    },
  ],
};

describe('group rows in printed tables', () => {
  const [table] = blocks({ riskGroups: 'rows' }, risks);

  it('prints the risks in one table, each goal as a heading row above its risks, with no Grupp column', () => {
    expect(blocks({ riskGroups: 'rows' }, risks)).toHaveLength(1);
    expect(table.columns.map((c) => c.label)).toEqual(['Risk', 'Orsak', 'Påverkan', 'Hantering', 'Status']);
    expect(table.rows.map((r) => [r.kind ?? 'body', r.cells[0]])).toEqual([
      ['body', 'Kvalitetsuppföljningar.'],
      ['group', 'Mål: Trygg och säker vård'],
      ['body', 'Fallolyckor.'],
      ['body', 'Läkemedelsfel.'],
      ['group', 'Mål: God arbetsmiljö'],
      ['body', 'Kompetensbrist.'],
    ]);
  });

  it('spans the heading row over every column in HTML, heading its own row group, kept with the next row in print', () => {
    const html = renderHtml(model([table]), { target: 'print' });
    expect(html).toContain('<tbody><tr><th scope="row">Kvalitetsuppföljningar.</th>');
    expect(html).toContain('Ej aktuell risk</td></tr></tbody><tbody><tr class="group-row"><th scope="rowgroup" colspan="5">Mål: Trygg och säker vård</th>');
    expect(html).toContain('Ännu aktuell risk</td></tr></tbody><tbody><tr class="group-row"><th scope="rowgroup" colspan="5">Mål: God arbetsmiljö</th>');
    expect(html).toContain(
      '<tr class="group-row"><th scope="rowgroup" colspan="5">Mål: Trygg och säker vård</th></tr><tr><th scope="row">Fallolyckor.</th><td>Hög belastning.</td>',
    );
    expect(html).toContain('<tr class="group-row"><th scope="rowgroup" colspan="5">Mål: God arbetsmiljö</th></tr><tr><th scope="row">Kompetensbrist.</th>');
    expect(html).toMatch(/tr\.group-row \{ break-after: avoid;/);
  });

  it('spans the heading row over every column in Word, bold and kept with the next row', async () => {
    const document = unzip(await renderDocx(model([table]))).get('word/document.xml') ?? '';
    const rows = rowsOf(tablesXmlOf(document)[0]);
    expect(rows.map(textOf)).toEqual([
      expect.stringContaining('Risk'),
      expect.stringContaining('Kvalitetsuppföljningar.'),
      'Mål: Trygg och säker vård',
      expect.stringContaining('Fallolyckor.'),
      expect.stringContaining('Läkemedelsfel.'),
      'Mål: God arbetsmiljö',
      expect.stringContaining('Kompetensbrist.'),
    ]);
    const heading = rows[2];
    expect(heading).toContain('<w:gridSpan w:val="5"/>');
    expect(heading.match(/<w:tc>/g)).toHaveLength(1);
    expect(heading).toContain('<w:keepNext/>');
    expect(heading).toMatch(/<w:b\/>[\s\S]*Mål: Trygg och säker vård/);
  });

  it('leaves the heading rows out of the open data and gives their rows the group as grupp', () => {
    const csv = tableCsv(table).replace('\ufeff', '').split('\r\n');
    expect(csv).toEqual([
      'Grupp;Risk;Orsak;Påverkan;Hantering;Status',
      ';Kvalitetsuppföljningar.;;;Inköp av system.;Ej aktuell risk',
      'Mål: Trygg och säker vård;Fallolyckor.;Hög belastning.;;Fallriskbedömning.;Ännu aktuell risk',
      'Mål: Trygg och säker vård;Läkemedelsfel.;;;Signeringslistor.;Ännu aktuell risk',
      'Mål: God arbetsmiljö;Kompetensbrist.;Få sökande.;;Rekrytering.;Ännu aktuell risk',
      '',
    ]);
    const [json] = tablesJson(model([table])).tables;
    expect(json.columns.map((c) => c.key)).toEqual(['grupp', 'risk', 'orsak', 'paverkan', 'hantering', 'status']);
    expect(json.rows.map((r) => [r.kind, r.values['grupp'], r.values['risk']])).toEqual([
      ['body', null, 'Kvalitetsuppföljningar.'],
      ['body', 'Mål: Trygg och säker vård', 'Fallolyckor.'],
      ['body', 'Mål: Trygg och säker vård', 'Läkemedelsfel.'],
      ['body', 'Mål: God arbetsmiljö', 'Kompetensbrist.'],
    ]);
  });

  it('keeps a table without group rows, and the other group choices, as they were', () => {
    const [column] = blocks(null, risks);
    expect(column.columns[0].label).toBe('Grupp');
    expect(column.rows.some((r) => r.kind === 'group')).toBe(false);
    expect(tableCsv(column).split('\r\n')[0]).toBe('\ufeffGrupp;Risk;Orsak;Påverkan;Hantering;Status');
    expect(blocks({ riskGroups: 'tables' }, risks).every((t) => t.rows.every((r) => r.kind !== 'group'))).toBe(true);
  });
});

describe('group rows in a table section', () => {
  const layout: TableConfig = {
    columns: [
      { key: 'projekt', label: 'Projekt', type: 'text' },
      { key: 'belopp', label: 'Belopp tkr', type: 'number', sum: true },
    ],
    totalLabel: 'Summa investeringar',
  };
  const content: TableContent = {
    type: 'table',
    rows: [
      { key: 'a', group: 'Gemensam verksamhet', cells: { projekt: 'Verksamhetssystem', belopp: 1200 } },
      { key: 'b', group: 'Äldreomsorg', cells: { projekt: 'Larm', belopp: 300 } },
      { key: 'c', group: 'Gemensam verksamhet', cells: { projekt: 'Möbler', belopp: 150 } },
    ],
  };
  const tableOf = (config: TableConfig): TableBlock => {
    const ctx = { ids: new Ids(), cycle, sectionName: '5 Investeringar', sectionTitle: 'Investeringar', base: 2, headingId: 'h-5' };
    const section = { id: 's', number: '5', depth: 1, title: 'Investeringar', kind: 'table' as const, config: { table: config } };
    return contentBlocks(section, content, ctx, null)[0] as TableBlock;
  };

  it('prints the groups as heading rows above their rows, the total last, when the template says so', () => {
    const table = tableOf({ ...layout, groups: 'rows' });
    expect(table.columns.map((c) => c.label)).toEqual(['Projekt', 'Belopp tkr']);
    expect(table.rows.map((r) => [r.kind ?? 'body', ...r.cells])).toEqual([
      ['group', 'Gemensam verksamhet'],
      ['body', 'Verksamhetssystem', 1200],
      ['body', 'Möbler', 150],
      ['group', 'Äldreomsorg'],
      ['body', 'Larm', 300],
      ['total', 'Summa investeringar', 1650],
    ]);
    const html = renderHtml(model([table]), { target: 'preview' });
    expect(html).toContain('<tr class="group-row"><th scope="rowgroup" colspan="2">Äldreomsorg</th></tr><tr><th scope="row">Larm</th><td class="num">300</td></tr>');
    expect(tableCsv(table).split('\r\n')).toEqual([
      '\ufeffGrupp;Projekt;Belopp tkr',
      'Gemensam verksamhet;Verksamhetssystem;1200',
      'Gemensam verksamhet;Möbler;150',
      'Äldreomsorg;Larm;300',
      ';Summa investeringar;1650',
      '',
    ]);
  });

  it('keeps the Grupp column in the rows’ own order without the choice', () => {
    const table = tableOf(layout);
    expect(table.columns.map((c) => c.label)).toEqual(['Grupp', 'Projekt', 'Belopp tkr']);
    expect(table.rows.map((r) => r.cells[1])).toEqual(['Verksamhetssystem', 'Larm', 'Möbler', 'Summa investeringar']);
  });
});

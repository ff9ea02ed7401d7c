import { InternalControlConfig, InternalControlContent } from '@rapportflode/domain';
import { renderDocx } from '../../docx';
import { nackaT2Fixture } from '../../../testing/nacka-fixture';
import { rowsOf, tablesXmlOf, textOf, unzip } from '../../../testing/read-docx';
import { renderHtml } from '../html';
import type { Block, DocumentModel, TableBlock } from '../model';
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

function blocks(config: InternalControlConfig | null, content: InternalControlContent, unit: string | null = null): TableBlock[] {
  const ctx = { ids: new Ids(), cycle, sectionName: '8 Intern kontroll', sectionTitle: 'Intern kontroll', base: 2, headingId: 'h-8' };
  const section = { id: 's', number: '8', depth: 1, title: 'Intern kontroll', kind: 'internal_control' as const, config: config ? { internalControl: config } : null };
  return contentBlocks(section, content, ctx, unit ? { id: 'u', name: unit } : null) as TableBlock[];
}

function model(body: Block[]): DocumentModel {
  return { ...nackaT2Fixture(), body, appendices: [] };
}

const risks: InternalControlContent = {
  type: 'internal_control',
  plan: [],
  risks: [
    {
      key: 'verksamhet',
      title: 'Verksamhetsrisker',
      rows: [
        { key: 'a', group: 'Administration och bistånd', risk: 'Kvalitetsuppföljningar.', cause: 'Digitalt kvalitetsledningssystem saknas.', impact: '', handling: 'Inköp av system.', status: 'active' },
        { key: 'b', group: 'Vård och omsorg', risk: 'Kompetensbrist.', cause: 'Få sökande.', impact: '', handling: 'Rekrytering.', status: 'likely_done' },
      ],
    },
  ],
};
const statuses: InternalControlConfig = { statuses: [{ key: 'likely_done', label: 'Troligen klart i år' }] };

describe('internal control tables in the report', () => {
  it('prints the risk rows’ groups as a column, with the template’s status labels, in HTML and Word', async () => {
    const [table] = blocks(statuses, risks);
    expect(table.columns.map((c) => c.label)).toEqual(['Grupp', 'Risk', 'Orsak', 'Påverkan', 'Hantering', 'Status']);
    expect(table.rows.map((r) => [r.cells[0], r.cells[5]])).toEqual([
      ['Administration och bistånd', 'Ännu aktuell risk'],
      ['Vård och omsorg', 'Troligen klart i år'],
    ]);
    const html = renderHtml(model([table]), { target: 'preview' });
    expect(html).toContain('<th scope="row">Administration och bistånd</th><td>Kvalitetsuppföljningar.</td>');
    expect(html).toContain('<td>Troligen klart i år</td>');
    const document = unzip(await renderDocx(model([table]))).get('word/document.xml') ?? '';
    const rows = rowsOf(tablesXmlOf(document)[0]).map(textOf);
    expect(rows[0]).toContain('Grupp');
    expect(rows[1]).toContain('Administration och bistånd');
    expect(rows[2]).toContain('Vård och omsorg');
    expect(rows[2]).toContain('Troligen klart i år');
  });

  it('prints one table per group when the template says so', () => {
    const tables = blocks({ ...statuses, riskGroups: 'tables' }, risks);
    expect(tables.map((t) => t.caption)).toEqual(['Verksamhetsrisker: Administration och bistånd', 'Verksamhetsrisker: Vård och omsorg']);
    expect(tables[0].columns.map((c) => c.label)).toEqual(['Risk', 'Orsak', 'Påverkan', 'Hantering', 'Status']);
  });

  it('prints an empty optional column as – today, and leaves it out when the template hides empty columns', () => {
    const shown = blocks(statuses, risks)[0];
    expect(renderHtml(model([shown]), { target: 'preview' })).toContain('<th scope="col">Påverkan</th>');
    const hidden = blocks({ ...statuses, hideEmptyColumns: true }, risks)[0];
    expect(hidden.columns.map((c) => c.label)).toEqual(['Grupp', 'Risk', 'Orsak', 'Hantering', 'Status']);
    const html = renderHtml(model([hidden]), { target: 'preview' });
    expect(html).not.toContain('Påverkan');
    expect(html).not.toContain('<td>–</td>');
  });

  it('prints the plan as before: eight columns, the group first when there is one', () => {
    const plan: InternalControlContent = {
      type: 'internal_control',
      plan: [{ key: 'p', area: 'Upphandling', goal: 'Direktupphandlingar görs enligt riktlinjer.', responsible: '', method: 'Stickprov', frequency: '', reportedTo: '', result: 'deviation', comment: '6 avrop.' }],
      risks: [],
    };
    const [table] = blocks(null, plan, 'Omsorgsenheten');
    expect(table.caption).toBe('Intern kontrollplan, Omsorgsenheten');
    expect(table.columns.map((c) => c.label)).toEqual(['Kontrollområde', 'Kontrollmål', 'Ansvarig', 'Metod', 'Frekvens', 'Rapporteras till', 'Resultat', 'Kommentar']);
    expect(table.rows[0]).toEqual({ cells: ['Upphandling', 'Direktupphandlingar görs enligt riktlinjer.', '', 'Stickprov', '', '', 'Avvikelse', '6 avrop.'], marker: 'yellow' });
    expect(blocks({ hideEmptyColumns: true }, plan)[0].columns.map((c) => c.label)).toEqual(['Kontrollområde', 'Kontrollmål', 'Metod', 'Resultat', 'Kommentar']);
    // A result the template adds prints by its label, without a colour mark.
    const partly = blocks({ results: [{ key: 'partly', label: 'Delvis genomförd' }] }, { ...plan, plan: [{ ...plan.plan[0], result: 'partly' }] })[0];
    expect(partly.rows[0]).toEqual({ cells: ['Upphandling', 'Direktupphandlingar görs enligt riktlinjer.', '', 'Stickprov', '', '', 'Delvis genomförd', '6 avrop.'] });
  });

  it('prints the audit recommendations and the systematic controls with their own columns and captions', async () => {
    const [audit] = blocks({ layout: 'audit_recommendations' }, {
      type: 'internal_control',
      plan: [],
      risks: [],
      recommendations: [{ key: 'r', review: 'Granskning av biståndshandläggningen', background: 'Brister i uppföljning.', action: 'Ny rutin.', status: 'Pågår' }],
    });
    expect(audit.caption).toBe('Revisionens rekommendationer');
    expect(audit.columns.map((c) => c.label)).toEqual(['Revision/Granskning', 'Bakgrund', 'Åtgärd', 'Status']);
    const [controls] = blocks({ layout: 'systematic_controls', caption: 'Systematisk kontroll 2021' }, {
      type: 'internal_control',
      plan: [],
      risks: [],
      controls: [{ key: 'c', area: 'Ekonomi', control: 'Attest av fakturor', statusComment: 'Genomförd.' }],
    }, 'Omsorgsenheten');
    expect(controls.caption).toBe('Systematisk kontroll 2021, Omsorgsenheten');
    expect(controls.columns.map((c) => c.label)).toEqual(['Mål/process', 'Kontroll', 'Status och kommentar']);
    const html = renderHtml(model([audit, controls]), { target: 'preview' });
    expect(html).toContain('<caption>Tabell 1. Revisionens rekommendationer</caption>');
    expect(html).toContain('<caption>Tabell 2. Systematisk kontroll 2021, Omsorgsenheten</caption>');
    expect(html).toContain('<th scope="row">Granskning av biståndshandläggningen</th><td>Brister i uppföljning.</td><td>Ny rutin.</td><td>Pågår</td>');
    const document = unzip(await renderDocx(model([audit, controls]))).get('word/document.xml') ?? '';
    expect(textOf(document)).toContain('Revisionens rekommendationer');
    expect(rowsOf(tablesXmlOf(document)[1]).map(textOf)[0]).toContain('Status och kommentar');
  });
});

describe('a table with a typed total in the report', () => {
  const config = {
    table: {
      columns: [
        { key: 'grant', label: 'Bidrag', type: 'text' as const, required: true },
        { key: 'received', label: 'Erhållet belopp tkr', type: 'number' as const, sum: true },
      ],
      totalLabel: 'Summa',
    },
  };
  const build = (printedTotal?: Record<string, number>) => {
    const ctx = { ids: new Ids(), cycle, sectionName: '6 Statsbidrag', sectionTitle: 'Statsbidrag', base: 2, headingId: 'h-6' };
    const section = { id: 't', number: '6', depth: 1, title: 'Statsbidrag', kind: 'table' as const, config };
    const content = { type: 'table' as const, rows: [{ key: 'a', cells: { grant: 'Habilitering', received: 2322 } }, { key: 'b', cells: { grant: 'Familjehem', received: 952 } }], ...(printedTotal ? { printedTotal } : {}) };
    return contentBlocks(section, content, ctx, null);
  };

  it('prints the rows’ sum and, when the typed total disagrees, says so beside the table', () => {
    expect(build().map((b) => b.type)).toEqual(['table']);
    expect(build({ received: 3274 }).map((b) => b.type)).toEqual(['table']);
    const flagged = build({ received: 3300 });
    expect(flagged.map((b) => b.type)).toEqual(['table', 'notice']);
    const html = renderHtml(model(flagged), { target: 'preview' });
    expect(html).toContain('<th scope="row">Summa</th><td class="num">3\u00a0274</td>');
    expect(html).toContain('Summa, Erhållet belopp tkr: den inskrivna summan 3\u00a0300 stämmer inte med raderna; raderna summeras till 3\u00a0274.');
  });
});

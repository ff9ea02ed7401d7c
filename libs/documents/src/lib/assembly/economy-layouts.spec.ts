import { EconomyContent, EconomyTableConfig } from '@rapportflode/domain';
import { renderDocx } from '../../docx';
import { nackaT2Fixture } from '../../../testing/nacka-fixture';
import { rowsOf, tablesXmlOf, textOf, unzip } from '../../../testing/read-docx';
import { renderHtml } from '../html';
import type { Block, DocumentModel, TableBlock } from '../model';
import { Ids } from './context';
import type { AssemblyCycle } from './input';
import { economyTable } from './section-blocks';

const NBSP = '\u00a0';
const MINUS = '\u2212';

const cycle: AssemblyCycle = {
  committee: 'Socialnämnden',
  municipality: 'Gnesta kommun',
  title: 'Delårsrapport 2025',
  year: 2025,
  periodEnd: '2025-08-31',
  periodLabel: 'T2 2025',
  diaryNumber: null,
  dates: [],
};

function table(config: EconomyTableConfig, content: EconomyContent): TableBlock {
  const ctx = { ids: new Ids(), cycle, sectionName: '3 Ekonomi', sectionTitle: 'Ekonomi', base: 2, headingId: 'h-3' };
  return economyTable(config, content, ctx, null, 'Ekonomiskt utfall', 'Verksamhet')[0] as TableBlock;
}

function model(body: Block[]): DocumentModel {
  return { ...nackaT2Fixture(), body, appendices: [] };
}

/** "Perioden" over Budget · Utfall · Avvikelse, "Helår" over Budget · Prognos · Avvikelse, costs positive, mnkr with two decimals. */
const LAYOUT: EconomyTableConfig = {
  unit: 'mnkr',
  decimals: 2,
  signs: 'costs_positive',
  columns: ['budget_net', 'net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
  labels: { budget_net: 'Budget', net: 'Utfall', budget_deviation: 'Avvikelse', annual_budget: 'Budget', forecast: 'Prognos', forecast_deviation: 'Prognosavvikelse' },
  groups: [
    { label: 'Perioden', columns: ['budget_net', 'net', 'budget_deviation'] },
    { label: 'Helår', columns: ['annual_budget', 'forecast', 'forecast_deviation'] },
  ],
  rowHeading: 'Kostnadsslag',
  totalLabel: 'Summa nettokostnad',
};

const CONTENT: EconomyContent = {
  type: 'economy',
  rows: [
    { key: 'personal', label: 'Personal', values: { budget_net: 12.4, net: 12.95, annual_budget: 18.6, forecast: 19.25 } },
    { key: 'lokaler', label: 'Lokaler', values: { budget_net: 3.1, net: 2.85, annual_budget: 4.65, forecast: 4.3 } },
  ],
};

describe('an economy table laid out by its template', () => {
  it('has a heading row over the groups of columns, an empty cell over the first column', () => {
    const block = table(LAYOUT, CONTENT);
    expect(block.groupHeaders).toEqual([
      [
        { label: '', span: 1 },
        { label: 'Perioden', span: 3 },
        { label: 'Helår', span: 3 },
      ],
    ]);
    expect(block.columns.map((c) => c.label)).toEqual(['Kostnadsslag', 'Budget', 'Utfall', 'Avvikelse', 'Budget', 'Prognos', 'Prognosavvikelse']);
    expect(block.footnotes).toEqual(['Kostnader och nettokostnader anges med positiva belopp; en positiv avvikelse är bättre än budget.']);
    expect(block.rows[block.rows.length - 1]).toEqual({ cells: ['Summa nettokostnad', 15.5, 15.8, -0.3, 23.25, 23.55, -0.3], kind: 'total' });
  });

  it('prints the two heading rows with colspan in HTML, figures with two decimals', () => {
    const html = renderHtml(model([table(LAYOUT, CONTENT)]), { target: 'preview' });
    expect(html).toContain('<tr class="group"><td></td><th scope="colgroup" colspan="3">Perioden</th><th scope="colgroup" colspan="3">Helår</th></tr>');
    expect(html).toContain('<th scope="col">Kostnadsslag</th>');
    expect(html).toContain(`<td class="num">12,95</td>`);
    expect(html).toContain(`<td class="num">${MINUS}0,30</td>`);
    expect(html).toContain('<th scope="row">Summa nettokostnad</th>');
  });

  it('merges the group headings over their columns in DOCX', async () => {
    const files = unzip(await renderDocx(model([table(LAYOUT, CONTENT)])));
    const rows = rowsOf(tablesXmlOf(files.get('word/document.xml') ?? '')[0]);
    expect(rows[0]).toMatch(/<w:gridSpan w:val="3"\/>[\s\S]*Perioden[\s\S]*<w:gridSpan w:val="3"\/>[\s\S]*Helår/);
    expect(textOf(rows[1])).toBe('KostnadsslagBudgetUtfallAvvikelseBudgetPrognosPrognosavvikelse');
    expect(textOf(rows[2])).toBe(`Personal12,4012,95${MINUS}0,5518,6019,25${MINUS}0,65`);
  });

  it('puts a sub-total below its sub-rows as "Summa <row>" when the layout says so, at every level', () => {
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast'], subtotalPosition: 'below' };
    const content: EconomyContent = {
      type: 'economy',
      rows: [
        {
          key: 'ifo',
          label: 'Individ- och familjeomsorg',
          values: {},
          children: [
            { key: 'barn', label: 'Barn och unga', values: {}, children: [{ key: 'hvb', label: 'HVB', values: { annual_budget: -100, forecast: -120 } }] },
            { key: 'vuxna', label: 'Vuxna', values: { annual_budget: -30, forecast: -30 } },
          ],
        },
      ],
    };
    const rows = table(config, content).rows.map((r) => [r.kind, ...r.cells]);
    expect(rows).toEqual([
      ['body', 'Individ- och familjeomsorg', null, null],
      ['sub', 'Barn och unga', null, null],
      ['sub', 'HVB', -100, -120],
      ['subtotal', 'Summa barn och unga', -100, -120],
      ['sub', 'Vuxna', -30, -30],
      ['subtotal', 'Summa individ- och familjeomsorg', -130, -150],
      ['total', 'Summa', -130, -150],
    ]);
  });

  it('names the first column after the layout, also under each enhet in the nämnd table', () => {
    const ctx = { ids: new Ids(), cycle, sectionName: '3 Ekonomi', sectionTitle: 'Ekonomi', base: 2, headingId: 'h-3' };
    const perUnit = economyTable(LAYOUT, CONTENT, ctx, null, 'Ekonomi per enhet', 'Enhet / verksamhet')[0] as TableBlock;
    expect(perUnit.columns[0].label).toBe('Enhet / kostnadsslag');
    const plain = economyTable({ unit: 'tkr', columns: ['net'] }, CONTENT, ctx, null, 'Ekonomi per enhet', 'Enhet / verksamhet')[0] as TableBlock;
    expect(plain.columns[0].label).toBe('Enhet / verksamhet');
  });

  it('prints a table without layout options as before: one heading row, "Summa", the note on net costs', () => {
    const block = table({ unit: 'tkr', columns: ['annual_budget', 'forecast'] }, { type: 'economy', rows: [{ key: 'a', label: 'Hemtjänst', values: { annual_budget: -1000, forecast: -1100 } }] });
    expect(block.groupHeaders).toBeUndefined();
    expect(block.columns[0].label).toBe('Verksamhet');
    expect(block.footnotes).toEqual(['Negativa belopp är nettokostnader.']);
    expect(block.rows.map((r) => r.cells)).toEqual([
      ['Hemtjänst', -1000, -1100],
      ['Summa', -1000, -1100],
    ]);
    expect(renderHtml(model([block]), { target: 'preview' })).toContain(`<td class="num">${MINUS}1${NBSP}100</td>`);
  });
});

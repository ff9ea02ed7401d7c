import { GoalsConfig, GoalsContent, Indicator } from '@rapportflode/domain';
import { renderDocx } from '../../docx';
import { nackaT2Fixture } from '../../../testing/nacka-fixture';
import { rowsOf, tablesXmlOf, textOf, unzip } from '../../../testing/read-docx';
import { renderHtml } from '../html';
import type { Block, DocumentModel, TableBlock } from '../model';
import { tableCsv } from '../open-data';
import { Ids } from './context';
import type { AssemblyCycle } from './input';
import { contentBlocks } from './section-blocks';

const cycle: AssemblyCycle = {
  committee: 'Barn- och utbildningsnämnden',
  municipality: 'Gnesta kommun',
  title: 'Delårsrapport 2022',
  year: 2022,
  periodEnd: '2022-08-31',
  periodLabel: 'T2 2022',
  diaryNumber: null,
  dates: [],
};

const ind = (key: string, name: string, target: Indicator['target'], value: number | null, previous: number | null): Indicator => ({
  key,
  name,
  unit: 'percent',
  previous,
  value,
  target,
  assessment: null,
});

const goals: GoalsContent = {
  type: 'goals',
  goals: [
    {
      key: 'g1',
      title: 'Gnesta ska vara en trygg kommun',
      committeeGoals: [
        {
          key: 'n1',
          title: 'Fler barn ska känna sig trygga i skolan',
          assessment: null,
          indicators: [
            ind('a', 'Andel trygga elever', 'Öka', 86, 84),
            ind('b', 'Andel elever med frånvaro', 'Minska', 9.5, 8.1),
            ind('c', 'Andel nöjda vårdnadshavare', 'Bibehålla', 91, null),
            ind('d', 'Andel behöriga lärare', 90, 81, 80),
          ],
        },
      ],
    },
  ],
};

function table(config: GoalsConfig): TableBlock {
  const ctx = { ids: new Ids(), cycle, sectionName: '4 Mål', sectionTitle: 'Mål', base: 2, headingId: 'h-4' };
  const section = { id: 's', number: '4', depth: 1, title: 'Mål', kind: 'goals' as const, config: { goals: config } };
  return contentBlocks(section, goals, ctx, null).find((b): b is TableBlock => b.type === 'table') as TableBlock;
}

function model(body: Block[]): DocumentModel {
  return { ...nackaT2Fixture(), body, appendices: [] };
}

describe('direction targets in the Måluppfyllelse column', () => {
  const printed = table({ year: 2022, printColumns: ['previous', 'value', 'target', 'fulfilment'] });

  it('prints Uppfyllt or Ej uppfyllt for a direction, nothing without an earlier value, the per cent for a figure', () => {
    expect(printed.columns.map((c) => c.label)).toEqual(['Indikator', 'Utfall 2021', 'Utfall 2022', 'Mål 2022', 'Måluppfyllelse 2022']);
    expect(printed.rows.map((r) => r.cells[4])).toEqual(['Uppfyllt', 'Ej uppfyllt', null, 90]);
  });

  it('shows the words in HTML, Word and the CSV', async () => {
    const html = renderHtml(model([printed]), { target: 'preview' });
    expect(html).toContain('<th scope="row">Andel trygga elever</th><td class="num">84,0</td><td class="num">86,0</td><td>Öka</td><td>Uppfyllt</td>');
    expect(html).toContain('<td>Minska</td><td>Ej uppfyllt</td>');
    expect(html).toContain('<td>Bibehålla</td><td class="num">–</td>');
    expect(html).toContain('<td class="num">90\u00a0%</td>');
    const rows = rowsOf(tablesXmlOf(unzip(await renderDocx(model([printed]))).get('word/document.xml') ?? '')[0]).map(textOf);
    expect(rows[1]).toBe('Andel trygga elever84,086,0ÖkaUppfyllt');
    expect(rows[2]).toBe('Andel elever med frånvaro8,19,5MinskaEj uppfyllt');
    expect(tableCsv(printed).split('\r\n')[1]).toBe('Andel trygga elever;84;86;Öka;Uppfyllt');
  });
});

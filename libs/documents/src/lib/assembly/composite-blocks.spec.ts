import { checkSectionConfig, type RichTextDocument, type SectionConfig, type TaskContent } from '@rapportflode/domain';
import { renderDocx } from '../../docx';
import { rowsOf, tablesXmlOf, textOf, unzip } from '../../../testing/read-docx';
import { renderHtml } from '../html';
import type { ChartBlock, DocumentModel } from '../model';
import { assembleReport, type AssemblyInput } from './assemble';

const doc = (text: string): RichTextDocument => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

const investments = {
  columns: [
    { key: 'projekt', label: 'Projekt', type: 'text' },
    { key: 'budget', label: 'Budget tkr', type: 'number', sum: true },
    { key: 'utfall', label: 'Utfall tkr', type: 'number', sum: true },
  ],
};

function layout(chartType: 'bar' | 'line', source = 'investeringar'): SectionConfig {
  const checked = checkSectionConfig('blocks', {
    blocks: {
      blocks: [
        { key: 'inledning', kind: 'narrative' },
        { key: 'investeringar', kind: 'table', title: 'Investeringar per projekt', config: { table: investments } },
        { key: 'analys', kind: 'narrative', title: 'Analys' },
        { key: 'diagram', kind: 'chart', chart: { source, title: 'Budget och utfall', type: chartType, series: ['budget', 'utfall'] } },
      ],
    },
  });
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.config as SectionConfig;
}

const content: TaskContent = {
  type: 'blocks',
  blocks: {
    inledning: doc('Investeringarna följer planen.'),
    investeringar: {
      type: 'table',
      rows: [
        { key: 'r1', cells: { projekt: 'Skolan', budget: 1200, utfall: 950 } },
        { key: 'r2', cells: { projekt: 'Förskolan', budget: 800, utfall: -10 } },
      ],
    },
    analys: doc('Skolans bygge är försenat.'),
  },
};

function input(chartType: 'bar' | 'line'): AssemblyInput {
  return {
    cycle: {
      committee: 'Utbildningsnämnden',
      municipality: 'Gnesta kommun',
      title: 'Delårsrapport 2025',
      year: 2025,
      periodEnd: '2025-08-31',
      periodLabel: 'T2 2025',
      diaryNumber: null,
      dates: [],
    },
    sections: [{ id: 's1', key: 'investeringar', number: '1', depth: 1, title: 'Investeringar', kind: 'blocks', config: layout(chartType) }],
    units: [],
    tasks: [{ sectionId: 's1', unitId: null, state: 'approved', content }],
  };
}

const chartOf = (model: DocumentModel) => model.body.find((b): b is ChartBlock => b.type === 'chart');

describe('a section made of blocks in the report', () => {
  it('assembles as text, table, text, chart, in the template’s order, under one heading', () => {
    const { model } = assembleReport(input('bar'));
    expect(model.body.map((b) => b.type)).toEqual(['heading', 'paragraph', 'table', 'paragraph', 'paragraph', 'chart']);
    expect(model.body.filter((b) => b.type === 'heading')).toHaveLength(1);
    const table = model.body.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.caption).toBe('Investeringar per projekt');
    expect(table?.type === 'table' && table.rows.map((r) => r.cells)).toEqual([
      ['Skolan', 1200, 950],
      ['Förskolan', 800, -10],
      ['Totalt', 2000, 940],
    ]);
    const chart = chartOf(model);
    expect(chart).toMatchObject({ chartType: 'bar', printData: true, title: 'Budget och utfall', categories: ['Skolan', 'Förskolan'] });
    expect(chart?.series).toEqual([
      { name: 'Budget tkr', values: [1200, 800] },
      { name: 'Utfall tkr', values: [950, -10] },
    ]);
  });

  it('draws a bar chart as SVG bars and a line chart as SVG lines, each with its description and its data table, in print too', () => {
    const bar = renderHtml(assembleReport(input('bar')).model, { target: 'print' });
    const figure = /<figure class="chart"[\s\S]*?<\/figure>/.exec(bar)?.[0] ?? '';
    expect(figure).toContain('<svg role="img"');
    expect(figure.match(/<rect [^>]*fill="#/g)?.length).toBe(4 + 2); // four bars, two legend keys
    expect(figure).not.toContain('<polyline');
    expect(figure).toContain('<table class="chart-data">');
    expect(figure).toContain('Stapeldiagram över budget tkr, utfall tkr för Skolan, Förskolan.');
    expect(figure).toContain('\u2212');

    const line = renderHtml(assembleReport(input('line')).model, { target: 'preview' });
    const lineFigure = /<figure class="chart"[\s\S]*?<\/figure>/.exec(line)?.[0] ?? '';
    expect(lineFigure.match(/<polyline class="line"/g)?.length).toBe(2);
    expect(lineFigure.match(/<circle /g)?.length).toBe(4);
    expect(lineFigure).toContain('Linjediagram över budget tkr, utfall tkr');
    expect(lineFigure).toContain('<details class="chart-details">');
  });

  it('gives Word the chart’s data table, its description and a Word chart of the same figures', async () => {
    const files = unzip(await renderDocx(assembleReport(input('line')).model));
    const document = files.get('word/document.xml') ?? '';
    const table = tablesXmlOf(document).find((t) => textOf(t).startsWith('Budget tkr'));
    expect(table && rowsOf(table).map(textOf)).toEqual(['Budget tkrUtfall tkr', 'Skolan1\u00a0200950', 'Förskolan800\u221210']);
    expect(textOf(document)).toContain('Linjediagram över budget tkr, utfall tkr för Skolan, Förskolan.');
    const chartPart = [...files.keys()].find((name) => /^word\/charts\/chart\d+\.xml$/.test(name));
    expect(chartPart).toBeDefined();
    expect(files.get(chartPart ?? '')).toContain('<c:lineChart>');
  });

  it('charts another table section of the template by its key, from its approved figures', () => {
    const base = input('bar');
    const withSource: AssemblyInput = {
      ...base,
      sections: [
        { id: 's0', key: 'statsbidrag', number: '1', depth: 1, title: 'Statsbidrag', kind: 'table', config: { table: investments as never } },
        { ...base.sections[0], number: '2', config: layout('bar', 'statsbidrag') },
      ],
      tasks: [
        ...base.tasks,
        { sectionId: 's0', unitId: null, state: 'approved', content: { type: 'table', rows: [{ key: 'a', cells: { projekt: 'Lärarlönelyftet', budget: 300, utfall: 280 } }] } },
      ],
    };
    const chart = chartOf(assembleReport(withSource).model);
    expect(chart?.categories).toEqual(['Lärarlönelyftet']);
    expect(chart?.series.map((s) => s.values)).toEqual([[300], [280]]);
  });
});

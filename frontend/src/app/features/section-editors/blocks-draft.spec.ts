import { checkSectionConfig, type SectionConfig } from '@rapportflode/domain';
import { blockItems, chartPreview, composeBlocks } from './blocks-draft';
import type { SectionRead } from './section-editor-base';

const config = (() => {
  const checked = checkSectionConfig('blocks', {
    blocks: {
      blocks: [
        { key: 'inledning', kind: 'narrative' },
        {
          key: 'bidrag',
          kind: 'table',
          title: 'Statsbidrag',
          config: { table: { columns: [{ key: 'namn', label: 'Bidrag', type: 'text' }, { key: 'belopp', label: 'Belopp tkr', type: 'number' }] } },
        },
        { key: 'diagram', kind: 'chart', chart: { source: 'bidrag', title: 'Statsbidrag per bidrag' } },
      ],
    },
  });
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.config as SectionConfig;
})();

const text = { type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Inledning' }] }] };
const table = { type: 'table' as const, rows: [{ key: 'a', cells: { namn: 'Lärarlönelyftet', belopp: 300 } }] };

describe('the page of a section made of blocks', () => {
  it('names the blocks as messages do: the title, else the position and kind', () => {
    expect(blockItems(config).map((i) => i.name)).toEqual(['Block 1 (Text)', 'Statsbidrag', 'Block 3 (Diagram)']);
  });

  it('saves every block’s read as one content, or lists every block’s problems after its name', () => {
    const ok = new Map<string, SectionRead>([
      ['inledning', { ok: true, content: text, removed: ['en bild'] }],
      ['bidrag', { ok: true, content: table, removed: [] }],
    ]);
    expect(composeBlocks(config, ok)).toEqual({ ok: true, content: { type: 'blocks', blocks: { inledning: text, bidrag: table } }, removed: ['en bild'] });
    const bad = new Map<string, SectionRead>([
      ['inledning', { ok: true, content: text, removed: [] }],
      ['bidrag', { ok: false, errors: ['Lärarlönelyftet: Belopp tkr: "mycket" är text; kolumnen tar bara tal.'] }],
    ]);
    expect(composeBlocks(config, bad)).toEqual({ ok: false, errors: ['Statsbidrag: Lärarlönelyftet: Belopp tkr: "mycket" är text; kolumnen tar bara tal.'] });
  });

  it('draws the chart from the figures as typed, over the stored ones', () => {
    const spec = blockItems(config)[2].spec;
    const stored = { type: 'blocks' as const, blocks: { bidrag: table } };
    expect(chartPreview(config, spec, stored, {})?.groups).toEqual([{ label: 'Lärarlönelyftet', values: [300] }]);
    const typed = chartPreview(config, spec, stored, { bidrag: { type: 'table', rows: [{ key: 'a', cells: { namn: 'Lärarlönelyftet', belopp: 1250 } }] } });
    expect(typed?.groups).toEqual([{ label: 'Lärarlönelyftet', values: [1250] }]);
    expect(typed?.table.rows[0].cells[0].text).toBe('1\u00a0250');
    expect(typed).toMatchObject({ type: 'bar', caption: 'Statsbidrag per bidrag', seriesLabels: ['Belopp tkr'] });
  });
});

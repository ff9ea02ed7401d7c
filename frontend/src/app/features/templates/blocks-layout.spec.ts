import { checkSectionConfig, checkTemplateSections } from '@rapportflode/domain';
import { addBlock, chartColumnsOf, moveBlock, removeBlock, setBlock, setChart } from './blocks-layout';
import { type EditorSection, toSectionInputs } from './template-sections';

describe('the blocks of a section in the template editor', () => {
  it('adds blocks of each kind with keys of their own; a chart draws the last table block and the layout passes the check', () => {
    let config = addBlock(null, 'narrative');
    config = addBlock(config, 'table');
    config = addBlock(config, 'narrative');
    config = addBlock(config, 'chart');
    expect(config.blocks?.blocks.map((b) => b.key)).toEqual(['text-1', 'tabell-2', 'text-3', 'diagram-4']);
    expect(config.blocks?.blocks[3].chart).toEqual({ source: 'tabell-2', title: 'Diagram' });
    expect(checkSectionConfig('blocks', config).ok).toBe(true);
  });

  it('moves blocks up and down, retitles and removes them; removing a chart’s table is named by the check', () => {
    let config = addBlock(addBlock(addBlock(null, 'narrative'), 'table'), 'chart');
    config = moveBlock(config, 1, -1);
    expect(config.blocks?.blocks.map((b) => b.kind)).toEqual(['table', 'narrative', 'chart']);
    expect(moveBlock(config, 0, -1)).toEqual(config);
    config = setBlock(config, 0, { title: ' Investeringar ' });
    expect(config.blocks?.blocks[0].title).toBe('Investeringar');
    expect(setBlock(config, 0, { title: '' }).blocks?.blocks[0].title).toBeUndefined();
    const without = removeBlock(config, 0);
    expect(without.blocks?.blocks.map((b) => b.kind)).toEqual(['narrative', 'chart']);
    const section = { key: 'inv', parentKey: null, title: 'Investeringar', kind: 'blocks' as const, responsibility: 'committee' as const, reviewerRole: 'economist' as const };
    const checked = checkTemplateSections([{ ...section, config: without }]);
    expect(!checked.ok && checked.errors).toEqual(['Avsnittet "Investeringar": Block 2 (Diagram): diagrammet visar "tabell-2", som varken är ett block i avsnittet eller ett avsnitt i mallen.']);
  });

  it('sets a chart’s type, axis and series; a line chart is kept, the defaults are left out', () => {
    let config = addBlock(addBlock(null, 'table'), 'chart');
    const blocks = () => config.blocks?.blocks ?? [];
    expect(chartColumnsOf(blocks(), blocks()[1].chart)).toEqual([{ key: 'belopp', label: 'Belopp tkr' }]);
    config = setChart(config, 1, { type: 'line', series: ['belopp'], title: 'Belopp per rad' });
    expect(blocks()[1].chart).toEqual({ source: 'tabell-1', title: 'Belopp per rad', type: 'line', series: ['belopp'] });
    config = setChart(config, 1, { type: 'bar', categories: 'columns' });
    expect(blocks()[1].chart).toEqual({ source: 'tabell-1', title: 'Belopp per rad', categories: 'columns' });
    expect(checkSectionConfig('blocks', config).ok).toBe(true);
  });

  it('sends a section of blocks with a fault in its list, so the check names the fault and no block is lost', () => {
    const config = addBlock(addBlock(null, 'table'), 'chart');
    const faulty = setChart(config, 1, { title: '' });
    const row: EditorSection = { uid: 'u1', savedKey: 'inv', parentUid: null, title: 'Investeringar', kind: 'blocks', responsibility: 'committee', unitIds: [], reviewerRole: 'economist', config: faulty };
    const [section] = toSectionInputs([row]);
    expect(section.config).toEqual(faulty);
    const checked = checkTemplateSections(toSectionInputs([row]));
    expect(!checked.ok && checked.errors).toEqual(['Avsnittet "Investeringar": Block 2 (Diagram): Diagrammets rubrik ska vara 1–120 tecken.']);
    // A layout of another kind is still dropped when the kind changes.
    expect(toSectionInputs([{ ...row, kind: 'table' }])[0].config).toBeUndefined();
  });
});

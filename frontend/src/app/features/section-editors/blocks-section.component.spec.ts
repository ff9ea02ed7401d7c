import { TestBed } from '@angular/core/testing';
import { type BlocksContent, checkSectionConfig, type SectionConfig } from '@rapportflode/domain';
import { BlocksSectionComponent } from './blocks-section.component';

const config = (() => {
  const checked = checkSectionConfig('blocks', {
    blocks: {
      blocks: [
        { key: 'inledning', kind: 'narrative', title: 'Inledning' },
        {
          key: 'bidrag',
          kind: 'table',
          title: 'Statsbidrag',
          config: { table: { columns: [{ key: 'namn', label: 'Bidrag', type: 'text' }, { key: 'belopp', label: 'Belopp tkr', type: 'number' }] } },
        },
        { key: 'diagram', kind: 'chart', chart: { source: 'bidrag', title: 'Statsbidrag per bidrag', type: 'line' } },
      ],
    },
  });
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.config as SectionConfig;
})();

const content: BlocksContent = {
  type: 'blocks',
  blocks: {
    inledning: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bidragen följer planen.' }] }] },
    bidrag: { type: 'table', rows: [{ key: 'a', cells: { namn: 'Lärarlönelyftet', belopp: 300 } }] },
  },
};

describe('BlocksSectionComponent', () => {
  async function section(readonly: boolean) {
    const fixture = TestBed.createComponent(BlocksSectionComponent);
    fixture.componentRef.setInput('title', '2 Statsbidrag');
    fixture.componentRef.setInput('content', content);
    fixture.componentRef.setInput('config', config);
    fixture.componentRef.setInput('readonly', readonly);
    let changes = 0;
    fixture.componentInstance.changed.subscribe(() => (changes += 1));
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement, changes: () => changes };
  }

  it('shows the blocks in the template’s order, each with its kind’s editor, and reads them as one content', async () => {
    const { fixture, root } = await section(false);
    expect(Array.from(root.querySelectorAll('.block-title')).map((h) => h.textContent?.trim())).toEqual(['Inledning', 'Statsbidrag', 'Block 3 (Diagram)']);
    expect(root.querySelector('[role="textbox"][aria-label="Text för 2 Statsbidrag, Inledning"]')?.textContent).toBe('Bidragen följer planen.');
    expect((root.querySelector('#tb-a-belopp') as HTMLInputElement).value).toBe('300');
    const read = fixture.componentInstance.read();
    const blocks = read.ok && read.content.type === 'blocks' ? read.content.blocks : {};
    expect(Object.keys(blocks)).toEqual(['inledning', 'bidrag']);
    expect(blocks['bidrag']).toEqual(content.blocks['bidrag']);
    // The text keeps what was typed; its paragraph gets an anchor id for comments.
    expect(blocks['inledning']).toMatchObject({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bidragen följer planen.' }] }] });
  });

  it('draws the chart live from the figures typed in its table, and names a bad figure by its block', async () => {
    const { fixture, root, changes } = await section(false);
    const chartTable = () => Array.from(root.querySelectorAll('[data-block="diagram"] td')).map((td) => td.textContent?.trim());
    expect(root.querySelector('[data-block="diagram"] rf-line-chart')).not.toBeNull();
    expect(chartTable()).toEqual(['300']);
    const cell = root.querySelector('#tb-a-belopp') as HTMLInputElement;
    cell.value = '1 250';
    cell.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(changes()).toBeGreaterThan(0);
    expect(chartTable()).toEqual(['1\u00a0250']);
    cell.value = 'mycket';
    cell.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    const read = fixture.componentInstance.read();
    expect(!read.ok && read.errors).toEqual([expect.stringMatching(/^Statsbidrag: Lärarlönelyftet: Belopp tkr: /)]);
  });

  it('shows the text read-only as text, the table without inputs', async () => {
    const { root } = await section(true);
    expect(root.querySelector('.rich-content')?.textContent).toContain('Bidragen följer planen.');
    expect(root.querySelector('[role="textbox"]')).toBeNull();
    expect(root.querySelector('#tb-a-belopp')).toBeNull();
    expect(root.textContent).toContain('Lärarlönelyftet');
  });
});

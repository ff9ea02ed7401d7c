import { TestBed } from '@angular/core/testing';
import type { EconomyContent, EconomyTableConfig } from '@rapportflode/domain';
import { EconomyTableEditorComponent } from './economy-table-editor.component';

const MINUS = '\u2212';

const content: EconomyContent = {
  type: 'economy',
  rows: [
    {
      key: 'r-a',
      label: 'Barn och unga',
      values: {},
      children: [
        { key: 'r-a1', label: 'Heldygnsvård', values: { income: 10, costs: -110 } },
        { key: 'r-a2', label: 'Öppenvård', values: { costs: -40 } },
      ],
    },
  ],
};

describe('EconomyTableEditorComponent', () => {
  async function grid(config: EconomyTableConfig, readonly: boolean) {
    const fixture = TestBed.createComponent(EconomyTableEditorComponent);
    fixture.componentRef.setInput('title', 'Ekonomi');
    fixture.componentRef.setInput('content', content);
    fixture.componentRef.setInput('config', config);
    fixture.componentRef.setInput('readonly', readonly);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const lines = Array.from(root.querySelectorAll('tbody tr:not(.comment-row)'))
      .filter((tr) => tr.querySelector('th'))
      .map((tr) => Array.from(tr.querySelectorAll('th, td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));
    return { root, lines };
  }

  it('with sub-totals below, shows the row as a label and "Summa <rad>" after its sub-rows, as it prints', async () => {
    const { root, lines } = await grid({ unit: 'tkr', columns: ['income', 'costs', 'net'], subtotalPosition: 'below' }, true);
    expect(lines.map((cells) => cells[0])).toEqual(['Barn och unga', 'Heldygnsvård', 'Öppenvård', 'Summa barn och unga']);
    expect(lines[0].slice(1)).toEqual(['', '', '']);
    expect(lines[3].slice(1)).toEqual(['10', `${MINUS}150`, `${MINUS}140`]);
    expect(root.querySelector('tr.sum-row')?.getAttribute('data-sum-of')).toBe('r-a');
  });

  it('in the entry grid the sum row has no inputs, the sub-rows have', async () => {
    const { root } = await grid({ unit: 'tkr', columns: ['income', 'costs', 'net'], subtotalPosition: 'below' }, false);
    expect(root.querySelectorAll('tr.sum-row input')).toHaveLength(0);
    expect(root.querySelector('#ec-r-a2-costs')).not.toBeNull();
    expect(root.querySelector('#ec-r-a-costs')).toBeNull();
  });

  it('by default keeps the sum on the row itself', async () => {
    const { lines } = await grid({ unit: 'tkr', columns: ['income', 'costs', 'net'] }, true);
    expect(lines.map((cells) => cells[0])).toEqual(['Barn och unga', 'Heldygnsvård', 'Öppenvård']);
    expect(lines[0].slice(1)).toEqual(['10', `${MINUS}150`, `${MINUS}140`]);
  });
});

import { TestBed } from '@angular/core/testing';
import type { SectionConfig } from '@rapportflode/domain';
import { BlocksLayoutComponent } from './blocks-layout.component';

describe('BlocksLayoutComponent', () => {
  async function layout(config: SectionConfig | null) {
    const fixture = TestBed.createComponent(BlocksLayoutComponent);
    fixture.componentRef.setInput('id', 'layout-s1');
    fixture.componentRef.setInput('config', config);
    const changes: Array<SectionConfig | null> = [];
    fixture.componentInstance.configChange.subscribe((c) => {
      changes.push(c);
      fixture.componentRef.setInput('config', c);
    });
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const el = <T extends HTMLElement>(id: string) => root.querySelector<T>(`#layout-s1-${id}`) as T;
    const choose = async (id: string, value: string) => {
      const select = el<HTMLSelectElement>(id);
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    const click = async (element: HTMLElement) => {
      element.click();
      await fixture.whenStable();
    };
    return { root, changes, el, choose, click };
  }

  it('adds a text block, a table block and a chart of the table, then moves the chart up, in Swedish', async () => {
    const { root, changes, el, choose, click } = await layout(null);
    expect(root.textContent).toContain('Avsnittet har inga block ännu.');
    await click(el('add-block'));
    await choose('new-kind', 'table');
    await click(el('add-block'));
    await choose('new-kind', 'chart');
    await click(el('add-block'));
    expect(changes.at(-1)?.blocks?.blocks.map((b) => b.key)).toEqual(['text-1', 'tabell-2', 'diagram-3']);
    // The chart draws the table block; its series are the table's number columns.
    expect(el<HTMLSelectElement>('block-diagram-3-source').value).toBe('tabell-2');
    await click(el('block-diagram-3-series-belopp'));
    expect(changes.at(-1)?.blocks?.blocks[2].chart).toEqual({ source: 'tabell-2', title: 'Diagram', series: ['belopp'] });
    await choose('block-diagram-3-type', 'line');
    expect(changes.at(-1)?.blocks?.blocks[2].chart?.type).toBe('line');
    const up = Array.from(root.querySelectorAll<HTMLButtonElement>('#layout-s1-block-diagram-3 button')).find((b) => b.textContent?.startsWith('Upp'));
    expect(up?.textContent).toContain('Upp med Block 3 (Diagram)');
    await click(up as HTMLButtonElement);
    expect(changes.at(-1)?.blocks?.blocks.map((b) => b.kind)).toEqual(['narrative', 'chart', 'table']);
  });
});

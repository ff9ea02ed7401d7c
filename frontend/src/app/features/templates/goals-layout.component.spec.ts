import { TestBed } from '@angular/core/testing';
import type { GoalsConfig } from '@rapportflode/domain';
import { GoalsLayoutComponent } from './goals-layout.component';

describe('GoalsLayoutComponent', () => {
  async function layout(config: GoalsConfig | null) {
    const fixture = TestBed.createComponent(GoalsLayoutComponent);
    fixture.componentRef.setInput('id', 'layout-s1');
    fixture.componentRef.setInput('config', config);
    const changes: GoalsConfig[] = [];
    fixture.componentInstance.configChange.subscribe((c) => changes.push(c));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const box = (id: string) => root.querySelector<HTMLInputElement>(`#layout-s1-goals-${id}`) as HTMLInputElement;
    const click = async (id: string) => {
      box(id).click();
      await fixture.whenStable();
    };
    return { fixture, root, changes, box, click };
  }

  it('shows today’s layout by default: nämndmål and indicators assessed, every column printed, no målområden', async () => {
    const { root, box } = await layout(null);
    expect([box('areas').checked, box('assess-goals').checked, box('assess-committee').checked, box('assess-indicators').checked]).toEqual([false, false, true, true]);
    const columns = ['unit', 'earlier', 'previous', 'value', 'target', 'fulfilment', 'assessment', 'source'];
    expect(columns.map((c) => box(`column-${c}`).checked)).toEqual(columns.map(() => true));
    const labels = Array.from(root.querySelectorAll('label')).map((l) => l.textContent?.trim());
    expect(labels).toContain('Målområden ovanför kommunfullmäktiges mål');
    expect(labels).toContain('Indikatorerna bedöms');
    expect(root.querySelector('#layout-s1-goals-preview thead')?.textContent).toContain('Måluppfyllelse');
  });

  it('sends the whole goals layout on each choice, and the example follows the layout it is given', async () => {
    const { fixture, root, changes, click } = await layout({ year: 2022 });
    await click('areas');
    await click('assess-indicators');
    await click('column-unit');
    expect(changes).toEqual([{ year: 2022, areas: true }, { year: 2022, assessIndicators: false }, { year: 2022, printColumns: ['earlier', 'previous', 'value', 'target', 'fulfilment', 'assessment', 'source'] }]);
    fixture.componentRef.setInput('config', { year: 2022, areas: true, assessIndicators: false, printColumns: ['earlier', 'value', 'target'] });
    await fixture.whenStable();
    const preview = root.querySelector('#layout-s1-goals-preview') as HTMLElement;
    expect(preview.querySelector('p')?.textContent).toBe('Målområde: Livskvalitet');
    expect(Array.from(preview.querySelectorAll('th[scope="col"]')).map((th) => th.textContent)).toEqual(['Indikator', 'Utfall 2019', 'Utfall 2020', 'Utfall 2022', 'Mål 2022']);
    expect(root.querySelector('#layout-s1-goals-assessment-note')?.textContent).toContain('Bedömning skrivs inte ut');
  });
});
